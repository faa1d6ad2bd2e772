// Calendar dates (YYYY-MM-DD, Dutch local time) for follow-up tasks and acknowledgements.
import { z } from 'zod'
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

/** A real calendar date as YYYY-MM-DD (rejects 2026-02-30). */
export const calendarDate = (message = 'Datum als JJJJ-MM-DD') =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((s) => {
      const d = new Date(`${s}T12:00:00Z`)
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
    }, message)
