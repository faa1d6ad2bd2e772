// The school calendar of one school: which dates are school days, and counting on them. School days
// are counted on a school calendar: weekends, national holidays and school holidays per region
// (noord, midden, zuid) plus the school's own study days.
//
// A date is a school day unless it is
//   - a Saturday or Sunday;
//   - a national holiday on which schools are free (national-holidays.ts: not Goede Vrijdag, and
//     Bevrijdingsdag only in lustrum years);
//   - inside a calendar entry of the school's holiday region (school_id null), any kind; or
//   - inside a calendar entry of the school itself (study day, extra day off, own holiday).
//
// Counting conventions (used for the statutory maximum of a schorsing, counted in school days):
//   - addSchoolDays(start, n): the n-th school day counting from `start`, where `start` itself counts
//     as the first when it is a school day. A schorsing of 5 school days starting on Monday in a
//     normal week ends on that Friday; starting on Thursday it ends on the next Wednesday; starting
//     on a Saturday it begins on the next school day and ends 5 school days later.
//   - countSchoolDays(from, to) and schoolDaysBetween(from, to): both ends included.
//   - nextSchoolDay(date): the first school day strictly after `date`.
// Dates are plain 'YYYY-MM-DD' strings; there is no time of day and no time zone.
import type * as schema from '../schema.ts'
import { assertIsoDate, dayNumber, fromDayNumber, isWeekend, schoolYearOfDate } from './calendar-dates.ts'
import { nationalHolidays, nationalHolidaysBetween, type NationalHoliday } from './national-holidays.ts'

export type CalendarEntryKind = (typeof schema.CALENDAR_ENTRY_KINDS)[number]
export type HolidayRegion = (typeof schema.REGIONS)[number]

/** A row of calendar_entries as the calendar needs it. */
export interface CalendarEntry {
  id?: string
  kind: CalendarEntryKind
  name: string
  /** YYYY-MM-DD, inclusive */
  startsOn: string
  /** YYYY-MM-DD, inclusive */
  endsOn: string
  /** Set for a school's own day; null for a region row. */
  schoolId: string | null
  /** Set for a region row; null for a school's own day. */
  region: HolidayRegion | null
}

export type DayOffSource = 'weekend' | 'national' | 'region' | 'school'

/** Why a date is not a school day. */
export interface DayOff {
  source: DayOffSource
  kind: 'weekend' | 'nationale_feestdag' | CalendarEntryKind
  name: string
}

export interface SchoolCalendarOptions {
  /** The school's holiday region (schools.holiday_region). */
  region: HolidayRegion
  /** The school; entries of other schools are ignored. */
  schoolId?: string | null
  /** Region and school entries; entries of other regions or schools are ignored. */
  entries?: readonly CalendarEntry[]
  /**
   * The schooljaren the entries were loaded for. When given, touching a date outside them throws
   * OutsideCalendarError instead of silently treating an unloaded holiday as a school day.
   */
  schoolYears?: readonly string[]
  /** Loaded schooljaren without any school holiday of the region (the stichting has not entered them yet). */
  incompleteYears?: readonly string[]
}

/** A date outside the schooljaren the calendar was loaded for. */
export class OutsideCalendarError extends RangeError {
  override name = 'OutsideCalendarError'
  constructor(
    readonly date: string,
    readonly schoolYears: readonly string[],
  ) {
    super(`${date} lies in schooljaar ${schoolYearOfDate(date)}, outside the loaded calendar (${schoolYears.join(', ')})`)
  }
}

/** No school day within this many calendar days: the calendar is wrong, not the school (a year off). */
const MAX_DAYS_WITHOUT_SCHOOL = 366

export class SchoolCalendar {
  readonly region: HolidayRegion
  readonly schoolId: string | null
  /** The entries that apply to this school (its region's and its own), by start date. */
  readonly entries: readonly CalendarEntry[]
  readonly schoolYears: readonly string[] | null
  readonly incompleteYears: readonly string[]
  readonly #entryDays = new Map<number, DayOff[]>()
  readonly #years: ReadonlySet<string> | null

  constructor(options: SchoolCalendarOptions) {
    this.region = options.region
    this.schoolId = options.schoolId ?? null
    this.schoolYears = options.schoolYears ? [...options.schoolYears] : null
    this.#years = this.schoolYears ? new Set(this.schoolYears) : null
    this.incompleteYears = [...(options.incompleteYears ?? [])]
    const applicable = (options.entries ?? []).filter((e) =>
      e.schoolId === null ? e.region === this.region : this.schoolId !== null && e.schoolId === this.schoolId,
    )
    this.entries = [...applicable].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))
    for (const e of this.entries) {
      assertIsoDate(e.startsOn, `calendar entry "${e.name}" startsOn`)
      assertIsoDate(e.endsOn, `calendar entry "${e.name}" endsOn`)
      if (e.endsOn < e.startsOn) throw new RangeError(`calendar entry "${e.name}" ends before it starts`)
      const off: DayOff = { source: e.schoolId === null ? 'region' : 'school', kind: e.kind, name: e.name }
      for (let d = dayNumber(e.startsOn); d <= dayNumber(e.endsOn); d++) {
        const list = this.#entryDays.get(d)
        if (list) list.push(off)
        else this.#entryDays.set(d, [off])
      }
    }
  }

  #check(date: string, what: string): void {
    assertIsoDate(date, what)
    if (this.#years && !this.#years.has(schoolYearOfDate(date))) throw new OutsideCalendarError(date, this.schoolYears!)
  }

  /** Every reason the date is not a school day; empty for a school day. */
  daysOff(date: string): DayOff[] {
    this.#check(date, 'date')
    return this.#reasons(date)
  }

  #reasons(date: string): DayOff[] {
    const out: DayOff[] = []
    if (isWeekend(date)) out.push({ source: 'weekend', kind: 'weekend', name: 'weekend' })
    for (const h of nationalHolidays(Number(date.slice(0, 4)))) {
      if (h.date === date && h.schoolFree) out.push({ source: 'national', kind: 'nationale_feestdag', name: h.name })
    }
    out.push(...(this.#entryDays.get(dayNumber(date)) ?? []))
    return out
  }

  isSchoolDay(date: string): boolean {
    this.#check(date, 'date')
    return this.#reasons(date).length === 0
  }

  /**
   * The n-th school day counting from `start` (n ≥ 1), `start` included when it is a school day:
   * 5 school days from Monday 2 November 2026 end on Friday 6 November.
   */
  addSchoolDays(start: string, n: number): string {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`addSchoolDays needs a whole number of at least 1, got ${n}`)
    this.#check(start, 'start')
    let found = 0
    let gap = 0
    for (let d = dayNumber(start); ; d++) {
      const date = fromDayNumber(d)
      if (this.isSchoolDay(date)) {
        gap = 0
        if (++found === n) return date
      } else if (++gap > MAX_DAYS_WITHOUT_SCHOOL) {
        throw new Error(`No school day in the ${MAX_DAYS_WITHOUT_SCHOOL} days before ${date}: check the calendar entries`)
      }
    }
  }

  /** The first school day strictly after `date`. */
  nextSchoolDay(date: string): string {
    this.#check(date, 'date')
    for (let d = dayNumber(date) + 1, gap = 0; ; d++, gap++) {
      const candidate = fromDayNumber(d)
      if (this.isSchoolDay(candidate)) return candidate
      if (gap > MAX_DAYS_WITHOUT_SCHOOL) {
        throw new Error(`No school day in the ${MAX_DAYS_WITHOUT_SCHOOL} days after ${date}: check the calendar entries`)
      }
    }
  }

  /** The school days from `from` to `to`, both included, in order. */
  schoolDaysBetween(from: string, to: string): string[] {
    this.#check(from, 'from')
    this.#check(to, 'to')
    if (to < from) throw new RangeError(`schoolDaysBetween: ${to} lies before ${from}`)
    const out: string[] = []
    for (let d = dayNumber(from); d <= dayNumber(to); d++) {
      const date = fromDayNumber(d)
      if (this.isSchoolDay(date)) out.push(date)
    }
    return out
  }

  /** The number of school days from `from` to `to`, both included. */
  countSchoolDays(from: string, to: string): number {
    return this.schoolDaysBetween(from, to).length
  }
}

export function buildSchoolCalendar(options: SchoolCalendarOptions): SchoolCalendar {
  return new SchoolCalendar(options)
}

/** One line of a schooljaar's calendar: a national holiday or a calendar entry. */
export interface SchoolYearCalendarItem {
  id: string | null
  source: 'national' | 'region' | 'school'
  kind: 'nationale_feestdag' | CalendarEntryKind
  name: string
  startsOn: string
  endsOn: string
  /** False for a national holiday that is no day off by default (Goede Vrijdag; Bevrijdingsdag outside lustrum years). */
  schoolFree: boolean
  note: string | null
}

export interface SchoolYearCalendar {
  schooljaar: string
  /** 1 August */
  startsOn: string
  /** 31 July */
  endsOn: string
  /** School days from 1 August to 31 July, both included. */
  schoolDays: number
  /** National holidays and entries overlapping the schooljaar, by start date. */
  items: SchoolYearCalendarItem[]
  /** No school holiday of the region has been entered for this schooljaar. */
  incomplete: boolean
}

/** The calendar of one schooljaar for a page: what is off and why, and the number of school days. */
export function describeSchoolYear(calendar: SchoolCalendar, schooljaar: string): SchoolYearCalendar {
  const m = /^(\d{4})-(\d{4})$/.exec(schooljaar)
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`Not a schooljaar: ${schooljaar}`)
  const startsOn = `${m[1]}-08-01`
  const endsOn = `${m[2]}-07-31`
  const national = nationalHolidaysBetween(startsOn, endsOn).map(
    (h: NationalHoliday): SchoolYearCalendarItem => ({
      id: null,
      source: 'national',
      kind: 'nationale_feestdag',
      name: h.name,
      startsOn: h.date,
      endsOn: h.date,
      schoolFree: h.schoolFree,
      note: h.note,
    }),
  )
  const entries = calendar.entries
    .filter((e) => e.startsOn <= endsOn && e.endsOn >= startsOn)
    .map(
      (e): SchoolYearCalendarItem => ({
        id: e.id ?? null,
        source: e.schoolId === null ? 'region' : 'school',
        kind: e.kind,
        name: e.name,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        schoolFree: true,
        note: null,
      }),
    )
  const key = (i: SchoolYearCalendarItem) => `${i.startsOn}|${i.source}|${i.endsOn}|${i.name}`
  const items = [...national, ...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  return {
    schooljaar,
    startsOn,
    endsOn,
    schoolDays: calendar.countSchoolDays(startsOn, endsOn),
    items,
    incomplete: calendar.incompleteYears.includes(schooljaar),
  }
}
