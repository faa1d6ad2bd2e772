// The one date module: calendar dates as YYYY-MM-DD in Dutch local time (Europe/Amsterdam),
// day arithmetic, schooljaren and the Dutch way of writing a date. A date from outside is
// validated with `calendarDate` (input-rules.ts), which refuses 2026-02-30 instead of rolling it.
// "Today" is always `localDate(now)` with the `now` of the use case's context: one clock.
import { localDate } from '@baken/db/calendar'

export {
  localDate,
  plusDays,
  daysBetween,
  dayNumber,
  fromDayNumber,
  isoDate,
  isoWeekday,
  isWeekend,
  schoolYearOfDate,
  assertIsoDate,
  isIsoDate,
} from '@baken/db/calendar'

/** '2026-2027' for any moment from 1 Aug 2026 00:00 to 31 Jul 2027 23:59 Dutch time (schooljaren run 1 August – 31 July). */
export function schoolYearOf(d: Date): string {
  const [y, m] = localDate(d).split('-').map(Number) as [number, number]
  const start = m >= 8 ? y : y - 1
  return `${start}-${start + 1}`
}

/** The first and last day of a schooljaar named '2026-2027'; null for any other name. */
export function schoolYearBounds(name: string): { startsOn: string; endsOn: string } | null {
  const m = /^(\d{4})-(\d{4})$/.exec(name)
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null
  return { startsOn: `${m[1]}-08-01`, endsOn: `${m[2]}-07-31` }
}

/** '2026-07-31' → '31-07-2026', the date as Dutch readers and Dutch Excel expect it. */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}-${m}-${y}`
}
