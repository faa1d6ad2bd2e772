// Reading a CSV export of a student administration (ParnasSys, Magister, Somtoday). Spreadsheet
// exports in the Netherlands usually use `;` (Excel with a Dutch locale), sometimes `,`; fields may
// be quoted (RFC 4180), the file may start with a byte-order mark and end lines with CRLF, and older
// exports are Windows-1252 rather than UTF-8.
import { CONTROL_CHARACTERS } from '../input-rules.ts'

/** Upper limits for one import: large enough for a big vo school, small enough for one request. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
export const MAX_IMPORT_ROWS = 5000
export const MAX_IMPORT_COLUMNS = 200

/** A file the importer cannot read; the message is meant for the user (Dutch). */
export class CsvError extends Error {
  override name = 'CsvError'
}

export type CsvSeparator = ';' | ',' | '\t'

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is row 1, the first pupil row 2. */
  row: number
  fields: string[]
}

export interface ParsedCsv {
  separator: CsvSeparator
  headers: string[]
  records: CsvRecord[]
}

const nl = new Intl.NumberFormat('nl-NL')

function tooLarge(bytes: number): CsvError {
  return new CsvError(
    `Het bestand is te groot (${nl.format(Math.ceil(bytes / 1024))} kB); het maximum is ${nl.format(MAX_IMPORT_BYTES / 1024 / 1024)} MB. Splits het bestand, bijvoorbeeld per groep.`,
  )
}

/** Bytes of an uploaded file → text. UTF-8 (with or without BOM); otherwise Windows-1252. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(bytes.byteLength)
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    // Not valid UTF-8: Excel's "CSV (gescheiden door lijstscheidingsteken)" writes Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Picks the separator that occurs most often (outside quotes) in the header line. */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++
  }
  const order: CsvSeparator[] = [';', ',', '\t']
  return order.reduce((best, sep) => (counts[sep] > counts[best] ? sep : best), ';')
}

/**
 * Parses CSV text into a header and records. Throws CsvError (Dutch message) when the file is too
 * large, has too many rows or columns, has no pupils, or ends inside a quoted field. Empty lines are
 * skipped; short rows are padded with empty fields.
 */
export function parseCsv(input: string): ParsedCsv {
  // Characters, not bytes: the same measure as decodeCsv's for a Windows-1252 file, and never more
  // than the byte size of a UTF-8 one.
  if (input.length > MAX_IMPORT_BYTES) throw tooLarge(input.length)
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (text.trim() === '') throw new CsvError('Het bestand is leeg.')
  // No name or field in a pupil export holds a control character (tab is a separator): one means
  // another kind of file, and Postgres cannot store a NUL in text.
  const control = CONTROL_CHARACTERS.exec(text)
  if (control) {
    const row = text.slice(0, control.index).split('\n').length
    throw new CsvError(`Regel ${row} bevat een onzichtbaar stuurteken (zoals een NUL-teken). Is het wel een CSV-bestand? Sla het opnieuw op als CSV en probeer het opnieuw.`)
  }
  const separator = detectSeparator(text)

  const lines: { row: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let fieldWasQuoted = false
  let row = 0
  let i = 0
  const endField = () => {
    fields.push(fieldWasQuoted ? field : field.trim())
    field = ''
    fieldWasQuoted = false
  }
  const endRecord = () => {
    endField()
    row++
    // Lines with nothing in them (also ";;;;" left over by a spreadsheet) are not records.
    if (fields.some((f) => f !== '')) {
      if (lines.length > MAX_IMPORT_ROWS) {
        throw new CsvError(
          `Het bestand heeft meer dan ${nl.format(MAX_IMPORT_ROWS)} leerlingen (rijen). Splits het bestand, bijvoorbeeld per groep of afdeling.`,
        )
      }
      if (fields.length > MAX_IMPORT_COLUMNS) {
        throw new CsvError(`Rij ${row} heeft meer dan ${MAX_IMPORT_COLUMNS} kolommen; is dit wel een leerlingenbestand?`)
      }
      lines.push({ row, fields })
    }
    fields = []
  }

  let quoteStartRow = 0
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += ch
      i++
      continue
    }
    if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start; elsewhere it is an ordinary character.
      quoted = true
      fieldWasQuoted = true
      quoteStartRow = row + 1
      field = ''
      i++
      continue
    }
    if (ch === separator) {
      endField()
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    // Spaces after a closing quote are dropped; other text after it ("abc"def) is kept, as spreadsheets do.
    if (fieldWasQuoted && (ch === ' ' || ch === '\t')) {
      i++
      continue
    }
    field += ch
    i++
  }
  if (quoted) throw new CsvError(`Een aanhalingsteken (") in rij ${quoteStartRow} wordt niet afgesloten.`)
  if (field !== '' || fieldWasQuoted || fields.length > 0) endRecord()

  const [header, ...rest] = lines
  if (!header) throw new CsvError('Het bestand is leeg.')
  const headers = header.fields.map((h, n) => h.trim() || `Kolom ${n + 1}`)
  if (headers.length < 2) {
    throw new CsvError('Het bestand heeft maar één kolom. Sla het op als CSV met ; of , als scheidingsteken.')
  }
  if (rest.length === 0) throw new CsvError('Het bestand bevat alleen een kopregel en geen leerlingen.')
  const records = rest.map((r) => {
    const padded = r.fields.length < headers.length ? [...r.fields, ...Array<string>(headers.length - r.fields.length).fill('')] : r.fields
    return { row: r.row, fields: padded }
  })
  return { separator, headers, records }
}
