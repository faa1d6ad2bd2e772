// The import itself: plans again (the data may have changed since the dry run) and writes the plan
// in the caller's transaction: groups, then pupils, then guardians. Any row with an error → nothing
// is written and the report says why.
import { randomUUID } from 'node:crypto'
import { schema } from '@baken/db'
import { and, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse, type Refused } from '../use-case.ts'
import { buildPlan, IMPORT_FORBIDDEN, type ImportReport } from './import-plan.ts'

const CHUNK = 500
function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK))
  return out
}

export const applyImport = defineUseCase({
  name: 'import/apply-import',
  // As the dry run (plan-import.ts): read in `buildPlan`.
  input: z.looseObject({}),
  // It creates pupils and changes them (the dry run gates on 'create').
  permission: ['update', 'Student'],
  forbidden: IMPORT_FORBIDDEN,
  async run(tx, { ability, tenant, now }, input) {
    const plan = await buildPlan(tx, ability, tenant, input, now)
    if ('ok' in plan) return plan
    const { report } = plan
    if (!report.canApply) {
      // The report goes along, so the school sees which rows to mend.
      const refused: Refused & { report: ImportReport } = {
        ...refuse('invalid', 'file', `Er is niets geïmporteerd: ${report.counts.error} ${report.counts.error === 1 ? 'rij bevat' : 'rijen bevatten'} fouten.`),
        report,
      }
      return refused
    }
    const owner = { stichtingId: tenant.stichtingId!, schoolId: tenant.schoolId! }

    // Groups first: the pupils refer to them.
    const newGroups = plan.newGroupKeys.map((k) => plan.groups.get(k)!)
    for (const g of newGroups) g.id = randomUUID()
    if (newGroups.length) {
      await tx.insert(schema.groups).values(newGroups.map((g) => ({ ...owner, id: g.id!, schoolYearId: plan.schoolYearId, name: g.name })))
    }
    const groupIdOf = (key: string | null | undefined) => (key ? plan.groups.get(key)!.id : null)

    const creates = plan.writes.filter((w) => w.create)
    for (const batch of chunks(creates)) {
      await tx.insert(schema.students).values(
        batch.map((w) => ({
          ...owner,
          id: w.studentId,
          externalId: w.student.externalId!,
          firstName: w.student.firstName!,
          infix: w.student.infix ?? null,
          lastName: w.student.lastName!,
          dateOfBirth: w.student.dateOfBirth!,
          groupId: groupIdOf(w.groupKey),
        })),
      )
    }
    for (const w of plan.writes.filter((w) => !w.create)) {
      const set: Partial<typeof schema.students.$inferInsert> = { ...w.student }
      if (w.groupKey !== undefined) set.groupId = groupIdOf(w.groupKey)
      if (w.reactivate) Object.assign(set, { status: 'active', leftOn: null })
      if (Object.keys(set).length === 0) continue
      await tx
        .update(schema.students)
        .set({ ...set, updatedAt: sql`now()` })
        .where(and(eq(schema.students.id, w.studentId), eq(schema.students.schoolId, owner.schoolId)))
    }

    const newGuardians = plan.writes.flatMap((w) => w.newGuardians.map((g) => ({ ...g, id: randomUUID(), studentId: w.studentId })))
    for (const batch of chunks(newGuardians)) {
      await tx.insert(schema.guardians).values(batch.map((g) => ({ ...owner, id: g.id, name: g.name, email: g.email, phone: g.phone })))
      await tx
        .insert(schema.studentGuardians)
        .values(batch.map((g) => ({ ...owner, studentId: g.studentId, guardianId: g.id, relation: g.relation })))
    }
    for (const w of plan.writes) {
      for (const u of w.guardianUpdates) {
        const contact: { email?: string | null; phone?: string | null } = {}
        if (u.email !== undefined) contact.email = u.email
        if (u.phone !== undefined) contact.phone = u.phone
        if (Object.keys(contact).length) {
          await tx
            .update(schema.guardians)
            .set(contact)
            .where(and(eq(schema.guardians.id, u.guardianId), eq(schema.guardians.schoolId, owner.schoolId)))
        }
        if (u.relation) {
          await tx
            .update(schema.studentGuardians)
            .set({ relation: u.relation })
            .where(and(eq(schema.studentGuardians.studentId, w.studentId), eq(schema.studentGuardians.guardianId, u.guardianId)))
        }
      }
    }
    return { ok: true as const, report }
  },
})
