// The days of the Algemene termijnenwet, one by one: a deadline that ends on each of them runs on to
// the next working day (art. 1 lid 1), Goede Vrijdag included (art. 3 lid 2), and the list is not the
// school calendar's. The years are chosen; every date is computed from them and Easter.
import { describe, expect, it } from 'vitest'
import {
  buildSchoolCalendar,
  easterSunday,
  isoWeekday,
  isTermijnenwetHoliday,
  isTermijnenwetRestDay,
  nationalHolidays,
  plusDays,
  termijnenwetDays,
  termijnenwetEnd,
} from '../src/calendar/index.ts'
import { bezwaarTerms } from '../src/measures/bezwaar.ts'
import { bezwaarDeadlines } from '../src/measures/bezwaar-deadlines.ts'

const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2038]

/** The first day after `day` that is no Saturday, Sunday or Atw feestdag, walked out here by hand. */
function nextWorkingDay(day: string): string {
  let d = plusDays(day, 1)
  while (isoWeekday(d) >= 6 || termijnenwetDays(Number(d.slice(0, 4))).some((x) => x.date === d)) d = plusDays(d, 1)
  return d
}

describe('the days of art. 3, per year', () => {
  it.each(YEARS)('%i: the eleven days, on the dates the law and Easter give', (year) => {
    const easter = easterSunday(year)
    const byKey = Object.fromEntries(termijnenwetDays(year).map((d) => [d.key, d.date]))
    const april27 = `${year}-04-27`
    expect(byKey).toEqual({
      nieuwjaarsdag: `${year}-01-01`,
      goede_vrijdag: plusDays(easter, -2),
      eerste_paasdag: easter,
      tweede_paasdag: plusDays(easter, 1),
      // 27 April, or Saturday 26 April when the 27th is a Sunday.
      koningsdag: isoWeekday(april27) === 7 ? `${year}-04-26` : april27,
      bevrijdingsdag: `${year}-05-05`,
      hemelvaartsdag: plusDays(easter, 39),
      eerste_pinksterdag: plusDays(easter, 49),
      tweede_pinksterdag: plusDays(easter, 50),
      eerste_kerstdag: `${year}-12-25`,
      tweede_kerstdag: `${year}-12-26`,
    })
    // Eerste Paasdag and Eerste Pinksterdag are Sundays; Goede Vrijdag a Friday; Hemelvaart a Thursday.
    expect(isoWeekday(byKey.eerste_paasdag!)).toBe(7)
    expect(isoWeekday(byKey.eerste_pinksterdag!)).toBe(7)
    expect(isoWeekday(byKey.goede_vrijdag!)).toBe(5)
    expect(isoWeekday(byKey.hemelvaartsdag!)).toBe(4)
  })

  it('Koningsdag moves to Saturday 26 April when the 27th is a Sunday (2025, 2031)', () => {
    expect(termijnenwetDays(2025).find((d) => d.key === 'koningsdag')!.date).toBe('2025-04-26')
    expect(termijnenwetDays(2031).find((d) => d.key === 'koningsdag')!.date).toBe('2031-04-26')
  })

  it('names its source per day: Goede Vrijdag by art. 3 lid 2', () => {
    expect(termijnenwetDays(2026).find((d) => d.key === 'goede_vrijdag')!.source).toBe('Algemene termijnenwet art. 3 lid 2 (gelijkgesteld)')
    expect(termijnenwetDays(2026).find((d) => d.key === 'bevrijdingsdag')!.source).toBe('Algemene termijnenwet art. 3 lid 1')
  })
})

describe('a deadline ending on each day runs on to the next working day', () => {
  const cases = YEARS.flatMap((year) => termijnenwetDays(year).map((d) => [year, d.key, d.date] as const))
  it.each(cases)('%i %s (%s)', (_year, _key, date) => {
    const end = termijnenwetEnd(date)
    expect(end > date).toBe(true)
    expect(end).toBe(nextWorkingDay(date))
    expect(isTermijnenwetRestDay(end)).toBe(false)
    // Through the rule engine: a decision sent six weeks before the day, objected to that day.
    const t = bezwaarTerms({ sector: 'vo', measureKind: 'schorsing', decisionSentOn: plusDays(date, -42), receivedOn: end })
    expect(t).toMatchObject({ objectionDeadline: end, late: false })
  })

  it.each(YEARS)('%i: Saturdays and Sundays run on to the Monday, or past a feestdag on it', (year) => {
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = plusDays(d, 1)) {
      if (isoWeekday(d) >= 6) {
        const monday = plusDays(d, 8 - isoWeekday(d))
        expect(termijnenwetEnd(d)).toBe(isTermijnenwetHoliday(monday) ? nextWorkingDay(monday) : monday)
      }
      if (!isTermijnenwetRestDay(d)) expect(termijnenwetEnd(d)).toBe(d)
    }
  })

  it('Goede Vrijdag → the Tuesday after Easter; Easter on 25 April (2038) → past Koningsdag to Wednesday 28 April', () => {
    for (const year of YEARS.filter((y) => y !== 2038)) expect(termijnenwetEnd(plusDays(easterSunday(year), -2))).toBe(plusDays(easterSunday(year), 2))
    expect(easterSunday(2038)).toBe('2038-04-25')
    expect(termijnenwetEnd('2038-04-23')).toBe('2038-04-28')
  })

  it('the rule engine uses the Atw list by default: a term ending on Goede Vrijdag 2026 ends on Tuesday 7 April', () => {
    // Sent Friday 20 February 2026: six weeks end on Goede Vrijdag, 3 April.
    expect(bezwaarDeadlines({ sector: 'mbo', measureKind: 'schorsing', decisionSentOn: '2026-02-20' }).objectionDeadline).toBe('2026-04-07')
  })
})

describe('kept apart from the school calendar', () => {
  it('Goede Vrijdag and Bevrijdingsdag (outside lustrum years) are school days, yet no term ends on them', () => {
    const calendar = buildSchoolCalendar({ region: 'noord' })
    for (const year of [2026, 2027, 2028]) {
      const goodFriday = plusDays(easterSunday(year), -2)
      expect(nationalHolidays(year).find((h) => h.key === 'goede_vrijdag')!.schoolFree).toBe(false)
      expect(calendar.isSchoolDay(goodFriday)).toBe(true)
      expect(isTermijnenwetHoliday(goodFriday)).toBe(true)
      const liberation = `${year}-05-05`
      if (isoWeekday(liberation) < 6 && liberation !== plusDays(easterSunday(year), 39)) expect(calendar.isSchoolDay(liberation)).toBe(true)
      expect(isTermijnenwetHoliday(liberation)).toBe(true)
    }
  })

  it('a school holiday is no Atw day: a term ending in the autumn holiday ends on its day', () => {
    const calendar = buildSchoolCalendar({
      region: 'noord',
      entries: [{ kind: 'schoolvakantie', name: 'Herfstvakantie', startsOn: '2026-10-17', endsOn: '2026-10-25', schoolId: null, region: 'noord' }],
    })
    expect(calendar.isSchoolDay('2026-10-21')).toBe(false)
    expect(termijnenwetEnd('2026-10-21')).toBe('2026-10-21')
  })
})
