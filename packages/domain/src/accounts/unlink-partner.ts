// The stichtingbeheerder ends a partner link. Sharing agreements already made stay as they are
// (they are decisions of their own); new ones need the link. Another stichting's link: not found.
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordAdminChange } from './admin-audit.ts'

export const unlinkPartner = defineUseCase({
  name: 'accounts/unlink-partner',
  input: z.strictObject({ id: z.uuid('Geen geldig id') }),
  permission: ['manage', 'PartnerLink'],
  forbidden: 'Alleen de stichtingbeheerder ontkoppelt partners.',
  async run(tx, ctx, input) {
    const [row] = await tx.select().from(schema.partnerLinks).where(eq(schema.partnerLinks.id, input.id))
    if (!row || row.stichtingId !== ctx.tenant.stichtingId) return refuse('not_found', 'id', 'Koppeling niet gevonden.')
    await tx.delete(schema.partnerLinks).where(eq(schema.partnerLinks.id, row.id))
    const before = { id: row.id, partnerId: row.partnerId, stichtingId: row.stichtingId, schoolId: row.schoolId }
    await recordAdminChange(tx, ctx, { action: 'partner_link.removed', subjectType: 'partner_link', subjectId: row.id, before, after: null })
    return { ok: true }
  },
})
