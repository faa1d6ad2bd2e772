// Dates for tests that must hold on any day. The demo seed lays its data out around the day it is
// seeded (packages/db/src/demo-dates.ts), so tests read expected dates from the seeded rows through
// the API where they can, and predict only with these helpers: the same calendar the seed and the
// domain count school days on, the Dutch local date the app uses for "today", and the legal terms
// written out from the rules themselves (not by calling the product's own term function).
import { demoDates, type DemoDates } from '../../../packages/db/src/demo-dates.ts'
import { demoCalendarEntries, type DemoCalendarEntry } from '../../../packages/db/src/demo-calendar.ts'
import { isWeekend, localDate, plusDays, schoolYearOfDate } from '../../../packages/db/src/calendar/index.ts'

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
 * Easter Sunday (the anonymous Gregorian computus), written out here so that the tests do not lean on
 * the product's own holiday list.
 */
export function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Algemene termijnenwet art. 1 and 3: a term that ends on a Saturday, Sunday or algemeen erkende
 * feestdag (Nieuwjaarsdag, Tweede Paas- and Pinksterdag, both Kerstdagen, Hemelvaartsdag, Koningsdag,
 * 5 May every year, and Goede Vrijdag, gelijkgesteld by art. 3 lid 2) runs on to the next day that is
 * none of these.
 */
export function termijnenwetDay(day: string): string {
  const feestdag = (d: string) => {
    const y = Number(d.slice(0, 4))
    const easter = easterSunday(y)
    const april27 = `${y}-04-27`
    const koningsdag = isoWeekdayOf(april27) === 7 ? `${y}-04-26` : april27
    return [`${y}-01-01`, plusDays(easter, -2), plusDays(easter, 1), koningsdag, `${y}-05-05`, plusDays(easter, 39), plusDays(easter, 50), `${y}-12-25`, `${y}-12-26`].includes(d)
  }
  let out = day
  while (isWeekend(out) || feestdag(out)) out = plusDays(out, 1)
  return out
}
export const atwDeadline = termijnenwetDay

/** 1 = Monday … 7 = Sunday. */
function isoWeekdayOf(day: string): number {
  const dow = new Date(`${day}T12:00:00Z`).getUTCDay()
  return dow === 0 ? 7 : dow
}

/**
 * The bevoegd gezag's last day to decide on a bezwaar: 6 weeks to object from the day after the
 * written decision was sent; then, against a schorsing, the Awb's 6 weeks from the day after the
 * objection term ends (Awb art. 7:10 lid 1); against a verwijdering 4 weeks, in po from the day after
 * the objection term ends (WPO art. 63), in vo and mbo from receipt. Both ends per the Atw.
 */
export function bezwaarDecisionDue(kind: 'schorsing' | 'verwijdering', sector: 'po' | 'vo' | 'mbo', decisionSentOn: string, receivedOn: string): string {
  const objectionDeadline = termijnenwetDay(plusDays(decisionSentOn, 42))
  if (kind === 'schorsing') return termijnenwetDay(plusDays(objectionDeadline, 42))
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
