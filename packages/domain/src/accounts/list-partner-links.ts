// Which partner organisations work with the stichting's schools (or the whole stichting): the
// links the sharing agreements build on. For the stichtingbeheerder.
import { schema } from '@baken/db'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'

export const listPartnerLinks = defineUseCase({
  name: 'accounts/list-partner-links',
  input: z.object({}),
  permission: ['manage', 'PartnerLink'],
  forbidden: 'Alleen de stichtingbeheerder beheert de koppelingen met partners.',
  async run(tx, { tenant }) {
    if (!tenant.stichtingId) return refuse('forbidden', '', 'Alleen de stichtingbeheerder beheert de koppelingen met partners.')
    const l = schema.partnerLinks
    const rows = await tx
      .select({ id: l.id, partnerId: l.partnerId, partnerName: schema.partnerOrganisations.name, partnerKind: schema.partnerOrganisations.kind, schoolId: l.schoolId, schoolName: schema.schools.name, createdAt: l.createdAt })
      .from(l)
      .innerJoin(schema.partnerOrganisations, eq(schema.partnerOrganisations.id, l.partnerId))
      .leftJoin(schema.schools, eq(schema.schools.id, l.schoolId))
      .where(eq(l.stichtingId, tenant.stichtingId))
      .orderBy(asc(schema.partnerOrganisations.name), asc(schema.schools.name))
    return { ok: true, items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }
  },
})
