import { existsSync, readFileSync } from 'node:fs'
import { DEMO_INCIDENT_TEMPLATES } from '@baken/db/demo'
import { describe, expect, it } from 'vitest'
import { IRIS_CODES, IRIS_CSV_PATH, irisCodes, parseCsvLine } from '../src/incidents/iris.ts'
import { isConfidentialByType, suggestSeverity, type SeverityInput } from '../src/incidents/severity.ts'
import { schoolYearOf } from '../src/dates.ts'

const PACKAGED = new URL('../data/iris-codes.csv', import.meta.url)
// The reference the packaged copy was taken from; only checked out beside the repo on some machines.
const SHARED = new URL('../../../../shared/reference/iris-codes.csv', import.meta.url)

describe('IRIS code lists', () => {
  it('are read from the repo’s data/iris-codes.csv, every row of it, and equal shared/reference/iris-codes.csv where that is present', () => {
    expect(IRIS_CSV_PATH.href).toBe(PACKAGED.href)
    const packaged = readFileSync(PACKAGED, 'utf8')
    const [header, ...lines] = packaged.split(/\r?\n/).filter((l) => l.trim() !== '')
    expect(header).toBe('list,code,label,group')
    expect(IRIS_CODES).toHaveLength(lines.length)
    for (const [i, line] of lines.entries()) {
      const code = IRIS_CODES[i]!
      expect(parseCsvLine(line)).toEqual([code.list, String(code.code), code.label, code.group])
      expect(Number.isInteger(code.code) && code.code > 0).toBe(true)
      expect(code.label.trim()).not.toBe('')
    }
    if (existsSync(SHARED)) expect(packaged).toBe(readFileSync(SHARED, 'utf8'))
  })
  it('has the five lists with unique codes', () => {
    for (const list of ['voorval', 'locatie', 'voorwerp', 'motief', 'afhandeling'] as const) {
      const codes = irisCodes(list).map((c) => c.code)
      expect(codes.length).toBeGreaterThan(5)
      expect(new Set(codes).size).toBe(codes.length)
    }
    expect(IRIS_CODES.find((c) => c.list === 'locatie' && c.code === 9)?.label).toBe('in de kantine, overblijfruimte')
  })
  it('parses quoted fields with commas', () => {
    expect(parseCsvLine('motief,9,"(anti)sociale groepsvorming (bijv. gang, queen bees)","persoons-, school- en wijkgebonden"')).toEqual([
      'motief',
      '9',
      '(anti)sociale groepsvorming (bijv. gang, queen bees)',
      'persoons-, school- en wijkgebonden',
    ])
  })
})

const pupil = { kind: 'leerling' } as const
const adult = { kind: 'medewerker' } as const
const input = (i: Partial<SeverityInput>): SeverityInput => ({ voorval: [], persons: [], ...i })

describe('severity suggestion (§1.2)', () => {
  it.each([
    ['verbal aggression towards a pupil', input({ voorval: [1], persons: [{ role: 'slachtoffer', ...pupil }] }), 'ernstig', 'verbaal-kind'],
    ['verbal aggression towards an adult', input({ voorval: [1], persons: [{ role: 'slachtoffer', ...adult }] }), 'zeer_ernstig', 'verbaal-volwassene'],
    ['repeated bullying', input({ voorval: [33] }), 'ernstig', 'pesten'],
    ['running off the premises', input({ leftPremises: true }), 'ernstig', 'weglopen'],
    ['deliberate damage', input({ voorval: [13] }), 'ernstig', 'schade'],
    ['joining a fight', input({ voorval: [7] }), 'ernstig', 'vechtpartij'],
    ['spitting at a pupil (physical, pupil victim)', input({ physicalAggression: true, persons: [{ role: 'slachtoffer', ...pupil }] }), 'ernstig', 'vechtpartij'],
    ['physical violence towards an adult', input({ voorval: [3], persons: [{ role: 'slachtoffer', kind: 'ouder' }] }), 'zeer_ernstig', 'fysiek-volwassene'],
    ['throwing objects at a person', input({ objectThrownAtPerson: true }), 'zeer_ernstig', 'gooien'],
    ['injury through aggression', input({ voorval: [3], persons: [{ role: 'slachtoffer', ...pupil, injury: 'bloedneus' }] }), 'zeer_ernstig', 'letsel'],
    ['drugs', input({ voorval: [24] }), 'zeer_ernstig', 'drugs'],
    ['weapons', input({ voorval: [21] }), 'zeer_ernstig', 'wapens'],
    ['sexual boundary-crossing', input({ voorval: [8] }), 'zeer_ernstig', 'seksueel'],
  ])('%s → %s', (_label, i, level, rule) => {
    const s = suggestSeverity(i)
    expect(s.level).toBe(level)
    expect(s.rules.map((r) => r.id)).toContain(rule)
    expect(s.rules[0]!.source).toMatch(/§1\.2/)
  })

  it('suggests nothing special for a disruption of order', () => {
    expect(suggestSeverity(input({ voorval: [11] }))).toEqual({ level: 'overig', rules: [] })
  })

  it('injury without aggression (an accident) raises nothing', () => {
    expect(suggestSeverity(input({ voorval: [31], persons: [{ role: 'betrokkene', ...pupil, injury: 'schaafwond' }] })).level).toBe('overig')
  })

  it('lists the highest rule first when several match', () => {
    const s = suggestSeverity(input({ voorval: [3, 33], persons: [{ role: 'slachtoffer', ...pupil, injury: 'blauwe plek' }] }))
    expect(s.level).toBe('zeer_ernstig')
    expect(s.rules[0]!.level).toBe('zeer_ernstig')
    expect(s.rules.some((r) => r.level === 'ernstig')).toBe(true)
  })

  it('sexual intimidation, abuse and loverboy cases are confidential by type', () => {
    expect(isConfidentialByType([8])).toBe(true)
    expect(isConfidentialByType([9, 1])).toBe(true)
    expect(isConfidentialByType([10])).toBe(true)
    expect(isConfidentialByType([1, 3, 13])).toBe(false)
  })

  it.each(DEMO_INCIDENT_TEMPLATES.map((t) => [t.key, t] as const))('demo scenario %s carries the severity the rules suggest', (_key, t) => {
    expect(suggestSeverity(t).level).toBe(t.severity)
    expect(isConfidentialByType(t.voorval)).toBe(t.confidential)
  })
})

describe('schooljaar', () => {
  it.each([
    ['2026-07-31T21:59:00Z', '2025-2026'], // 23:59 on 31 July in Amsterdam (summer time)
    ['2026-07-31T22:00:00Z', '2026-2027'], // 00:00 on 1 August in Amsterdam
    ['2027-01-15T09:00:00Z', '2026-2027'],
  ])('%s is in %s', (iso, year) => {
    expect(schoolYearOf(new Date(iso))).toBe(year)
  })
})
