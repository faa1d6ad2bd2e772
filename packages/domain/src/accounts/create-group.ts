// The stichtingbeheerder adds a group (klas) to one of its schools for a schooljaar. The roster
// import keeps filling groups with pupils as before. RLS (0001) pins the school's stichting.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { recordAdminChange } from './admin-audit.ts'
import { uniquely } from './organisations.ts'

export const createGroup = defineUseCase({
  name: 'accounts/create-group',
  input: z.strictObject({
    schoolId: z.uuid('Kies een school van de stichting'),
    schoolYear: textInput('Kies het schooljaar').regex(/^[0-9]{4}-[0-9]{4}$/, 'Een schooljaar heet als 2026-2027'),
    name: textInput('Geef de naam van de groep').trim().min(1, 'Geef de naam van de groep').max(60, 'Ten hoogste 60 tekens'),
  }),
  permission: ['create', 'Group'],
  forbidden: 'Alleen de stichtingbeheerder voegt groepen toe.',
  async run(tx, ctx, input) {
    const [school] = await tx.select().from(schema.schools).where(eq(schema.schools.id, input.schoolId))
    if (!school || school.stichtingId !== ctx.tenant.stichtingId) return refuse('not_found', 'schoolId', 'School niet gevonden.')
    if (!ctx.ability.can('create', record('Group', { stichtingId: school.stichtingId, schoolId: school.id }))) return refuse('forbidden', '', 'Alleen de stichtingbeheerder voegt groepen toe.')
    const [year] = await tx.select().from(schema.schoolYears).where(eq(schema.schoolYears.name, input.schoolYear))
    if (!year) return refuse('invalid', 'schoolYear', `Het schooljaar ${input.schoolYear} bestaat niet in Baken.`)
    const written = await uniquely(tx, (sp) =>
      sp.insert(schema.groups).values({ stichtingId: school.stichtingId, schoolId: school.id, schoolYearId: year.id, name: input.name }).returning(),
    )
    if (!written.ok) return refuse('conflict', 'name', `De school heeft in ${year.name} al een groep met deze naam.`)
    const row = written.value[0]!
    const group = { id: row.id, schoolId: row.schoolId, schoolYear: year.name, name: row.name }
    await recordAdminChange(tx, ctx, { action: 'group.created', subjectType: 'group', subjectId: row.id, before: null, after: group })
    return { ok: true, group }
  },
})
