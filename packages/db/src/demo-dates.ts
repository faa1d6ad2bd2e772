// The demo data is laid out around the day it is seeded, so a new user always sees a believable
// present (a schorsing waiting for the board this week, an Inspectie notice due tomorrow, a bezwaar
// to decide next week) and tests hold on any day: they read their expected dates from the seed.
//
// Everything here is derived from one instant, `now` (the clock of the seeding process). Days are
// Dutch calendar dates; school days are counted on the same SchoolCalendar the domain uses, over the
// demo holidays of the school's region and the school's study days.
import { buildSchoolCalendar, type SchoolCalendar } from './calendar/school-calendar.ts'
import { localDate } from './calendar/dutch-date.ts'
import { plusDays, schoolYearOfDate } from './calendar/calendar-dates.ts'
import { demoCalendarEntries } from './demo-calendar.ts'
import type * as s from './schema.ts'

type Region = (typeof s.REGIONS)[number]

export interface DemoDates {
  /** The seeding instant. */
  now: Date
  /** Its Dutch calendar date (YYYY-MM-DD). */
  today: string
  /** The schooljaar of today, e.g. '2026-2027'. */
  schoolYear: string
  /** The start year of that schooljaar (2026 for '2026-2027'). */
  schoolYearStart: number
  /** The schooljaren the demo has rows for, oldest first (two before today's, today's, the next). */
  schoolYears: string[]
  /** The school calendar of a demo school (its region's holidays and, by key, its study days). */
  calendar(region: Region, schoolKey?: string): SchoolCalendar
  /** The n-th school day after today (n > 0) or before it (n < 0); n = 0 is today or the next school day. */
  schoolDay(region: Region, n: number, schoolKey?: string): string
  /** The instant of hh:mm Dutch local time on a day. */
  at(day: string, hh: number, mm?: number): Date
}

/** '2026-2027' → 2026 */
function startYear(schoolYear: string): number {
  return Number(schoolYear.slice(0, 4))
}

/** Minutes Amsterdam is ahead of UTC at an instant: 120 in summer time (EU rule), else 60. */
function amsterdamOffsetMinutes(instant: Date): number {
  const y = instant.getUTCFullYear()
  // Summer time runs from the last Sunday of March to the last Sunday of October, 01:00 UTC.
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(y, month + 1, 0))
    return Date.UTC(y, month, last.getUTCDate() - last.getUTCDay(), 1)
  }
  const t = instant.getTime()
  return t >= lastSunday(2) && t < lastSunday(9) ? 120 : 60
}

/** The instant of hh:mm Dutch local time on a YYYY-MM-DD day. */
export function dutchMoment(day: string, hh: number, mm = 0): Date {
  const asUtc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hh, mm)
  return new Date(asUtc - amsterdamOffsetMinutes(new Date(asUtc - 60 * 60_000)) * 60_000)
}

export function demoDates(now: Date = new Date()): DemoDates {
  const today = localDate(now)
  const schoolYear = schoolYearOfDate(today)
  const first = startYear(schoolYear)
  const schoolYears = [first - 2, first - 1, first, first + 1].map((y) => `${y}-${y + 1}`)
  const entries = demoCalendarEntries(schoolYears)
  const calendars = new Map<string, SchoolCalendar>()
  const calendar = (region: Region, schoolKey?: string) => {
    const key = `${region}/${schoolKey ?? ''}`
    let c = calendars.get(key)
    if (!c) {
      c = buildSchoolCalendar({
        region,
        schoolId: schoolKey ?? null,
        entries: entries.filter((e) => (e.schoolKey === undefined ? e.region === region : e.schoolKey === schoolKey)).map((e) => ({ ...e, schoolId: e.schoolKey ?? null })),
      })
      calendars.set(key, c)
    }
    return c
  }
  const schoolDay = (region: Region, n: number, schoolKey?: string) => {
    const c = calendar(region, schoolKey)
    if (n === 0) return c.isSchoolDay(today) ? today : c.nextSchoolDay(today)
    let day = today
    for (let i = 0; i < Math.abs(n); i++) {
      if (n > 0) day = c.nextSchoolDay(day)
      else do day = plusDays(day, -1)
      while (!c.isSchoolDay(day))
    }
    return day
  }
  return {
    now,
    today,
    schoolYear,
    schoolYearStart: first,
    schoolYears,
    calendar,
    schoolDay,
    at: dutchMoment,
  }
}
