// The platform_beheerder suspends a stichting or lifts the suspension. While suspended, its
// members' sessions and tokens do not act for it (auth/sessions.ts reads suspended_at with the
// membership); lifting it restores the same sessions and tokens. Nothing is deleted.
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { yesNo } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { changedFields, recordAdminChange } from './admin-audit.ts'
import { stichtingView } from './organisations.ts'

export const setStichtingSuspension = defineUseCase({
  name: 'accounts/set-stichting-suspension',
  input: z.strictObject({
    id: z.uuid('Geen geldig id'),
    suspended: yesNo('Kies of de stichting is opgeschort (true of false)'),
  }),
  permission: ['update', 'Stichting'],
  forbidden: 'Alleen de platformbeheerder schort een stichting op.',
  async run(tx, ctx, input) {
    const [row] = await tx.select().from(schema.stichtingen).where(eq(schema.stichtingen.id, input.id))
    if (!row) return refuse('not_found', 'id', 'Stichting niet gevonden.')
    const before = stichtingView(row)
    if ((row.suspendedAt !== null) === input.suspended) return { ok: true, stichting: before }
    const [updated] = await tx
      .update(schema.stichtingen)
      .set({ suspendedAt: input.suspended ? ctx.now : null })
      .where(eq(schema.stichtingen.id, input.id))
      .returning()
    const stichting = stichtingView(updated!)
    await recordAdminChange(tx, ctx, {
      action: input.suspended ? 'stichting.suspended' : 'stichting.unsuspended',
      subjectType: 'stichting',
      subjectId: row.id,
      stichtingId: row.id,
      ...changedFields(before, stichting),
    })
    return { ok: true, stichting }
  },
})
