// The stichtingbeheerder links a partner organisation to one of its schools, or (no school) to the
// whole stichting. RLS 0032 pins the stichting; the school must be one of the stichting's.
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordAdminChange } from './admin-audit.ts'
import { uniquely } from './organisations.ts'

export const linkPartner = defineUseCase({
  name: 'accounts/link-partner',
  input: z.strictObject({
    partnerId: z.uuid('Kies een partnerorganisatie'),
    /** Empty or absent: the whole stichting. */
    schoolId: z.union([z.uuid('Kies een school van de stichting'), z.literal('')]).optional(),
  }),
  permission: ['manage', 'PartnerLink'],
  forbidden: 'Alleen de stichtingbeheerder koppelt partners.',
  async run(tx, ctx, input) {
    const stichtingId = ctx.tenant.stichtingId
    if (!stichtingId) return refuse('forbidden', '', 'Alleen de stichtingbeheerder koppelt partners.')
    const schoolId = input.schoolId || null
    const [partner] = await tx.select().from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.id, input.partnerId))
    if (!partner) return refuse('not_found', 'partnerId', 'Partnerorganisatie niet gevonden.')
    if (schoolId) {
      const [school] = await tx.select({ stichtingId: schema.schools.stichtingId }).from(schema.schools).where(eq(schema.schools.id, schoolId))
      if (!school || school.stichtingId !== stichtingId) return refuse('not_found', 'schoolId', 'School niet gevonden.')
    }
    const written = await uniquely(tx, (sp) => sp.insert(schema.partnerLinks).values({ partnerId: partner.id, stichtingId, schoolId }).returning())
    if (!written.ok) return refuse('conflict', 'partnerId', 'Deze partner is hier al gekoppeld.')
    const row = written.value[0]!
    const link = { id: row.id, partnerId: row.partnerId, partnerName: partner.name, stichtingId, schoolId: row.schoolId }
    await recordAdminChange(tx, ctx, { action: 'partner_link.created', subjectType: 'partner_link', subjectId: row.id, before: null, after: link })
    return { ok: true, link }
  },
})
