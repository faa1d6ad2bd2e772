// Dates for tests that must hold on any day. The demo seed lays its data out around the day it is
// seeded (packages/db/src/demo-dates.ts), so tests read expected dates from the seeded rows through
// the API where they can, and predict only with these helpers: the same calendar the seed and the
// domain count school days on, the Dutch local date the app uses for "today", and the legal terms
// written out from the rules themselves (not by calling the product's own term function).
import { demoDates, type DemoDates } from '../../../packages/db/src/demo-dates.ts'
import { demoCalendarEntries, type DemoCalendarEntry } from '../../../packages/db/src/demo-calendar.ts'
import { isWeekend, localDate, nationalHolidays, plusDays, schoolYearOfDate } from '../../../packages/db/src/calendar/index.ts'

export { demoDates, localDate, plusDays, schoolYearOfDate, type DemoDates }

/** Today's Dutch calendar date (YYYY-MM-DD), as the app computes it. */
export function dutchToday(): string {
  return localDate(new Date())
}

/** Today's schooljaar, e.g. '2026-2027'. */
export function currentSchoolYear(): string {
  return schoolYearOfDate(dutchToday())
}

/** The schooljaar before one (default today's): a whole year of demo incidents, from August on. */
export function previousSchoolYear(of: string = currentSchoolYear()): string {
  const start = Number(of.slice(0, 4)) - 1
  return `${start}-${start + 1}`
}

/** 2026-11-27 → 27-11-2026, as the pages show a date. */
export function ddmmyyyy(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`
}

/** The first and last day of a schooljaar ('2026-2027' → 2026-08-01, 2027-07-31). */
export function schoolYearBounds(schoolYear: string): { first: string; last: string } {
  return { first: `${schoolYear.slice(0, 4)}-08-01`, last: `${schoolYear.slice(5, 9)}-07-31` }
}

/** The demo's calendar entries (region holidays, school study days) of one schooljaar. */
export function demoEntriesOf(schoolYear: string): DemoCalendarEntry[] {
  return demoCalendarEntries([schoolYear]).filter((e) => e.schoolYear === schoolYear)
}

/**
 * Algemene termijnenwet art. 1 and 3: a term that ends on a Saturday, Sunday or a generally
 * recognised holiday (Goede Vrijdag is none) runs on to the next day that is none of these.
 */
export function termijnenwetDay(day: string): string {
  const holiday = (d: string) => nationalHolidays(Number(d.slice(0, 4))).some((h) => h.date === d && h.key !== 'goede_vrijdag')
  let out = day
  while (isWeekend(out) || holiday(out)) out = plusDays(out, 1)
  return out
}

/**
 * The board's last day to decide on a bezwaar: 6 weeks to object from the day after the written
 * decision was sent; then 4 weeks, in po from the day after the objection term ends (WPO art. 63),
 * in vo and mbo from receipt. Both ends per the Algemene termijnenwet.
 */
export function bezwaarDecisionDue(sector: 'po' | 'vo' | 'mbo', decisionSentOn: string, receivedOn: string): string {
  const objectionDeadline = termijnenwetDay(plusDays(decisionSentOn, 42))
  return termijnenwetDay(plusDays(sector === 'po' ? objectionDeadline : receivedOn, 28))
}

/**
 * A schooljaar the demo has data in, as the caller finds through the API: today's when it has any
 * (in early August it has no incidents yet), else the one before.
 */
export async function schoolYearWithData(hasData: (schoolYear: string) => Promise<boolean>): Promise<string> {
  const current = currentSchoolYear()
  return (await hasData(current)) ? current : previousSchoolYear(current)
}
