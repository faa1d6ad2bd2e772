// Revoking a share at once, with a reason: the recipient no longer sees it (RLS), and the revocation
// is logged per student of the share (into the school's chain, also when the stichting revokes).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId, textInput } from '../input-rules.ts'
import { recordAccesses } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { shareWhere } from './shares.ts'

export const revokeShare = defineUseCase({
  name: 'sharing/revoke-share',
  input: z.object({
    id: recordId(),
    reason: textInput({ error: 'Geef de reden van het intrekken.' })
      .trim()
      .min(3, { error: 'Geef de reden van het intrekken.' })
      .max(2000, { error: 'De reden is te lang (ten hoogste 2000 tekens).' }),
  }),
  permission: ['update', 'Share'],
  forbidden: 'U mag deze deling niet intrekken.',
  async run(tx, { ability, tenant, now }, { id, reason }) {
    const notFound = refuse('not_found', 'id', 'Deling niet gevonden.')
    if (!z.uuid().safeParse(id).success) return notFound
    const where = shareWhere(ability)
    const [row] = where ? await tx.select().from(schema.shares).where(and(eq(schema.shares.id, id), where)) : []
    if (!row) return notFound
    if (!ability.can('update', record('Share', row))) return refuse('forbidden', '', 'U mag deze deling niet intrekken.')
    if (row.revokedAt) return refuse('conflict', 'id', 'Deze deling is al ingetrokken.')
    await tx.update(schema.shares).set({ revokedAt: now, revokedById: tenant.userId, revokeReason: reason }).where(eq(schema.shares.id, id))
    const students = await tx.select({ studentId: schema.shareStudents.studentId }).from(schema.shareStudents).where(eq(schema.shareStudents.shareId, id))
    await recordAccesses(
      tx,
      tenant,
      (students.length ? students.map((s) => s.studentId) : [null]).map((studentId) => ({
        action: 'revoke',
        subjectType: 'share' as const,
        subjectId: id,
        studentId,
        reason,
        schoolId: tenant.schoolId ? undefined : row.schoolId,
      })),
    )
    return { ok: true, id }
  },
})
