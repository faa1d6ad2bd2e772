// Exports of the yearly overview (Bijlage 2) as CSV and XLSX, in the shape Dutch Excel opens directly.
import { dutchDate } from '../dates.ts'
import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node'
import type { OverviewSchool, RieAnalysis, YearlyOverviewRow } from './overview.ts'
import { SEVERITY_LABELS } from './severity.ts'

/**
 * Bijlage 2's columns in the protocol's order, then the pupil's role, the severity and the mark the
 * screen shows on a confidential case (sexual intimidation, abuse): a file passed on keeps it.
 */
export const OVERVIEW_HEADERS = ['Naam', 'Datum', 'Groep', 'Incident', 'Sanctie', 'Rol', 'Ernst', 'Vertrouwelijk'] as const

/** The confidential mark in a cell, as the screen writes it. */
export const CONFIDENTIAL_MARK = 'vertrouwelijk'

export interface OverviewExport {
  school: OverviewSchool
  schooljaar: string
  rows: YearlyOverviewRow[]
  analysis?: RieAnalysis
}


function overviewCells(r: YearlyOverviewRow): string[] {
  return [r.naam, dutchDate(r.datum), r.groep ?? '', r.incident, r.sanctie, r.rol, SEVERITY_LABELS[r.ernst], r.vertrouwelijk ? CONFIDENTIAL_MARK : '']
}

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection,
// OWASP); tab and carriage return are on OWASP's list as well.
const FORMULA_START = /^[=+\-@\t\r]/

/** One CSV field: formula-neutralised with a leading single quote, then quoted per RFC 4180 if needed. */
export function csvField(value: string, separator = ';'): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * CSV for Dutch Excel: UTF-8 with a byte-order mark (otherwise Excel reads it as Windows-1252), `;`
 * between fields (Dutch Excel's list separator, since `,` is the decimal sign), CRLF line ends and
 * RFC 4180 quoting.
 */
export function toCsv(rows: readonly (readonly string[])[], separator = ';'): string {
  return '\uFEFF' + rows.map((row) => row.map((v) => csvField(v, separator)).join(separator)).join('\r\n') + '\r\n'
}

export function overviewCsv(data: OverviewExport): string {
  return toCsv([[...OVERVIEW_HEADERS], ...data.rows.map(overviewCells)])
}

const bold = (value: string) => ({ value, fontWeight: 'bold' as const })

/**
 * A text cell of the XLSX, explicitly of type String: written as a shared string, never a formula,
 * whatever it starts with (=, +, -, @, tab, CR). The leading quote CSV needs is not added here: in a
 * string cell it would show.
 */
function xlsxText(value: string) {
  return { value, type: String }
}

/**
 * XLSX with the overview on the first sheet (dates as real dates, header row fixed) and, when given,
 * the RI&E counts on a second. Text cells are always written as text, never as formulas.
 */
export async function overviewXlsx(data: OverviewExport): Promise<Buffer> {
  const rows: SheetData = [
    OVERVIEW_HEADERS.map(bold),
    ...data.rows.map((r): Row => {
      const [y, m, d] = r.datum.split('-').map(Number) as [number, number, number]
      const [naam, , groep, incident, sanctie, rol, ernst, vertrouwelijk] = overviewCells(r).map(xlsxText)
      // A date-only value at UTC midnight: Excel stores dates without a time zone.
      return [naam, { value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: 'dd-mm-yyyy' }, groep, incident, sanctie, rol, ernst, vertrouwelijk]
    }),
  ]
  const sheets = [
    {
      data: rows,
      sheet: `Incidenten ${data.schooljaar}`,
      stickyRowsCount: 1,
      columns: [{ width: 28 }, { width: 12 }, { width: 14 }, { width: 36 }, { width: 36 }, { width: 12 }, { width: 13 }, { width: 14 }],
    },
  ]
  if (data.analysis) sheets.push({ data: analysisRows(data.analysis), sheet: 'RI&E-analyse', stickyRowsCount: 0, columns: [{ width: 36 }, { width: 10 }] })
  return writeXlsxFile(sheets).toBuffer()
}

function analysisRows(a: RieAnalysis): SheetData {
  const section = (title: string, items: { label: string; count: number }[]): SheetData => [
    [bold(title), bold('Aantal')],
    ...items.map((i): Row => [i.label, i.count]),
    [],
  ]
  return [
    [bold('Totaal incidenten'), a.total],
    [],
    ...section('Soort incident (IRIS)', a.perType),
    ...section('Locatie', a.perLocation),
    ...section('Maand', a.perMonth),
    ...section('Weekdag', a.perWeekday),
    ...section('Uur', a.perHour),
    ...section('Ernst', a.perSeverity),
  ]
}
