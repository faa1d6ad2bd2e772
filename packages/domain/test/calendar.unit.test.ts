// The school calendar without a database: national holidays (computus, Koningsdag, the lustrum rule)
// and counting school days on the demo holidays of regio noord, with the edge cases a schorsing's count of school days meets.
import { DEMO_SCHOOL_HOLIDAYS, DEMO_STUDY_DAYS } from '@baken/db/demo'
import { describe, expect, it } from 'vitest'
import {
  buildSchoolCalendar,
  describeSchoolYear,
  easterSunday,
  isIsoDate,
  isLiberationDayLustrum,
  isoWeekday,
  koningsdag,
  nationalHolidays,
  OutsideCalendarError,
  schoolYearOfDate,
  type CalendarEntry,
  type HolidayRegion,
} from '@baken/db/calendar'

const BRANDING = '11111111-1111-4111-8111-111111111111'
const LYCEUM = '22222222-2222-4222-8222-222222222222'

/** The demo school holidays of one region as calendar entries (region rows). */
function regionEntries(region: HolidayRegion): CalendarEntry[] {
  return DEMO_SCHOOL_HOLIDAYS.map((h) => ({
    kind: 'schoolvakantie',
    name: h.name,
    startsOn: h.dates[region][0],
    endsOn: h.dates[region][1],
    schoolId: null,
    region,
  }))
}

const studyDays = (key: string, schoolId: string): CalendarEntry[] =>
  DEMO_STUDY_DAYS[key]!.map((d) => ({ kind: 'studiedag', name: d.name, startsOn: d.date, endsOn: d.date, schoolId, region: null }))

/** OBS De Branding: regio noord plus its own study days (25 Nov 2026, 19 Mar 2027). */
const branding = buildSchoolCalendar({
  region: 'noord',
  schoolId: BRANDING,
  entries: [...regionEntries('noord'), ...regionEntries('zuid'), ...studyDays('branding', BRANDING), ...studyDays('lyceum', LYCEUM)],
})
/** Only weekends and national holidays. */
const bare = buildSchoolCalendar({ region: 'midden' })

describe('dates', () => {
  it('weekday and schooljaar of a plain date, no time zone involved', () => {
    expect(isoWeekday('2026-11-21')).toBe(6) // Saturday
    expect(isoWeekday('2026-11-23')).toBe(1) // Monday
    expect(isoWeekday('1970-01-01')).toBe(4)
    expect(isoWeekday('1969-12-29')).toBe(1)
    expect(schoolYearOfDate('2027-07-31')).toBe('2026-2027')
    expect(schoolYearOfDate('2027-08-01')).toBe('2027-2028')
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-1-5')).toBe(false)
  })
})

describe('national holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
  ])('Easter %i is on %s (Gregorian computus)', (year, date) => {
    expect(easterSunday(year)).toBe(date)
    expect(isoWeekday(date)).toBe(7)
  })

  it('2026: every holiday on its date, in date order', () => {
    expect(nationalHolidays(2026).map((h) => [h.key, h.date, h.schoolFree])).toEqual([
      ['nieuwjaarsdag', '2026-01-01', true],
      ['goede_vrijdag', '2026-04-03', false],
      ['eerste_paasdag', '2026-04-05', true],
      ['tweede_paasdag', '2026-04-06', true],
      ['koningsdag', '2026-04-27', true],
      ['bevrijdingsdag', '2026-05-05', false],
      ['hemelvaartsdag', '2026-05-14', true],
      ['eerste_pinksterdag', '2026-05-24', true],
      ['tweede_pinksterdag', '2026-05-25', true],
      ['eerste_kerstdag', '2026-12-25', true],
      ['tweede_kerstdag', '2026-12-26', true],
    ])
  })

  it('Hemelvaartsdag is a Thursday 39 days after Easter; Pinksteren 7 weeks after Easter', () => {
    for (const year of [2024, 2025, 2026, 2027, 2038]) {
      const byKey = Object.fromEntries(nationalHolidays(year).map((h) => [h.key, h.date]))
      expect(isoWeekday(byKey.hemelvaartsdag!)).toBe(4)
      expect(isoWeekday(byKey.eerste_pinksterdag!)).toBe(7)
      expect(isoWeekday(byKey.tweede_pinksterdag!)).toBe(1)
      expect(isoWeekday(byKey.tweede_paasdag!)).toBe(1)
      expect(isoWeekday(byKey.goede_vrijdag!)).toBe(5)
    }
    expect(nationalHolidays(2038).find((h) => h.key === 'hemelvaartsdag')!.date).toBe('2038-06-03')
  })

  it('Koningsdag is 27 April, or Saturday 26 April when the 27th is a Sunday (2025, 2031)', () => {
    expect(koningsdag(2025)).toBe('2025-04-26')
    expect(isoWeekday('2025-04-27')).toBe(7)
    expect(koningsdag(2031)).toBe('2031-04-26')
    expect(koningsdag(2026)).toBe('2026-04-27')
    // Saturday the 27th stays on the 27th.
    expect(koningsdag(2024)).toBe('2024-04-27')
    expect(isoWeekday('2024-04-27')).toBe(6)
  })

  it('Bevrijdingsdag is a school day off only in lustrum years (2025, 2030), with the rule as note', () => {
    expect([2024, 2025, 2026, 2029, 2030].map(isLiberationDayLustrum)).toEqual([false, true, false, false, true])
    const in2025 = nationalHolidays(2025).find((h) => h.key === 'bevrijdingsdag')!
    const in2026 = nationalHolidays(2026).find((h) => h.key === 'bevrijdingsdag')!
    expect(in2025).toMatchObject({ date: '2025-05-05', schoolFree: true })
    expect(in2026).toMatchObject({ date: '2026-05-05', schoolFree: false })
    expect(in2026.note).toContain('lustrumjaren')
    // Monday 5 May 2025 (after the meivakantie of regio noord) is off; Tuesday 5 May 2026 is not.
    expect(bare.isSchoolDay('2025-05-05')).toBe(false)
    expect(bare.isSchoolDay('2026-05-05')).toBe(true)
  })

  it('Goede Vrijdag is no general school holiday', () => {
    const goodFriday = nationalHolidays(2027).find((h) => h.key === 'goede_vrijdag')!
    expect(goodFriday).toMatchObject({ date: '2027-03-26', schoolFree: false })
    expect(goodFriday.note).toContain('geen algemene vrije dag')
    expect(bare.isSchoolDay('2027-03-26')).toBe(true)
  })

  it('refuses years before Koningsdag moved to 27 April', () => {
    expect(() => nationalHolidays(2013)).toThrow(RangeError)
    expect(() => easterSunday(1500)).toThrow(RangeError)
  })
})

describe('school days', () => {
  it('weekends are no school days, and say why', () => {
    expect(branding.isSchoolDay('2026-11-21')).toBe(false)
    expect(branding.isSchoolDay('2026-11-22')).toBe(false)
    expect(branding.isSchoolDay('2026-11-20')).toBe(true)
    expect(branding.daysOff('2026-11-21')).toEqual([{ source: 'weekend', kind: 'weekend', name: 'weekend' }])
    expect(branding.daysOff('2026-11-20')).toEqual([])
  })

  it('5 school days starting on Monday end on Friday of that week', () => {
    expect(branding.addSchoolDays('2026-11-02', 5)).toBe('2026-11-06')
    expect(branding.countSchoolDays('2026-11-02', '2026-11-06')).toBe(5)
    expect(branding.addSchoolDays('2026-11-02', 1)).toBe('2026-11-02')
  })

  it('5 school days starting on Thursday run over the weekend to Wednesday', () => {
    expect(branding.addSchoolDays('2026-11-05', 5)).toBe('2026-11-11')
    expect(branding.schoolDaysBetween('2026-11-05', '2026-11-11')).toEqual([
      '2026-11-05',
      '2026-11-06',
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
    ])
  })

  it('starting on a Saturday, the first school day is the Monday after', () => {
    expect(branding.addSchoolDays('2026-11-07', 1)).toBe('2026-11-09')
    expect(branding.addSchoolDays('2026-11-07', 5)).toBe('2026-11-13')
    expect(branding.addSchoolDays('2026-11-08', 10)).toBe('2026-11-20') // two weeks of school days
  })

  it('a holiday inside the week (Hemelvaartsdag, Thursday 6 May 2027) adds a day', () => {
    expect(branding.isSchoolDay('2027-05-06')).toBe(false)
    expect(branding.daysOff('2027-05-06')).toEqual([{ source: 'national', kind: 'nationale_feestdag', name: 'Hemelvaartsdag' }])
    // Mon 3, Tue 4, Wed 5 (Bevrijdingsdag 2027: no lustrum, school), Fri 7, Mon 10.
    expect(branding.addSchoolDays('2027-05-03', 5)).toBe('2027-05-10')
  })

  it('around Easter: Goede Vrijdag counts, Tweede Paasdag does not', () => {
    // Thu 25 Mar, Fri 26 (Goede Vrijdag), Mon 29 off, Tue 30, Wed 31, Thu 1 Apr.
    expect(branding.addSchoolDays('2027-03-25', 5)).toBe('2027-04-01')
  })

  it("a study day of the school is no school day for that school only", () => {
    expect(branding.daysOff('2026-11-25')).toEqual([{ source: 'school', kind: 'studiedag', name: 'Studiedag team' }])
    // Mon 23, Tue 24, (Wed 25 study day), Thu 26, Fri 27, Mon 30.
    expect(branding.addSchoolDays('2026-11-23', 5)).toBe('2026-11-30')
    // The Lyceum's study day (Mon 30 Nov) is in the list given, but is not Branding's.
    expect(branding.isSchoolDay('2026-11-30')).toBe(true)
    const lyceum = buildSchoolCalendar({ region: 'noord', schoolId: LYCEUM, entries: [...regionEntries('noord'), ...studyDays('branding', BRANDING), ...studyDays('lyceum', LYCEUM)] })
    expect(lyceum.addSchoolDays('2026-11-23', 5)).toBe('2026-11-27')
    expect(lyceum.isSchoolDay('2026-11-30')).toBe(false)
  })

  it('counting across the kerstvakantie (19 December 2026 – 3 January 2027)', () => {
    expect(branding.countSchoolDays('2026-12-14', '2027-01-08')).toBe(10)
    // Wed 16, Thu 17, Fri 18 Dec, then Mon 4 and Tue 5 Jan.
    expect(branding.addSchoolDays('2026-12-16', 5)).toBe('2027-01-05')
    expect(branding.nextSchoolDay('2026-12-18')).toBe('2027-01-04')
    expect(branding.daysOff('2026-12-25').map((d) => d.name)).toEqual(['Eerste Kerstdag', 'Kerstvakantie'])
  })

  it('the region decides: the voorjaarsvakantie 2027 is 6–14 Feb in zuid and 20–28 Feb in noord', () => {
    const zuid = buildSchoolCalendar({ region: 'zuid', entries: [...regionEntries('noord'), ...regionEntries('zuid')] })
    expect(zuid.isSchoolDay('2027-02-08')).toBe(false)
    expect(branding.isSchoolDay('2027-02-08')).toBe(true)
    expect(zuid.isSchoolDay('2027-02-22')).toBe(true)
    expect(branding.isSchoolDay('2027-02-22')).toBe(false)
  })

  it('nextSchoolDay is strictly after the date', () => {
    expect(branding.nextSchoolDay('2026-11-02')).toBe('2026-11-03')
    expect(branding.nextSchoolDay('2026-11-06')).toBe('2026-11-09')
    expect(branding.nextSchoolDay('2026-11-24')).toBe('2026-11-26')
  })

  it('the last day of the schooljaar, 31 July: counting runs on into the next schooljaar', () => {
    // Without holidays: Friday 31 July 2026 is a school day, the next one is Monday 3 August.
    expect(bare.isSchoolDay('2026-07-31')).toBe(true)
    expect(bare.addSchoolDays('2026-07-30', 3)).toBe('2026-08-03')
    expect(bare.countSchoolDays('2026-07-27', '2026-08-07')).toBe(10)
    // Regio noord: the zomervakantie 2027 starts 10 July; the first school day after it is 23 August.
    expect(branding.nextSchoolDay('2027-07-09')).toBe('2027-08-23')
    expect(branding.isSchoolDay('2027-07-30')).toBe(false)
  })

  it('a calendar loaded for one schooljaar refuses dates outside it instead of guessing', () => {
    const loaded = buildSchoolCalendar({ region: 'noord', entries: regionEntries('noord'), schoolYears: ['2026-2027'] })
    expect(loaded.isSchoolDay('2027-07-30')).toBe(false)
    expect(loaded.countSchoolDays('2027-07-01', '2027-07-31')).toBe(7)
    expect(() => loaded.isSchoolDay('2027-08-02')).toThrow(OutsideCalendarError)
    // The last school day before the summer plus one runs off the loaded calendar.
    expect(() => loaded.addSchoolDays('2027-07-09', 2)).toThrow(OutsideCalendarError)
    const twoYears = buildSchoolCalendar({ region: 'noord', entries: regionEntries('noord'), schoolYears: ['2026-2027', '2027-2028'] })
    expect(twoYears.addSchoolDays('2027-07-09', 2)).toBe('2027-08-23')
  })

  it('refuses bad input', () => {
    expect(() => branding.addSchoolDays('2026-11-02', 0)).toThrow(RangeError)
    expect(() => branding.addSchoolDays('2026-11-02', 1.5)).toThrow(RangeError)
    expect(() => branding.isSchoolDay('2026-02-30')).toThrow(RangeError)
    expect(() => branding.countSchoolDays('2026-11-06', '2026-11-02')).toThrow(RangeError)
    expect(() => buildSchoolCalendar({ region: 'noord', entries: [{ kind: 'studiedag', name: 'x', startsOn: '2026-11-03', endsOn: '2026-11-02', schoolId: null, region: 'noord' }] })).toThrow(RangeError)
  })

  it('a calendar with every day off fails loudly instead of looping', () => {
    const closed = buildSchoolCalendar({
      region: 'noord',
      entries: [{ kind: 'vrije_dag', name: 'dicht', startsOn: '2026-01-01', endsOn: '2028-12-31', schoolId: null, region: 'noord' }],
    })
    expect(() => closed.addSchoolDays('2026-02-02', 1)).toThrow(/No school day/)
    expect(() => closed.nextSchoolDay('2026-02-02')).toThrow(/No school day/)
  })
})

describe('a schooljaar on the calendar', () => {
  it('counts the school days from 1 August to 31 July', () => {
    // 260 weekdays; regio noord: 10 (zomer 2026) + 5 + 10 + 5 + 5 + 15 (zomer 2027) holiday weekdays,
    // Tweede Paasdag, Hemelvaartsdag, Tweede Pinksterdag, and Branding's two study days.
    expect(describeSchoolYear(branding, '2026-2027').schoolDays).toBe(260 - 50 - 3 - 2)
    // 2025-2026: 261 weekdays; 16 + 5 + 10 + 5 + 5 + 20 holiday weekdays and 3 holidays.
    expect(describeSchoolYear(branding, '2025-2026').schoolDays).toBe(261 - 61 - 3)
  })

  it('lists national holidays (with the rule for those that are no day off) and entries in date order', () => {
    const year = describeSchoolYear(branding, '2026-2027')
    expect(year).toMatchObject({ schooljaar: '2026-2027', startsOn: '2026-08-01', endsOn: '2027-07-31', incomplete: false })
    const names = year.items.map((i) => i.name)
    expect(names[0]).toBe('Zomervakantie') // the one of 2026, running into August
    expect(names).toContain('Studiedag team')
    expect(names).not.toContain('Studiedag toetsbeleid') // the Lyceum's
    const goodFriday = year.items.find((i) => i.name === 'Goede Vrijdag')!
    expect(goodFriday).toMatchObject({ source: 'national', schoolFree: false })
    const dates = year.items.map((i) => i.startsOn)
    expect(dates).toEqual([...dates].sort())
    expect(() => describeSchoolYear(branding, '2026-2028')).toThrow(RangeError)
  })
})
