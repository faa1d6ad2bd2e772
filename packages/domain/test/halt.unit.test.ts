// Pure pieces of the Halt spreekuur: the closing report keeps only the agreed fields and never a
// note; Dutch local time for appointments; ages on the day of referral; median and p90.
import { describe, expect, it } from 'vitest'
import { buildClosingReport, closeInput, closingReportText, parseLocalDateTime, percentiles } from '../src/halt/index.ts'
import { ageOn } from '../src/measures/decision-recipients.ts'

describe('buildClosingReport', () => {
  const done = {
    components: ['reflectie', 'netwerk_jim'],
    steps: [
      { kind: 'gesprek_slachtoffer', on: '2026-11-20' },
      { kind: 'doorverwijzing_hulpverlening', on: '2026-11-25' },
    ],
  }
  it('keeps only the agreed fields', () => {
    const input = closeInput.parse({ outcome: 'afgerond', afspraken: 'Nieuwe afspraken', advies_school: 'Advies' })
    const report = buildClosingReport(['uitkomst', 'afspraken'], input, done)
    expect(report).toEqual({ uitkomst: 'Afgerond', afspraken: 'Nieuwe afspraken' })
  })
  it('lists components and restorative steps by label, and derives the referral to care', () => {
    const input = closeInput.parse({ outcome: 'voortijdig_gestopt', outcomeReason: 'Verhuisd naar een andere regio' })
    const report = buildClosingReport(['uitkomst', 'onderdelen', 'herstel', 'doorverwijzing'], input, done)
    expect(report.uitkomst).toBe('Voortijdig gestopt: Verhuisd naar een andere regio')
    expect(report.onderdelen).toEqual(['Reflecteren op het incident en bewustwording van de gevolgen', 'Netwerk versterken met een JIM (Jouw Ingebrachte Mentor)'])
    expect(report.herstel).toEqual(['Gesprek met het slachtoffer (2026-11-20)', 'Doorverwijzing naar hulpverlening (2026-11-25)'])
    expect(report.doorverwijzing).toBe('Doorverwezen naar hulpverlening (2026-11-25)')
    expect(closingReportText(report)).toContain('Uitgevoerde onderdelen:\n- Reflecteren')
  })
  it('omits an agreed text field Halt left empty', () => {
    const report = buildClosingReport(['uitkomst', 'advies_school'], closeInput.parse({ outcome: 'niet_verschenen', advies_school: '  ' }), done)
    expect(report).toEqual({ uitkomst: 'Niet verschenen' })
  })
})

describe('helpers', () => {
  it('reads appointment times as Dutch local time (winter and summer)', () => {
    expect(parseLocalDateTime('2026-11-24T10:00')!.toISOString()).toBe('2026-11-24T09:00:00.000Z')
    expect(parseLocalDateTime('2026-06-24T10:00')!.toISOString()).toBe('2026-06-24T08:00:00.000Z')
    expect(parseLocalDateTime('2026-11-24T10:00:00Z')!.toISOString()).toBe('2026-11-24T10:00:00.000Z')
    expect(parseLocalDateTime('morgen')).toBeNull()
  })
  it('counts age on the day of referral', () => {
    expect(ageOn('2010-11-22', '2026-11-21')).toBe(15)
    expect(ageOn('2010-11-21', '2026-11-21')).toBe(16)
  })
  it('computes median and p90 (nearest rank)', () => {
    expect(percentiles([4, 7, 11])).toEqual({ median: 7, p90: 11 })
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ median: 5.5, p90: 9 })
    expect(percentiles([])).toEqual({ median: null, p90: null })
  })
})
