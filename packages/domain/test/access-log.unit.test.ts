// Pure parts of the access log: search filters, their query string, the CSV export, the
// break-glass reason and the rule for which incidents need one.
import { defineAbilityFor } from '@baken/permissions'
import { describe, expect, it } from 'vitest'
import {
  accessLogCsv,
  accessLogFiltersToQuery,
  describeAccessLogFilters,
  incidentNeedsReason,
  parseAccessLogFilters,
  parseBreakGlassReason,
  type AccessLogEntry,
} from '../src/privacy/access-log.ts'

describe('parseAccessLogFilters', () => {
  it('defaults: everything, page 1 of 50, not only break-glass', () => {
    expect(parseAccessLogFilters({})).toEqual({ ok: true, filters: { breakGlass: false, page: 1, pageSize: 50 } })
  })

  it('reads every filter; blanks count as absent', () => {
    const r = parseAccessLogFilters({
      from: '2026-11-01',
      to: '2026-11-21',
      person: ' Anna ',
      role: 'directeur',
      subjectType: 'incident',
      studentId: '9b2e1c1e-3f1a-4b7d-9d7e-2a9f5b0c1d2e',
      breakGlass: '1',
      page: '3',
      pageSize: '20',
      unknown: 'ignored',
    })
    expect(r).toEqual({
      ok: true,
      filters: {
        from: '2026-11-01',
        to: '2026-11-21',
        person: 'Anna',
        role: 'directeur',
        subjectType: 'incident',
        studentId: '9b2e1c1e-3f1a-4b7d-9d7e-2a9f5b0c1d2e',
        breakGlass: true,
        page: 3,
        pageSize: 20,
      },
    })
    expect(parseAccessLogFilters({ from: '', role: '', breakGlass: 'on' })).toMatchObject({ ok: true, filters: { breakGlass: true } })
  })

  it('refuses bad input with Dutch messages per field', () => {
    const r = parseAccessLogFilters({ from: '21-11-2026', to: '2026-02-30', role: 'koning', subjectType: 'x', studentId: '12', page: '0', pageSize: '500' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.reason).toBe('invalid')
    const paths = r.errors.map((e) => e.path).sort()
    expect(paths).toEqual(['from', 'page', 'pageSize', 'role', 'studentId', 'subjectType', 'to'])
    expect(r.errors.find((e) => e.path === 'from')!.message).toBe('Gebruik een datum als 2026-11-21')
    expect(r.errors.find((e) => e.path === 'to')!.message).toBe('Geen bestaande datum')
  })

  it('refuses an end date before the start date', () => {
    const r = parseAccessLogFilters({ from: '2026-11-21', to: '2026-11-01' })
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'to', message: 'De einddatum ligt vóór de begindatum' }] })
  })

  it('round-trips through the query string (links to other pages and to the CSV)', () => {
    const r = parseAccessLogFilters({ from: '2026-11-01', person: 'de Vries', breakGlass: 'true', pageSize: '20' })
    if (!r.ok) throw new Error('parse')
    const q = accessLogFiltersToQuery(r.filters, { page: 2 })
    expect(q).toBe('from=2026-11-01&person=de+Vries&breakGlass=1&page=2&pageSize=20')
    expect(parseAccessLogFilters(Object.fromEntries(new URLSearchParams(q)))).toEqual({ ok: true, filters: { ...r.filters, page: 2 } })
    expect(accessLogFiltersToQuery({ breakGlass: false, page: 1, pageSize: 50 })).toBe('')
  })
})

describe('accessLogCsv', () => {
  const row = (over: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
    id: 1,
    seq: 7,
    at: new Date('2026-11-21T13:05:09Z'),
    userId: 'u',
    userName: 'Anna de Vries',
    role: 'directeur',
    schoolId: 's',
    schoolName: 'OBS De Branding',
    partnerId: null,
    action: 'break_glass',
    subjectType: 'incident',
    subjectId: 'i-1',
    studentId: null,
    studentIds: ['st-1', 'st-2'],
    reason: 'Gesprek met ouders; voorbereiding',
    breakGlass: true,
    ...over,
  })

  it('writes a BOM, a Dutch header, Dutch time and labels, ; separators and CRLF', () => {
    const csv = accessLogCsv([row()])
    expect(csv.startsWith('\uFEFFTijdstip;Naam;Rol;School;Partner-ID;Handeling;Soort gegeven;Gegeven-ID;Leerling-ID’s;Break-glass;Reden of doel;Volgnummer\r\n')).toBe(true)
    expect(csv).toContain('21-11-2026 14:05:09;Anna de Vries;directeur;OBS De Branding;;break-glass (reden opgegeven);incident;i-1;st-1 st-2;ja;"Gesprek met ouders; voorbereiding";7\r\n')
  })

  it('neutralises formulas a user could type as a reason or name', () => {
    const csv = accessLogCsv([row({ reason: '=HYPERLINK("http://x")', userName: '+31 test', breakGlass: false, action: 'read' })])
    expect(csv).toContain(`;'+31 test;`)
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(csv).toContain(';ingezien;')
  })

  it('describes the search for the export row', () => {
    expect(describeAccessLogFilters({})).toBe('Export toegangslog (alles)')
    expect(describeAccessLogFilters({ from: '2026-11-01', role: 'leerkracht', breakGlass: true })).toBe(
      'Export toegangslog: van 2026-11-01, rol leerkracht, alleen break-glass',
    )
  })
})

describe('break-glass', () => {
  it('a reason is required, 5 to 500 characters, whitespace folded', () => {
    expect(parseBreakGlassReason(undefined)).toMatchObject({ ok: false, errors: [{ path: 'reason' }] })
    expect(parseBreakGlassReason('   ')).toMatchObject({ ok: false, errors: [{ path: 'reason' }] })
    expect(parseBreakGlassReason('kijk')).toMatchObject({ ok: false, errors: [{ path: 'reason', message: expect.stringMatching(/te kort/) }] })
    expect(parseBreakGlassReason('x'.repeat(501))).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/te lang/) }] })
    expect(parseBreakGlassReason('  Gesprek\n met   ouders ')).toEqual({ ok: true, reason: 'Gesprek met ouders' })
  })

  it('a confidential incident needs a reason, except for the vertrouwenspersoon and its own reporter', () => {
    const incident = { confidential: true, reportedById: 'author' }
    expect(incidentNeedsReason(defineAbilityFor({ role: 'directeur', userId: 'd', stichtingId: 's', schoolId: 'school', partnerId: null }), incident)).toBe(true)
    expect(incidentNeedsReason(defineAbilityFor({ role: 'vertrouwenspersoon', userId: 'v', stichtingId: 's', schoolId: 'school', partnerId: null }), incident)).toBe(false)
    expect(incidentNeedsReason(defineAbilityFor({ role: 'leerkracht', userId: 'author', stichtingId: 's', schoolId: 'school', partnerId: null }), incident)).toBe(false)
    expect(incidentNeedsReason(defineAbilityFor({ role: 'directeur', userId: 'd', stichtingId: 's', schoolId: 'school', partnerId: null }), { ...incident, confidential: false })).toBe(false)
  })
})
