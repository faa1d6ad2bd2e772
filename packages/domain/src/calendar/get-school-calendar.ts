// One school's calendar for a schooljaar, national holidays included, with its number of school
// days (school staff; read-only). Not found when the caller may not read it (another school, no
// Calendar rule for it).
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { schooljaarSchema } from '../incidents/overview.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { loadSchoolCalendar } from './load-school-calendar.ts'
import { describeSchoolYear, type HolidayRegion, type SchoolYearCalendar } from './school-calendar.ts'
import { recordId } from '../input-rules.ts'

export interface SchoolCalendarView extends SchoolYearCalendar {
  school: { id: string; name: string; region: HolidayRegion }
}

export const getSchoolCalendar = defineUseCase({
  name: 'calendar/get-school-calendar',
  input: z.object({ schoolId: recordId(), schooljaar: schooljaarSchema }),
  permission: ['read', 'Calendar'],
  async run(tx, { ability }, { schoolId, schooljaar }) {
    const notFound = refuse('not_found', 'schoolId', 'Niet gevonden')
    if (!z.uuid().safeParse(schoolId).success) return notFound
    const s = schema.schools
    const [school] = await tx
      .select({ id: s.id, name: s.name, region: s.holidayRegion, stichtingId: s.stichtingId })
      .from(s)
      .where(eq(s.id, schoolId))
    if (!school || !ability.can('read', record('Calendar', { stichtingId: school.stichtingId, schoolId: school.id }))) return notFound
    const calendar = await loadSchoolCalendar(tx, school.id, [schooljaar])
    if (!calendar) return notFound
    const view: SchoolCalendarView = { ...describeSchoolYear(calendar, schooljaar), school: { id: school.id, name: school.name, region: school.region } }
    return { ok: true, ...view }
  },
})
