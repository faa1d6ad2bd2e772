// For a pupil's page at school: the roster's guardians with their portal state (invited, linked,
// ended), and the items released to the portal about the pupil.
import { schema } from '@baken/db'
import { asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'

export const listGuardianLinks = defineUseCase({
  name: 'portal/list-guardian-links',
  input: z.object({ studentId: recordId() }),
  permission: ['read', 'GuardianLink'],
  async run(tx, _ctx, { studentId }) {
    if (!z.uuid().safeParse(studentId).success) return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    const [student] = await tx.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.id, studentId))
    if (!student) return refuse('not_found', 'studentId', 'Leerling niet gevonden.')
    const l = schema.guardianLinks
    const [guardians, links, items] = await Promise.all([
      tx
        .select({ id: schema.guardians.id, name: schema.guardians.name, email: schema.guardians.email, relation: schema.studentGuardians.relation })
        .from(schema.studentGuardians)
        .innerJoin(schema.guardians, eq(schema.guardians.id, schema.studentGuardians.guardianId))
        .where(eq(schema.studentGuardians.studentId, studentId))
        .orderBy(asc(schema.guardians.name)),
      tx
        .select({ id: l.id, kind: l.kind, relation: l.relation, startedAt: l.startedAt, endedAt: l.endedAt, email: schema.users.email, name: schema.users.name })
        .from(l)
        .leftJoin(schema.users, eq(schema.users.id, l.userId))
        .where(eq(l.studentId, studentId))
        .orderBy(desc(l.startedAt)),
      tx
        .select({ id: schema.portalItems.id, title: schema.portalItems.title, incidentId: schema.portalItems.incidentId, releasedAt: schema.portalItems.releasedAt, withdrawnAt: schema.portalItems.withdrawnAt })
        .from(schema.portalItems)
        .where(eq(schema.portalItems.studentId, studentId))
        .orderBy(desc(schema.portalItems.releasedAt)),
    ])
    return { ok: true, guardians, links, items }
  },
})
