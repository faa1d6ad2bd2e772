// Demo school calendar: the school holidays of the three holiday regions for every demo stichting,
// and two study days per demo school in each schooljaar the demo covers.
//
// DEMO DATA. For 2025-2026 and 2026-2027 the dates follow the Rijksoverheid's schedule (the advised
// dates for herfst-, kerst-, voorjaars- and meivakantie; the compulsory zomervakantie) as best known
// when this was written. Other schooljaren, which the demo needs because it is laid out around the
// day it is seeded, get holidays by the usual pattern of that schedule (demoHolidaysFor). A stichting
// must check its dates against rijksoverheid.nl and its own vakantierooster before relying on them:
// many schools extend the meivakantie to two weeks or move the herfst- and voorjaarsvakantie.
// National holidays (Pasen, Koningsdag, Hemelvaart, Pinksteren, …) are computed in code
// (calendar/national-holidays.ts) and have no rows here.
//
// The zomervakantie is filed under the schooljaar in which it starts (as the Rijksoverheid lists it)
// and runs on into August of the next one; the summer before the first schooljaar is included so the
// school days of its August are counted correctly.
import { isoDate, isoWeekday, plusDays } from './calendar/calendar-dates.ts'
import type { Tx } from './client.ts'
import * as s from './schema.ts'

type Region = (typeof s.REGIONS)[number]

interface HolidaySpec {
  schoolYear: string
  name: string
  /** from, to (inclusive) per region */
  dates: Record<Region, [string, string]>
}

const same = (from: string, to: string): Record<Region, [string, string]> => ({
  noord: [from, to],
  midden: [from, to],
  zuid: [from, to],
})

export const DEMO_SCHOOL_HOLIDAYS: HolidaySpec[] = [
  {
    schoolYear: '2024-2025',
    name: 'Zomervakantie',
    dates: { noord: ['2025-07-12', '2025-08-24'], midden: ['2025-07-19', '2025-08-31'], zuid: ['2025-07-05', '2025-08-17'] },
  },
  // 2025-2026
  {
    schoolYear: '2025-2026',
    name: 'Herfstvakantie',
    dates: { noord: ['2025-10-18', '2025-10-26'], midden: ['2025-10-18', '2025-10-26'], zuid: ['2025-10-11', '2025-10-19'] },
  },
  { schoolYear: '2025-2026', name: 'Kerstvakantie', dates: same('2025-12-20', '2026-01-04') },
  {
    schoolYear: '2025-2026',
    name: 'Voorjaarsvakantie',
    dates: { noord: ['2026-02-21', '2026-03-01'], midden: ['2026-02-14', '2026-02-22'], zuid: ['2026-02-14', '2026-02-22'] },
  },
  { schoolYear: '2025-2026', name: 'Meivakantie', dates: same('2026-04-25', '2026-05-03') },
  {
    schoolYear: '2025-2026',
    name: 'Zomervakantie',
    dates: { noord: ['2026-07-04', '2026-08-16'], midden: ['2026-07-18', '2026-08-30'], zuid: ['2026-07-11', '2026-08-23'] },
  },
  // 2026-2027
  {
    schoolYear: '2026-2027',
    name: 'Herfstvakantie',
    dates: { noord: ['2026-10-10', '2026-10-18'], midden: ['2026-10-17', '2026-10-25'], zuid: ['2026-10-17', '2026-10-25'] },
  },
  { schoolYear: '2026-2027', name: 'Kerstvakantie', dates: same('2026-12-19', '2027-01-03') },
  {
    schoolYear: '2026-2027',
    name: 'Voorjaarsvakantie',
    dates: { noord: ['2027-02-20', '2027-02-28'], midden: ['2027-02-20', '2027-02-28'], zuid: ['2027-02-06', '2027-02-14'] },
  },
  { schoolYear: '2026-2027', name: 'Meivakantie', dates: same('2027-04-24', '2027-05-02') },
  {
    schoolYear: '2026-2027',
    name: 'Zomervakantie',
    dates: { noord: ['2027-07-10', '2027-08-22'], midden: ['2027-07-03', '2027-08-15'], zuid: ['2027-07-17', '2027-08-29'] },
  },
]

/** The schooljaar of the listed study days below. */
export const DEMO_STUDY_DAYS_YEAR = '2026-2027'

/** Two study days per demo school in 2026-2027 (weekdays outside the holidays), by school key. */
export const DEMO_STUDY_DAYS: Record<string, { name: string; date: string }[]> = {
  branding: [
    { name: 'Studiedag team', date: '2026-11-25' },
    { name: 'Studiedag rekenen', date: '2027-03-19' },
  ],
  lyceum: [
    { name: 'Studiedag toetsbeleid', date: '2026-11-30' },
    { name: 'Studiedag', date: '2027-06-11' },
  ],
  vakcollege: [
    { name: 'Studiedag praktijkopleiders', date: '2026-12-18' },
    { name: 'Studiedag', date: '2027-04-14' },
  ],
  'horizon-school': [
    { name: 'Studiedag team', date: '2026-11-23' },
    { name: 'Studiedag lezen', date: '2027-03-05' },
  ],
}

/** The Saturday on or before a day. */
function saturdayOnOrBefore(day: string): string {
  return plusDays(day, -((isoWeekday(day) + 1) % 7))
}

/** The Saturday before the Monday of ISO week `week` of `year`. */
function saturdayBeforeIsoWeek(year: number, week: number): string {
  const jan4 = isoDate(year, 1, 4)
  const mondayWeek1 = plusDays(jan4, 1 - isoWeekday(jan4))
  return plusDays(mondayWeek1, (week - 1) * 7 - 2)
}

/**
 * Holidays of a schooljaar by the usual pattern of the Rijksoverheid's schedule: herfst in week 42 or
 * 43, kerst the two weeks over Christmas and New Year, voorjaar in week 7 or 8, mei the week of
 * Koningsdag, and six weeks of zomer from early or mid July, staggered over the regions.
 */
export function demoHolidaysFor(schoolYear: string): HolidaySpec[] {
  const y = Number(schoolYear.slice(0, 4))
  const week = (year: number, w: number, days = 8): [string, string] => {
    const from = saturdayBeforeIsoWeek(year, w)
    return [from, plusDays(from, days)]
  }
  const kerst = saturdayOnOrBefore(isoDate(y, 12, 24))
  const mei = saturdayOnOrBefore(isoDate(y + 1, 4, 27))
  const zomer = saturdayOnOrBefore(isoDate(y + 1, 7, 10))
  // Saturday to the Sunday six weeks later.
  const summer = (offsetWeeks: number): [string, string] => [plusDays(zomer, offsetWeeks * 7), plusDays(zomer, offsetWeeks * 7 + 43)]
  return [
    { schoolYear, name: 'Herfstvakantie', dates: { noord: week(y, 43), midden: week(y, 43), zuid: week(y, 42) } },
    { schoolYear, name: 'Kerstvakantie', dates: same(kerst, plusDays(kerst, 15)) },
    { schoolYear, name: 'Voorjaarsvakantie', dates: { noord: week(y + 1, 8), midden: week(y + 1, 8), zuid: week(y + 1, 7) } },
    { schoolYear, name: 'Meivakantie', dates: same(mei, plusDays(mei, 8)) },
    { schoolYear, name: 'Zomervakantie', dates: { noord: summer(0), midden: summer(-1), zuid: summer(1) } },
  ]
}

/** Two study days of a demo school in a schooljaar without listed ones: a Wednesday in November and a Friday in March. */
function demoStudyDaysFor(schoolYear: string, index: number): { name: string; date: string }[] {
  const y = Number(schoolYear.slice(0, 4))
  const wednesday = plusDays(saturdayBeforeIsoWeek(y, 46 + (index % 3)), 4)
  const friday = plusDays(saturdayBeforeIsoWeek(y + 1, 11 + (index % 2)), 6)
  return [
    { name: 'Studiedag team', date: wednesday },
    { name: 'Studiedag', date: friday },
  ]
}

export interface DemoCalendarEntry {
  region: Region | null
  /** A demo school key for the school's own entries; undefined for region entries. */
  schoolKey?: string
  schoolYear: string
  kind: 'schoolvakantie' | 'studiedag'
  name: string
  startsOn: string
  endsOn: string
}

/** The demo's region holidays and study days for the given schooljaren (and the summer before the first). */
export function demoCalendarEntries(schoolYears: readonly string[]): DemoCalendarEntry[] {
  const first = Number([...schoolYears].sort()[0]!.slice(0, 4))
  const years = [`${first - 1}-${first}`, ...schoolYears]
  const out: DemoCalendarEntry[] = []
  for (const year of years) {
    // The listed dates where there are any, the usual pattern for the rest.
    const holidays = demoHolidaysFor(year).map((g) => DEMO_SCHOOL_HOLIDAYS.find((h) => h.schoolYear === year && h.name === g.name) ?? g)
    // Of the year before the first, only its summer, which runs into the first schooljaar's August.
    for (const h of year === years[0] ? holidays.filter((x) => x.name === 'Zomervakantie') : holidays) {
      for (const region of s.REGIONS) {
        const [startsOn, endsOn] = h.dates[region]
        out.push({ region, schoolYear: h.schoolYear, kind: 'schoolvakantie', name: h.name, startsOn, endsOn })
      }
    }
  }
  for (const [index, [schoolKey, listedDays]] of Object.entries(DEMO_STUDY_DAYS).entries()) {
    for (const year of schoolYears) {
      const days = year === DEMO_STUDY_DAYS_YEAR ? listedDays : demoStudyDaysFor(year, index)
      for (const day of days) out.push({ region: null, schoolKey, schoolYear: year, kind: 'studiedag', name: day.name, startsOn: day.date, endsOn: day.date })
    }
  }
  return out
}

export interface DemoCalendarTarget {
  stichtingIds: string[]
  /** school key (as in DEMO_STUDY_DAYS) → the school */
  schools: Record<string, { id: string; stichtingId: string }>
  /** The schooljaren the demo covers. */
  schoolYears: readonly string[]
}

/** Inserts the region holidays for every stichting and the study days of every demo school. */
export async function seedDemoCalendar(tx: Tx, target: DemoCalendarTarget): Promise<void> {
  const rows: (typeof s.calendarEntries.$inferInsert)[] = []
  for (const e of demoCalendarEntries(target.schoolYears)) {
    const { schoolKey, ...entry } = e
    if (schoolKey === undefined) {
      for (const stichtingId of target.stichtingIds) rows.push({ ...entry, stichtingId })
      continue
    }
    const school = target.schools[schoolKey]
    if (!school) throw new Error(`Demo calendar: no demo school ${schoolKey}`)
    rows.push({ ...entry, region: null, stichtingId: school.stichtingId, schoolId: school.id })
  }
  await tx.insert(s.calendarEntries).values(rows)
}
