// Pure date rules of the data subject's rights: the one-month term of AVG art. 12(3) and
// who exercises the rights (AVG art. 8 with UAVG art. 5: the parents under 16, the student from 16).
import { ageOn } from '../measures/decision-recipients.ts'

/** Days in a month (month 1–12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) throw new Error(`Not a date: ${iso}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date plus n calendar months. A term in months ends on the same day of the month; when that month
 * is shorter, on its last day (Verordening 1182/71 art. 3(2)(c), which the AVG's terms follow):
 * 31 January + 1 month = 28 February (29 in a leap year); 30 November + 3 months = 28/29 February.
 */
export function addCalendarMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso)
  const index = y * 12 + (m - 1) + n
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`
}

/** The deadline of a request received on `receivedOn`: one month later (AVG art. 12(3)). */
export function subjectRequestDueOn(receivedOn: string): string {
  return addCalendarMonths(receivedOn, 1)
}

export type RightsHolder = 'ouders' | 'leerling'

/** The age from which a student exercises the rights personally (UAVG art. 5 lid 1). */
export const RIGHTS_AGE = 16

/** Who exercises the student's rights on a day: the parents (wettelijk vertegenwoordigers) under 16. */
export function rightsHolderOn(dateOfBirth: string, on: string): RightsHolder {
  return ageOn(dateOfBirth, on) < RIGHTS_AGE ? 'ouders' : 'leerling'
}

/** A Dutch sentence saying who exercises the rights, for the export page and the PDF. */
export function rightsHolderText(dateOfBirth: string, on: string): string {
  const age = ageOn(dateOfBirth, on)
  return age < RIGHTS_AGE
    ? `De leerling is ${age} jaar, jonger dan 16: de ouders of verzorgers (wettelijk vertegenwoordigers) oefenen de rechten uit (AVG art. 8, UAVG art. 5).`
    : `De leerling is ${age} jaar, 16 of ouder: de leerling oefent de rechten zelf uit (AVG art. 8, UAVG art. 5); ouders alleen met machtiging van de leerling.`
}
