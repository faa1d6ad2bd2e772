// A school lead ends a guardian link (custody change, pupil left, asked by the guardian): from this
// moment the link opens nothing (every family policy reads open links only, migration 0058). The
// link itself stays, ended, as the record of who had access when.
import { schema } from '@baken/db'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { textInput, recordId } from '../input-rules.ts'
import { recordAdminChange } from '../accounts/admin-audit.ts'
import { defineUseCase, refuse } from '../use-case.ts'

export const endGuardianLink = defineUseCase({
  name: 'portal/end-guardian-link',
  input: z.object({ id: recordId(), reason: textInput('Geef een reden').trim().min(3, 'Geef een reden (minstens 3 tekens).').max(500, 'Reden te lang') }),
  permission: ['update', 'GuardianLink'],
  async run(tx, ctx, { id, reason }) {
    if (!z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Koppeling niet gevonden.')
    const l = schema.guardianLinks
    const ended = await tx
      .update(l)
      .set({ endedAt: ctx.now, endedById: ctx.tenant.userId, endedReason: reason })
      .where(and(eq(l.id, id), isNull(l.endedAt)))
      .returning({ id: l.id, studentId: l.studentId, userId: l.userId })
    if (!ended.length) return refuse('not_found', 'id', 'Koppeling niet gevonden of al beëindigd.')
    await recordAdminChange(tx, ctx, { action: 'guardian_link.ended', subjectType: 'guardian_link', subjectId: id, before: null, after: { ...ended[0], reason } })
    return { ok: true, id }
  },
})
