// Schooljaren run from 1 August to 31 July (Dutch school law), in Dutch local time.
import { localDate } from '@baken/db/calendar'

export { localDate }

/** '2026-2027' for any moment from 1 Aug 2026 00:00 to 31 Jul 2027 23:59 Dutch time. */
export function schoolYearOf(d: Date): string {
  const [y, m] = localDate(d).split('-').map(Number) as [number, number]
  const start = m >= 8 ? y : y - 1
  return `${start}-${start + 1}`
}

export function schoolYearBounds(name: string): { startsOn: string; endsOn: string } | null {
  const m = /^(\d{4})-(\d{4})$/.exec(name)
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null
  return { startsOn: `${m[1]}-08-01`, endsOn: `${m[2]}-07-31` }
}
