// Demo school calendar: the school holidays of 2025-2026 and 2026-2027 for the three holiday regions,
// for every demo stichting, and two study days per demo school in 2026-2027.
//
// DEMO DATA. The dates follow the Rijksoverheid's schedule (the advised dates for herfst-, kerst-,
// voorjaars- and meivakantie; the compulsory zomervakantie) as best known when this was written. A
// stichting must check them against rijksoverheid.nl and its own vakantierooster before relying on
// them: many schools extend the meivakantie to two weeks or move the herfst- and voorjaarsvakantie.
// National holidays (Pasen, Koningsdag, Hemelvaart, Pinksteren, …) are computed in code
// (packages/domain/src/calendar/national-holidays.ts) and have no rows here.
//
// The zomervakantie is filed under the schooljaar in which it starts (as the Rijksoverheid lists it)
// and runs on into August of the next one. The zomervakantie of 2025 is included because it runs into
// August 2025, so the school days of 2025-2026 can be counted correctly.
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

export interface DemoCalendarTarget {
  stichtingIds: string[]
  /** school key (as in DEMO_STUDY_DAYS) → the school */
  schools: Record<string, { id: string; stichtingId: string }>
}

/** Inserts the region holidays for every stichting and the study days of every demo school. */
export async function seedDemoCalendar(tx: Tx, target: DemoCalendarTarget): Promise<void> {
  const rows: (typeof s.calendarEntries.$inferInsert)[] = []
  for (const stichtingId of target.stichtingIds) {
    for (const holiday of DEMO_SCHOOL_HOLIDAYS) {
      for (const region of s.REGIONS) {
        const [startsOn, endsOn] = holiday.dates[region]
        rows.push({ stichtingId, region, schoolYear: holiday.schoolYear, kind: 'schoolvakantie', name: holiday.name, startsOn, endsOn })
      }
    }
  }
  for (const [key, days] of Object.entries(DEMO_STUDY_DAYS)) {
    const school = target.schools[key]
    if (!school) throw new Error(`Demo calendar: no demo school ${key}`)
    for (const day of days) {
      rows.push({
        stichtingId: school.stichtingId,
        schoolId: school.id,
        schoolYear: '2026-2027',
        kind: 'studiedag',
        name: day.name,
        startsOn: day.date,
        endsOn: day.date,
      })
    }
  }
  await tx.insert(s.calendarEntries).values(rows)
}
