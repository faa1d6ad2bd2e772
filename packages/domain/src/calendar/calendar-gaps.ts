// A schooljaar whose school holidays have not been entered for the school's region: on such a
// calendar every weekday but the national holidays counts as a school day, so a schorsing's school
// days (at most one week, rule schorsing.maxSchooldagen) cannot be counted. Baken warns on the
// calendar page and the proposal form, and refuses a schorsing in such a schooljaar until the
// stichtingbeheerder has entered or imported the holidays.
import type { Tx } from '@baken/db'
import { schoolYearOfDate } from './calendar-dates.ts'
import { loadSchoolCalendar } from './load-school-calendar.ts'
import type { HolidayRegion, SchoolCalendar } from './school-calendar.ts'

/** The first schooljaar of the dates that has no school holidays of the region, or null. */
export function schoolYearWithoutHolidays(calendar: SchoolCalendar, dates: readonly string[]): string | null {
  for (const date of dates) {
    const year = schoolYearOfDate(date)
    if (calendar.incompleteYears.includes(year)) return year
  }
  return null
}

/** Why a schorsing in this schooljaar is refused, in Dutch, naming who can mend it. */
export function missingHolidaysMessage(schoolYear: string, region: HolidayRegion): string {
  return (
    `Voor schooljaar ${schoolYear} zijn nog geen schoolvakanties van regio ${region} ingevoerd, dus Baken kan de schooldagen van de schorsing niet tellen: ` +
    'zonder vakanties zou elke doordeweekse dag als schooldag tellen. De stichtingbeheerder voert de schoolvakanties in of importeert ze (pagina Kalender); daarna kan de schorsing worden voorgesteld.'
  )
}

export interface SchoolHolidayGap {
  schoolYear: string
  region: HolidayRegion
}

/** The schooljaren (of those given) without school holidays for the school's region, for warnings. */
export async function schoolHolidayGaps(tx: Tx, schoolId: string, schoolYears: readonly string[]): Promise<SchoolHolidayGap[]> {
  const calendar = await loadSchoolCalendar(tx, schoolId, schoolYears)
  if (!calendar) return []
  return calendar.incompleteYears.map((schoolYear) => ({ schoolYear, region: calendar.region }))
}
