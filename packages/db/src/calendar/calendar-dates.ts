// Plain calendar dates as 'YYYY-MM-DD' strings. A school day is a date, not an instant, so all
// arithmetic runs on day numbers (days since 1970-01-01, proleptic Gregorian) in UTC terms: no time
// zone or daylight-saving change can move a date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Whether the string is a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Throws a RangeError naming the argument when the value is not a YYYY-MM-DD calendar date. */
export function assertIsoDate(value: unknown, what = 'date'): asserts value is string {
  if (!isIsoDate(value)) throw new RangeError(`${what} must be a calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`)
}

/** Days since 1970-01-01 for a YYYY-MM-DD date (assumed valid). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY
}

/** Whole days from `from` to `to` (YYYY-MM-DD; negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** The YYYY-MM-DD date of a day number. */
export function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
}

/** The date n days later (n may be negative). */
export function plusDays(iso: string, n: number): string {
  return fromDayNumber(dayNumber(iso) + n)
}

/** ISO weekday: 1 = Monday … 7 = Sunday. (1970-01-01 was a Thursday.) */
export function isoWeekday(iso: string): number {
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1
}

export function isWeekend(iso: string): boolean {
  return isoWeekday(iso) >= 6
}

/** The schooljaar (1 August – 31 July) a date falls in: '2026-08-01' → '2026-2027', '2027-07-31' → '2026-2027'. */
export function schoolYearOfDate(iso: string): string {
  const y = Number(iso.slice(0, 4))
  const start = Number(iso.slice(5, 7)) >= 8 ? y : y - 1
  return `${start}-${start + 1}`
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
