// One school's groups per schooljaar, with the schooljaren that exist, for the stichtingbeheerder.
import { schema } from '@baken/db'
import { asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'

export const listSchoolGroups = defineUseCase({
  name: 'accounts/list-school-groups',
  input: z.object({ schoolId: z.uuid('Kies een school van de stichting') }),
  permission: ['create', 'Group'],
  forbidden: 'Alleen de stichtingbeheerder beheert de groepen.',
  async run(tx, { tenant }, input) {
    const [school] = await tx.select().from(schema.schools).where(eq(schema.schools.id, input.schoolId))
    if (!school || school.stichtingId !== tenant.stichtingId) return refuse('not_found', 'schoolId', 'School niet gevonden.')
    const [groups, years] = await Promise.all([
      tx
        .select({ id: schema.groups.id, name: schema.groups.name, schoolYear: schema.schoolYears.name })
        .from(schema.groups)
        .innerJoin(schema.schoolYears, eq(schema.schoolYears.id, schema.groups.schoolYearId))
        .where(eq(schema.groups.schoolId, school.id))
        .orderBy(desc(schema.schoolYears.name), asc(schema.groups.name)),
      tx.select({ name: schema.schoolYears.name }).from(schema.schoolYears).orderBy(desc(schema.schoolYears.name)),
    ])
    return { ok: true, school: { id: school.id, name: school.name }, schoolYears: years.map((y) => y.name), items: groups }
  },
})
