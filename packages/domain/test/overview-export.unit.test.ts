// The yearly overview's CSV and XLSX writers: what Dutch Excel needs, and no formula injection.
import { describe, expect, it } from 'vitest'
import type { RieAnalysis, YearlyOverviewRow } from '../src/incidents/overview.ts'
import { csvField, overviewCsv, overviewXlsx, toCsv, type OverviewExport } from '../src/incidents/overview-export.ts'
import { unzip } from './support/xlsx.ts'

function row(overrides: Partial<YearlyOverviewRow> = {}): YearlyOverviewRow {
  return {
    incidentId: '00000000-0000-4000-8000-000000000001',
    studentId: '00000000-0000-4000-8000-000000000002',
    naam: 'Daan de Vries',
    datum: '2026-07-31',
    occurredAt: new Date('2026-07-31T21:30:00Z'),
    groep: 'groep 6',
    rol: 'dader',
    incident: 'fysiek geweld, groepsknokpartij',
    ernst: 'zeer_ernstig',
    sanctie: 'waarschuwing',
    vertrouwelijk: false,
    ...overrides,
  }
}

const analysis: RieAnalysis = {
  total: 1,
  perType: [{ key: 3, label: 'fysiek geweld', count: 1 }],
  perLocation: [{ key: 21, label: 'op het schoolplein', count: 1 }],
  perMonth: [{ key: 7, label: 'juli', count: 1 }],
  perWeekday: [{ key: 5, label: 'vr', count: 1 }],
  perHour: [{ key: 23, label: '23:00', count: 1 }],
  perSeverity: [{ key: 'zeer_ernstig', label: 'zeer ernstig', count: 1 }],
}

const data = (rows: YearlyOverviewRow[]): OverviewExport => ({
  school: { id: '00000000-0000-4000-8000-000000000003', name: 'OBS De Branding', brin: '12AB' },
  schooljaar: '2025-2026',
  rows,
  analysis,
})

describe('CSV', () => {
  it('starts with a UTF-8 byte-order mark and separates fields with ;', () => {
    const csv = overviewCsv(data([row()]))
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('Naam;Datum;Groep;Incident;Sanctie;Rol;Ernst;Vertrouwelijk')
    expect(lines[1]).toBe('Daan de Vries;31-07-2026;groep 6;fysiek geweld, groepsknokpartij;waarschuwing;dader;zeer ernstig;')
    expect(lines[2]).toBe('')
    expect(lines).toHaveLength(3)
  })

  it('keeps the confidential mark the screen shows, per row', () => {
    const lines = overviewCsv(data([row(), row({ naam: 'Şahin Yıldız', vertrouwelijk: true })])).slice(1).split('\r\n')
    expect(lines[1]!.split(';').at(-1)).toBe('')
    expect(lines[2]).toBe('Şahin Yıldız;31-07-2026;groep 6;fysiek geweld, groepsknokpartij;waarschuwing;dader;zeer ernstig;vertrouwelijk')
  })

  it('quotes per RFC 4180: separators, quotes and line breaks', () => {
    expect(csvField('a;b')).toBe('"a;b"')
    expect(csvField('zei "stop"')).toBe('"zei ""stop"""')
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"')
    expect(csvField('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"')
    expect(csvField('a, b')).toBe('a, b')
    expect(csvField('')).toBe('')
    expect(toCsv([['x;y', 'z']])).toBe('\uFEFF"x;y";z\r\n')
  })

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","klik")')).toBe(`"'=HYPERLINK(""http://evil"",""klik"")"`)
    expect(csvField('+31 6 1234')).toBe(`'+31 6 1234`)
    expect(csvField('-2+3')).toBe(`'-2+3`)
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`)
    expect(csvField('\t=1')).toBe(`'\t=1`)
    expect(csvField('a=b')).toBe('a=b')
    const csv = overviewCsv(data([row({ naam: '=cmd|"/c calc"!A1', groep: '@groep' })]))
    expect(csv.split('\r\n')[1]).toBe(`"'=cmd|""/c calc""!A1";31-07-2026;'@groep;fysiek geweld, groepsknokpartij;waarschuwing;dader;zeer ernstig;`)
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${start}1`).replace(/^"/, '')).toMatch(/^'/)
  })

  it('writes an empty overview as the header line only', () => {
    expect(overviewCsv(data([]))).toBe('\uFEFFNaam;Datum;Groep;Incident;Sanctie;Rol;Ernst;Vertrouwelijk\r\n')
  })
})

describe('XLSX', () => {
  it('is a zip with the overview sheet (header cells, real dates) and the RI&E sheet', async () => {
    const buf = await overviewXlsx(data([row(), row({ naam: '=1+1', groep: '@SUM(A1)', datum: '2026-08-01', vertrouwelijk: true })]))
    expect(buf.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    const files = unzip(buf)
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']))
    const workbook = files.get('xl/workbook.xml')!
    expect(workbook).toContain('name="Incidenten 2025-2026"')
    expect(workbook).toContain('name="RI&amp;E-analyse"')
    const strings = files.get('xl/sharedStrings.xml')!
    for (const header of ['Naam', 'Datum', 'Groep', 'Incident', 'Sanctie', 'Rol', 'Ernst', 'Vertrouwelijk']) expect(strings).toContain(`<t>${header}</t>`)
    expect(strings).toContain('<t>vertrouwelijk</t>')
    expect(strings).toContain('<t>Daan de Vries</t>')
    expect(strings).toContain('<t>Soort incident (IRIS)</t>')
    const sheet = files.get('xl/worksheets/sheet1.xml')!
    // The date is an Excel serial day number (31-07-2026 = 46234) with a dd-mm-yyyy format.
    expect(sheet).toMatch(/<c r="B2" s="\d+"><v>46234<\/v><\/c>/)
    expect(files.get('xl/styles.xml')).toContain('formatCode="dd-mm-yyyy"')
    // Text stays text: "=1+1" is a shared string, never a formula.
    expect(sheet).not.toContain('<f>')
    expect(strings).toContain('<t>=1+1</t>')
    expect(strings).toContain('<t>@SUM(A1)</t>')
    // Every cell of the sheet is a shared string (t="s") or a number: none is a formula or inline code.
    for (const cell of sheet.matchAll(/<c [^>]*>/g)) expect(cell[0]).not.toMatch(/t="(str|inlineStr|e)"/)
  })
})
