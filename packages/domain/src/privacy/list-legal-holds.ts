// The legal holds the caller may see (the privacyfunctionaris: the stichting's; the directeur: the
// own school's), newest first, active and lifted.
import { schema } from '@baken/db'
import { accessibleWhere } from '@baken/permissions'
import { desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { displayName } from '../students.ts'
import { defineUseCase } from '../use-case.ts'
import { legalHoldColumns, type LegalHoldItem } from './retention.ts'

export const listLegalHolds = defineUseCase({
  name: 'privacy/list-legal-holds',
  input: z.object({}),
  permission: ['read', 'LegalHold'],
  async run(tx, { ability }) {
    const setBy = sql<string>`(select u.name from users u where u.id = ${schema.legalHolds.setById})`
    const rows = await tx
      .select({
        h: schema.legalHolds,
        firstName: schema.students.firstName,
        infix: schema.students.infix,
        lastName: schema.students.lastName,
        schoolName: schema.schools.name,
        setBy,
      })
      .from(schema.legalHolds)
      .innerJoin(schema.students, eq(schema.students.id, schema.legalHolds.studentId))
      .innerJoin(schema.schools, eq(schema.schools.id, schema.legalHolds.schoolId))
      .where(accessibleWhere(ability, 'read', 'LegalHold', legalHoldColumns))
      .orderBy(desc(schema.legalHolds.setAt))
    const items: LegalHoldItem[] = rows.map(({ h, schoolName, setBy, ...name }) => ({
      id: h.id,
      studentId: h.studentId,
      studentName: displayName(name),
      schoolName,
      reason: h.reason,
      setBy: setBy ?? '',
      setAt: h.setAt.toISOString(),
      liftedAt: h.liftedAt?.toISOString() ?? null,
      active: h.liftedAt === null,
    }))
    return { ok: true, items }
  },
})
