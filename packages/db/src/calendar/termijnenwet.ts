// The days on which no statutory term ends (Algemene termijnenwet), kept apart from the school-day
// calendar: which days a school is free is set in its vakantierooster, which days extend a term is
// set by this law, and the two lists differ (Goede Vrijdag and Bevrijdingsdag extend a term every
// year, but schools are commonly open on them).
//
// Atw art. 1 lid 1: a term set by law that ends on a Saturday, Sunday or algemeen erkende feestdag
//   runs on to and including the next day that is none of these.
// Atw art. 3 lid 1: the algemeen erkende feestdagen are Nieuwjaarsdag, de Christelijke tweede Paas-
//   en Pinksterdag, de beide Kerstdagen, Hemelvaartsdag, de dag waarop de verjaardag van de Koning
//   wordt gevierd (Koningsdag) en de vijfde mei (Bevrijdingsdag, every year).
// Atw art. 3 lid 2: Goede Vrijdag is gelijkgesteld with those days for the purposes of this law.
// Eerste Paasdag and Eerste Pinksterdag are Sundays, so art. 1 covers them as Sundays.
// Atw art. 3 lid 3 lets the government equate further days by decree (published in the
//   Staatscourant, e.g. a Friday after Hemelvaartsdag); those are not computable and not included.
import { isoDate, isWeekend, plusDays } from './calendar-dates.ts'
import { easterSunday, FIRST_SUPPORTED_YEAR, koningsdag } from './national-holidays.ts'

export const TERMIJNENWET_DAY_KEYS = [
  'nieuwjaarsdag',
  'goede_vrijdag',
  'eerste_paasdag',
  'tweede_paasdag',
  'koningsdag',
  'bevrijdingsdag',
  'hemelvaartsdag',
  'eerste_pinksterdag',
  'tweede_pinksterdag',
  'eerste_kerstdag',
  'tweede_kerstdag',
] as const
export type TermijnenwetDayKey = (typeof TERMIJNENWET_DAY_KEYS)[number]

export interface TermijnenwetDay {
  key: TermijnenwetDayKey
  name: string
  /** YYYY-MM-DD */
  date: string
  /** Where the law names the day. */
  source: string
}

const ART_3_1 = 'Algemene termijnenwet art. 3 lid 1'
const SUNDAY = 'Algemene termijnenwet art. 1 lid 1 (altijd een zondag)'

const cache = new Map<number, readonly TermijnenwetDay[]>()

/** The days of one calendar year on which no term ends besides Saturdays and Sundays, in date order. */
export function termijnenwetDays(year: number): readonly TermijnenwetDay[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > 9999) {
    throw new RangeError(`Algemene termijnenwet days are computed from ${FIRST_SUPPORTED_YEAR} (Koningsdag on 27 April); got ${year}`)
  }
  const cached = cache.get(year)
  if (cached) return cached
  const easter = easterSunday(year)
  const day = (key: TermijnenwetDayKey, name: string, date: string, source = ART_3_1): TermijnenwetDay => ({ key, name, date, source })
  const list = [
    day('nieuwjaarsdag', 'Nieuwjaarsdag', isoDate(year, 1, 1)),
    day('goede_vrijdag', 'Goede Vrijdag', plusDays(easter, -2), 'Algemene termijnenwet art. 3 lid 2 (gelijkgesteld)'),
    day('eerste_paasdag', 'Eerste Paasdag', easter, SUNDAY),
    day('tweede_paasdag', 'Tweede Paasdag', plusDays(easter, 1)),
    day('koningsdag', 'Koningsdag', koningsdag(year)),
    day('bevrijdingsdag', 'Bevrijdingsdag', isoDate(year, 5, 5)),
    day('hemelvaartsdag', 'Hemelvaartsdag', plusDays(easter, 39)),
    day('eerste_pinksterdag', 'Eerste Pinksterdag', plusDays(easter, 49), SUNDAY),
    day('tweede_pinksterdag', 'Tweede Pinksterdag', plusDays(easter, 50)),
    day('eerste_kerstdag', 'Eerste Kerstdag', isoDate(year, 12, 25)),
    day('tweede_kerstdag', 'Tweede Kerstdag', isoDate(year, 12, 26)),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const frozen = Object.freeze(list.map((d) => Object.freeze(d)))
  cache.set(year, frozen)
  return frozen
}

/** Whether a term may not end on this day: a Saturday, a Sunday or an Atw feestdag (art. 1 and 3). */
export function isTermijnenwetRestDay(day: string): boolean {
  return isWeekend(day) || termijnenwetDays(Number(day.slice(0, 4))).some((d) => d.date === day)
}

/** Whether the day is an Atw feestdag (art. 3 lid 1 and 2); weekends are not included. */
export function isTermijnenwetHoliday(day: string): boolean {
  return termijnenwetDays(Number(day.slice(0, 4))).some((d) => d.date === day)
}

/**
 * The last day of a term that would end on `day` (Atw art. 1 lid 1): `day` itself when it is a
 * working day, else the next day that is no Saturday, Sunday or feestdag. A run of such days is at
 * most five long (Goede Vrijdag to Koningsdag when Easter falls on 25 April, as in 2038).
 */
export function termijnenwetEnd(day: string): string {
  let d = day
  for (let i = 0; isTermijnenwetRestDay(d); i++) {
    if (i > 14) throw new Error(`No working day within two weeks of ${day}`)
    d = plusDays(d, 1)
  }
  return d
}
