// The whole stichting's calendar for a schooljaar, per region and per school (stichting roles):
// each school's own days and its number of school days, and the regions without holidays yet.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import { schooljaarSchema } from '../incidents/overview.ts'
import { defineUseCase } from '../use-case.ts'
import { listCalendarEntries, type CalendarEntryItem } from './calendar-entries.ts'
import { loadSchoolCalendar } from './load-school-calendar.ts'
import { describeSchoolYear, type HolidayRegion } from './school-calendar.ts'

export interface CalendarSchoolSummary {
  id: string
  name: string
  brin: string
  region: HolidayRegion
  /** The school's own entries in the schooljaar. */
  entries: CalendarEntryItem[]
  /** School days from 1 August to 31 July on the school's calendar. */
  schoolDays: number
  /** No school holiday entered for the school's region in this schooljaar. */
  incomplete: boolean
}

export interface StichtingCalendar {
  schooljaar: string
  /** Per region its entries; `incomplete`: no school holiday entered for the region in this schooljaar. */
  regions: { region: HolidayRegion; entries: CalendarEntryItem[]; incomplete: boolean }[]
  schools: CalendarSchoolSummary[]
}

export const getStichtingCalendar = defineUseCase({
  name: 'calendar/get-stichting-calendar',
  input: z.object({ schooljaar: schooljaarSchema }),
  permission: ['read', 'Calendar'],
  async run(tx, { ability }, { schooljaar }) {
    const entries = await listCalendarEntries(tx, ability, { schooljaar })
    const s = schema.schools
    const schools = await tx
      .select({ id: s.id, name: s.name, brin: s.brin, region: s.holidayRegion, stichtingId: s.stichtingId })
      .from(s)
      .orderBy(asc(s.name))
    const summaries: CalendarSchoolSummary[] = []
    for (const school of schools) {
      if (!ability.can('read', record('Calendar', { stichtingId: school.stichtingId, schoolId: school.id }))) continue
      const calendar = await loadSchoolCalendar(tx, school.id, [schooljaar])
      if (!calendar) continue
      const year = describeSchoolYear(calendar, schooljaar)
      summaries.push({
        id: school.id,
        name: school.name,
        brin: school.brin,
        region: school.region,
        entries: entries.filter((e) => e.schoolId === school.id),
        schoolDays: year.schoolDays,
        incomplete: year.incomplete,
      })
    }
    const calendar: StichtingCalendar = {
      schooljaar,
      regions: schema.REGIONS.map((region) => {
        const own = entries.filter((e) => e.schoolId === null && e.region === region)
        return { region, entries: own, incomplete: !own.some((e) => e.kind === 'schoolvakantie') }
      }),
      schools: summaries,
    }
    return { ok: true, ...calendar }
  },
})
