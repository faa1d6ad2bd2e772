// Calendar dates (YYYY-MM-DD, Dutch local time) for follow-up tasks and acknowledgements.
import { localDate } from '../school-year.ts'

/** Today's date in the Netherlands (Europe/Amsterdam), as YYYY-MM-DD. */
export function dutchToday(now: Date = new Date()): string {
  return localDate(now)
}

/** A YYYY-MM-DD date plus n days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** A real calendar date as YYYY-MM-DD (the one rule for dates from outside). */
export { calendarDate } from '../input-rules.ts'
