// Schooljaren run from 1 August to 31 July in Dutch local time, so "today" is the date in Amsterdam.
const TZ = 'Europe/Amsterdam'
const format = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' })

/** The local (Europe/Amsterdam) calendar date of an instant, as YYYY-MM-DD. */
export function localDate(d: Date): string {
  return format.format(d)
}
