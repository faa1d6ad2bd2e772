// Dutch national holidays, computed per year, and whether schools are free on them.
//
// This list is the school-day calendar's: which days a school is free is set in its vakantierooster,
// and the defaults below follow common practice and the education CAOs; a stichting adds any other
// day off (Goede Vrijdag, Bevrijdingsdag every year) as a calendar entry of kind 'vrije_dag' for a
// region or a school. The days on which a statutory term cannot end are another list, with its own
// law: termijnenwet.ts (Algemene termijnenwet art. 3, which counts Goede Vrijdag and 5 May every year).
import { isoDate, plusDays } from './calendar-dates.ts'

export const NATIONAL_HOLIDAY_KEYS = [
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
export type NationalHolidayKey = (typeof NATIONAL_HOLIDAY_KEYS)[number]

export interface NationalHoliday {
  key: NationalHolidayKey
  name: string
  /** YYYY-MM-DD */
  date: string
  /** Whether it is a day without school by default (the school calendar counts only these). */
  schoolFree: boolean
  /** The rule, when it is not simply "a day off". */
  note: string | null
}

/** Koningsdag is on 27 April since King Willem-Alexander (royal decree of 2013, first celebrated in 2014). */
export const FIRST_SUPPORTED_YEAR = 2014

/**
 * Bevrijdingsdag (5 May) is a national holiday every year, but schools are commonly free only in
 * lustrum years (2025, 2030, …: every fifth year), as the education CAOs provide. A school that is free
 * every year adds the day as a 'vrije_dag' entry.
 */
export function isLiberationDayLustrum(year: number): boolean {
  return year % 5 === 0
}

export const GOOD_FRIDAY_NOTE =
  'Goede Vrijdag is geen algemene vrije dag voor scholen; is de school vrij, voeg de dag dan toe als vrije dag. ' +
  'Voor termijnen telt Goede Vrijdag wel als feestdag (Algemene termijnenwet art. 3 lid 2).'

export function liberationDayNote(year: number): string {
  return isLiberationDayLustrum(year)
    ? `${year} is een lustrumjaar: scholen zijn op Bevrijdingsdag vrij.`
    : 'Scholen zijn op Bevrijdingsdag alleen in lustrumjaren vrij (2025, 2030, …); is de school elk jaar vrij, voeg de dag dan toe als vrije dag.'
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus of Meeus, Jones and
 * Butcher). Valid for every year from 1583.
 */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`No Gregorian Easter for year ${year}`)
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return isoDate(year, month, day)
}

/** Koningsdag: 27 April, or Saturday 26 April when the 27th is a Sunday (royal decree of 2013). */
export function koningsdag(year: number): string {
  const april27 = isoDate(year, 4, 27)
  const sunday = new Date(`${april27}T00:00:00Z`).getUTCDay() === 0
  return sunday ? isoDate(year, 4, 26) : april27
}

const cache = new Map<number, readonly NationalHoliday[]>()

/** The national holidays of one calendar year (from 2014), in date order. */
export function nationalHolidays(year: number): readonly NationalHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > 9999) {
    throw new RangeError(`National holidays are computed from ${FIRST_SUPPORTED_YEAR} (Koningsdag on 27 April); got ${year}`)
  }
  const cached = cache.get(year)
  if (cached) return cached
  const easter = easterSunday(year)
  const free = (key: NationalHolidayKey, name: string, date: string): NationalHoliday => ({ key, name, date, schoolFree: true, note: null })
  const list: NationalHoliday[] = [
    free('nieuwjaarsdag', 'Nieuwjaarsdag', isoDate(year, 1, 1)),
    { key: 'goede_vrijdag', name: 'Goede Vrijdag', date: plusDays(easter, -2), schoolFree: false, note: GOOD_FRIDAY_NOTE },
    free('eerste_paasdag', 'Eerste Paasdag', easter),
    free('tweede_paasdag', 'Tweede Paasdag', plusDays(easter, 1)),
    free('koningsdag', 'Koningsdag', koningsdag(year)),
    {
      key: 'bevrijdingsdag',
      name: 'Bevrijdingsdag',
      date: isoDate(year, 5, 5),
      schoolFree: isLiberationDayLustrum(year),
      note: liberationDayNote(year),
    },
    // Ascension: the 40th day of Easter (Easter Sunday counted as day 1), a Thursday.
    free('hemelvaartsdag', 'Hemelvaartsdag', plusDays(easter, 39)),
    // Pentecost: the 50th day, seven weeks after Easter.
    free('eerste_pinksterdag', 'Eerste Pinksterdag', plusDays(easter, 49)),
    free('tweede_pinksterdag', 'Tweede Pinksterdag', plusDays(easter, 50)),
    free('eerste_kerstdag', 'Eerste Kerstdag', isoDate(year, 12, 25)),
    free('tweede_kerstdag', 'Tweede Kerstdag', isoDate(year, 12, 26)),
  ]
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
  const frozen = Object.freeze(list.map((h) => Object.freeze(h)))
  cache.set(year, frozen)
  return frozen
}

/** The national holidays from `from` to `to` (inclusive, YYYY-MM-DD), in date order. */
export function nationalHolidaysBetween(from: string, to: string): NationalHoliday[] {
  const out: NationalHoliday[] = []
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of nationalHolidays(y)) if (h.date >= from && h.date <= to) out.push(h)
  }
  return out
}
