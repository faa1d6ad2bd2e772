// Reading the Rijksoverheid's open data on school holidays (content[].vacations[].regions[]), and the
// files Baken ships for 2025-2026 to 2027-2028. Pure functions, no database.
import { describe, expect, it } from 'vitest'
import { DEMO_SCHOOL_HOLIDAYS } from '@baken/db/demo'
import { BUNDLED_SCHOOL_HOLIDAYS, parseRijksoverheidSchoolHolidays, type ImportedSchoolYear } from '../src/calendar/import-school-holidays.ts'

const REGIONS = ['noord', 'midden', 'zuid'] as const
const NAMES = ['Herfstvakantie', 'Kerstvakantie', 'Voorjaarsvakantie', 'Meivakantie', 'Zomervakantie']

function parsed(data: unknown): ImportedSchoolYear[] {
  const r = parseRijksoverheidSchoolHolidays(typeof data === 'string' ? data : JSON.stringify(data))
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  return r.schoolYears
}
function errorsOf(data: unknown): string[] {
  const r = parseRijksoverheidSchoolHolidays(typeof data === 'string' ? data : JSON.stringify(data))
  expect(r.ok).toBe(false)
  return r.ok ? [] : r.errors.map((e) => e.message)
}
/** A schooljaar in the API's shape: one vacation per [type, region, start, end]. */
function file(schoolyear: string, vacations: [string, string, string, string][]) {
  const types = [...new Set(vacations.map((v) => v[0]))]
  return {
    content: [
      { schoolyear, vacations: types.map((type) => ({ type, compulsorydates: 'true', regions: vacations.filter((v) => v[0] === type).map(([, region, startdate, enddate]) => ({ region, startdate, enddate })) })) },
    ],
  }
}
const ok2027 = (extra: [string, string, string, string][] = []) =>
  file('2027-2028', [['Kerstvakantie', 'heel Nederland', '2027-12-25T00:00:00.000Z', '2028-01-09T22:59:00.000Z'], ...extra])

describe('the shipped Rijksoverheid data', () => {
  it('has 2025-2026 to 2027-2028, each with the five holidays for every region, within its schooljaar', () => {
    expect(Object.keys(BUNDLED_SCHOOL_HOLIDAYS).sort()).toEqual(['2025-2026', '2026-2027', '2027-2028'])
    for (const [year, data] of Object.entries(BUNDLED_SCHOOL_HOLIDAYS)) {
      const [one, ...rest] = parsed(data)
      expect(rest).toEqual([])
      expect(one!.schoolYear).toBe(year)
      for (const region of REGIONS) expect(one!.holidays.filter((h) => h.region === region).map((h) => h.name).sort(), `${year} ${region}`).toEqual([...NAMES].sort())
    }
  })

  it('2025-2026 and 2026-2027 are the dates of the demo calendar', () => {
    for (const year of ['2025-2026', '2026-2027']) {
      const [one] = parsed(BUNDLED_SCHOOL_HOLIDAYS[year])
      for (const spec of DEMO_SCHOOL_HOLIDAYS.filter((h) => h.schoolYear === year)) {
        for (const region of REGIONS) {
          const h = one!.holidays.find((x) => x.region === region && x.name === spec.name)
          expect([h?.startsOn, h?.endsOn], `${year} ${spec.name} ${region}`).toEqual(spec.dates[region])
        }
      }
    }
  })

  it('2027-2028 as the Rijksoverheid publishes it: kerst 25 December to 9 January, zomer in zuid until 3 September', () => {
    const [one] = parsed(BUNDLED_SCHOOL_HOLIDAYS['2027-2028'])
    const of = (name: string, region: string) => one!.holidays.find((h) => h.name === name && h.region === region)!
    expect(of('Kerstvakantie', 'midden')).toMatchObject({ startsOn: '2027-12-25', endsOn: '2028-01-09' })
    expect(of('Herfstvakantie', 'zuid')).toMatchObject({ startsOn: '2027-10-23', endsOn: '2027-10-31' })
    expect(of('Zomervakantie', 'zuid')).toMatchObject({ startsOn: '2028-07-22', endsOn: '2028-09-03' })
    expect(of('Voorjaarsvakantie', 'noord')).toMatchObject({ startsOn: '2028-02-19', endsOn: '2028-02-27' })
  })
})

describe('reading a file', () => {
  it('reads an instant as its Dutch date: the API’s 00:00Z start and 23:59 Dutch-time end (21:59Z in summer, 22:59Z in winter); a plain date as it is', () => {
    const [one] = parsed(
      ok2027([
        ['Herfstvakantie', 'noord', '2027-10-16T00:00:00.000Z', '2027-10-24T21:59:00.000Z'],
        // Midnight Dutch time written in UTC: the evening before.
        ['Herfstvakantie', 'midden', '2027-10-15T22:00:00.000Z', '2027-10-24T21:59:00.000Z'],
        ['Herfstvakantie', 'zuid', '2027-10-23', '2027-10-31T22:59:00.000Z'],
      ]),
    )
    const herfst = one!.holidays.filter((h) => h.name === 'Herfstvakantie')
    expect(herfst).toEqual([
      { region: 'noord', name: 'Herfstvakantie', startsOn: '2027-10-16', endsOn: '2027-10-24' },
      { region: 'midden', name: 'Herfstvakantie', startsOn: '2027-10-16', endsOn: '2027-10-24' },
      { region: 'zuid', name: 'Herfstvakantie', startsOn: '2027-10-23', endsOn: '2027-10-31' },
    ])
    // "heel Nederland" is every region.
    expect(one!.holidays.filter((h) => h.name === 'Kerstvakantie').map((h) => h.region)).toEqual(['noord', 'midden', 'zuid'])
  })

  it('takes the API’s list of schooljaren, names with spaces and line breaks, a schooljaar written "2027 - 2028"', () => {
    const years = parsed([
      { ...ok2027(), content: [{ ...ok2027().content[0], schoolyear: '2027 - 2028' }] },
      file('2028-2029', [['\n Kerstvakantie \n', 'heel Nederland', '2028-12-23T00:00:00.000Z', '2029-01-07T22:59:00.000Z']]),
    ])
    expect(years.map((y) => y.schoolYear)).toEqual(['2027-2028', '2028-2029'])
    expect(years[1]!.holidays[0]!.name).toBe('Kerstvakantie')
  })

  it('refuses, in Dutch: no JSON, an empty file, another shape', () => {
    expect(errorsOf('Herfstvakantie 16 oktober')[0]).toMatch(/^Het bestand is geen geldige JSON/)
    expect(errorsOf('  ')[0]).toMatch(/^Het bestand is leeg/)
    expect(errorsOf({ vakanties: [] })[0]).toMatch(/Geen schoolvakanties gevonden.*content\[\]\.vacations\[\]\.regions\[\]/)
    expect(errorsOf({ content: [{ schoolyear: '2027-2029', vacations: [] }] })[0]).toMatch(/"2027-2029" is geen schooljaar/)
    expect(errorsOf({ content: [{ schoolyear: '2027-2028', vacations: [] }] })[0]).toMatch(/geen vakanties/)
  })

  it('refuses an unknown region, a date that is none, an end before the start, a date outside the schooljaar, a missing region, and conflicting dates', () => {
    expect(errorsOf(ok2027([['Herfstvakantie', 'oost', '2027-10-16', '2027-10-24']]))).toContain(
      'Schooljaar 2027-2028, Herfstvakantie, regions[0]: onbekende regio "oost" (verwacht noord, midden, zuid of heel Nederland).',
    )
    expect(errorsOf(ok2027([['Herfstvakantie', 'noord', '16 oktober 2027', '2027-10-24']])).join()).toMatch(/startdate is geen datum/)
    expect(errorsOf(ok2027([['Herfstvakantie', 'noord', '2027-10-24', '2027-10-16']])).join()).toMatch(/De einddatum ligt vóór de begindatum/)
    expect(errorsOf(ok2027([['Herfstvakantie', 'noord', '2028-10-14', '2028-10-22']])).join()).toMatch(/De begindatum valt buiten schooljaar 2027-2028/)
    expect(errorsOf(ok2027([['Meivakantie', 'noord', '2028-04-29', '2028-09-20']])).join()).toMatch(/tot uiterlijk 15 september 2028/)
    expect(errorsOf(file('2027-2028', [['Herfstvakantie', 'noord', '2027-10-16', '2027-10-24'], ['Herfstvakantie', 'midden', '2027-10-16', '2027-10-24']]))).toEqual([
      'Schooljaar 2027-2028: geen schoolvakanties voor regio zuid.',
    ])
    expect(errorsOf(ok2027([['Kerstvakantie', 'noord', '2027-12-18', '2028-01-02']])).join()).toMatch(/regio noord staat er twee keer in met verschillende data/)
  })
})
