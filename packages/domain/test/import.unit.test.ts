// The CSV importer without a database: reading files, suggesting a column mapping, dates of birth.
import { describe, expect, it } from 'vitest'
import { CsvError, decodeCsv, detectSeparator, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, parseCsv } from '../src/import/csv.ts'
import { suggestImportMapping } from '../src/import/mapping.ts'
import { parseDateOfBirth } from '../src/import/values.ts'

describe('parseCsv', () => {
  it('reads a semicolon file (Excel, Dutch locale)', () => {
    const csv = parseCsv('Leerlingnummer;Roepnaam;Achternaam\n1001;Daan;Bakker\n1002;Emma;Vries\n')
    expect(csv.separator).toBe(';')
    expect(csv.headers).toEqual(['Leerlingnummer', 'Roepnaam', 'Achternaam'])
    expect(csv.records).toEqual([
      { row: 2, fields: ['1001', 'Daan', 'Bakker'] },
      { row: 3, fields: ['1002', 'Emma', 'Vries'] },
    ])
  })

  it('reads a comma file', () => {
    const csv = parseCsv('Stamnummer,Roepnaam,Klas\n2001,Sem,1A')
    expect(csv.separator).toBe(',')
    expect(csv.records[0]!.fields).toEqual(['2001', 'Sem', '1A'])
  })

  it('detects the separator from the header only, ignoring separators inside quotes', () => {
    expect(detectSeparator('"Naam, volledig";Groep;Klas\n1,2,3,4,5,6')).toBe(';')
    expect(detectSeparator('a,b;c,d\n')).toBe(',')
  })

  it('handles quoted fields: separators, doubled quotes and line breaks inside, spaces kept', () => {
    const csv = parseCsv('nr;naam;opmerking\r\n1;"de Vries; Jan";"zegt ""hoi"""\r\n2;" Anna ";"regel 1\r\nregel 2"\r\n3;Piet;x\r\n')
    expect(csv.records.map((r) => r.fields)).toEqual([
      ['1', 'de Vries; Jan', 'zegt "hoi"'],
      ['2', ' Anna ', 'regel 1\r\nregel 2'],
      ['3', 'Piet', 'x'],
    ])
    // Row numbers are records, as a spreadsheet shows them: the line break inside a quote is no new row.
    expect(csv.records.map((r) => r.row)).toEqual([2, 3, 4])
  })

  it('strips a byte-order mark, so the first header is found', () => {
    const csv = parseCsv('\uFEFFLeerlingnummer;Roepnaam\r\n1;Daan\r\n')
    expect(csv.headers[0]).toBe('Leerlingnummer')
    const fromBytes = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Leerlingnummer;Roepnaam\n1;Zoë\n')]))
    expect(parseCsv(fromBytes).headers[0]).toBe('Leerlingnummer')
    expect(parseCsv(fromBytes).records[0]!.fields[1]).toBe('Zoë')
  })

  it('reads CRLF, LF and old-Mac CR line endings alike', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const csv = parseCsv(['a;b', '1;2', '3;4'].join(eol) + eol)
      expect(csv.records.map((r) => r.fields)).toEqual([
        ['1', '2'],
        ['3', '4'],
      ])
    }
  })

  it('skips empty lines and spreadsheet leftovers, pads short rows, trims unquoted fields', () => {
    const csv = parseCsv('a;b;c\n\n 1 ; 2 \n;;\n3\n')
    expect(csv.records).toEqual([
      { row: 3, fields: ['1', '2', ''] },
      { row: 5, fields: ['3', '', ''] },
    ])
  })

  it('decodes Windows-1252 when the bytes are not UTF-8', () => {
    // "Zoë;Öztürk" in Windows-1252: ë = 0xEB, Ö = 0xD6, ü = 0xFC
    const bytes = new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0x5a, 0x6f, 0xeb, 0x3b, 0xd6, 0x7a, 0x74, 0xfc, 0x72, 0x6b])
    expect(parseCsv(decodeCsv(bytes)).records[0]!.fields).toEqual(['Zoë', 'Öztürk'])
  })

  it('refuses files that are too large, with a Dutch message', () => {
    expect(() => decodeCsv(new Uint8Array(MAX_IMPORT_BYTES + 1))).toThrow(/te groot.*maximum is 5 MB/)
    expect(() => parseCsv('a;b\n' + 'x'.repeat(MAX_IMPORT_BYTES))).toThrow(CsvError)
  })

  it(`accepts ${MAX_IMPORT_ROWS} pupil rows and refuses one more`, () => {
    const rows = (n: number) => 'nr;naam\n' + Array.from({ length: n }, (_, i) => `${i};x`).join('\n')
    expect(parseCsv(rows(MAX_IMPORT_ROWS)).records).toHaveLength(MAX_IMPORT_ROWS)
    expect(() => parseCsv(rows(MAX_IMPORT_ROWS + 1))).toThrow(/meer dan 5\.000 leerlingen/)
  })

  it('refuses an empty file, a header without rows, a single column and an open quote', () => {
    expect(() => parseCsv('')).toThrow('Het bestand is leeg.')
    expect(() => parseCsv('\uFEFF\r\n')).toThrow('Het bestand is leeg.')
    expect(() => parseCsv('a;b\n')).toThrow(/alleen een kopregel/)
    expect(() => parseCsv('naam\nDaan\n')).toThrow(/maar één kolom/)
    expect(() => parseCsv('a;b\n1;"open\n2;3\n')).toThrow(/rij 2 wordt niet afgesloten/)
  })
})

describe('suggestImportMapping', () => {
  it('ParnasSys headers', () => {
    const headers = [
      'Leerlingnummer', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum', 'Groep', 'Geslacht',
      'Naam ouder/verzorger 1', 'E-mail ouder/verzorger 1', 'Telefoon ouder/verzorger 1', 'Relatie ouder/verzorger 1',
      'Naam ouder/verzorger 2', 'E-mail ouder/verzorger 2', 'Telefoon ouder/verzorger 2',
    ]
    expect(suggestImportMapping(headers)).toEqual({
      externalId: 0, firstName: 1, infix: 2, lastName: 3, dateOfBirth: 4, groupName: 5,
      guardian1Name: 7, guardian1Email: 8, guardian1Phone: 9, guardian1Relation: 10,
      guardian2Name: 11, guardian2Email: 12, guardian2Phone: 13,
    })
  })

  it('Magister headers', () => {
    const headers = ['Stamnummer', 'Roepnaam', 'Tussenv.', 'Achternaam', 'Geb.datum', 'Klas', 'Studie', 'Verzorger 1 naam', 'Verzorger 1 e-mailadres', 'Verzorger 1 mobiel']
    expect(suggestImportMapping(headers)).toEqual({
      externalId: 0, firstName: 1, infix: 2, lastName: 3, dateOfBirth: 4, groupName: 5,
      guardian1Name: 7, guardian1Email: 8, guardian1Phone: 9,
    })
  })

  it('Somtoday headers', () => {
    const headers = ['Leerlingnummer', 'Voornaam', 'Voorvoegsel', 'Achternaam', 'Geboortedatum', 'Stamgroep', 'Naam ouder 1', 'Relatie ouder 1', 'E-mail ouder 1', 'Telefoonnummer ouder 1']
    expect(suggestImportMapping(headers)).toEqual({
      externalId: 0, firstName: 1, infix: 2, lastName: 3, dateOfBirth: 4, groupName: 5,
      guardian1Name: 6, guardian1Relation: 7, guardian1Email: 8, guardian1Phone: 9,
    })
  })

  it('prefers Roepnaam over Voornamen, ignores unknown columns and the BSN, and is case-insensitive', () => {
    expect(suggestImportMapping(['BSN', 'Voornamen', 'ROEPNAAM', 'achternaam', 'Postcode'])).toEqual({ firstName: 2, lastName: 3 })
  })
})

describe('parseDateOfBirth', () => {
  const today = '2026-11-21'
  it.each([
    ['15-03-2016', '2016-03-15'],
    ['5-3-2016', '2016-03-05'],
    ['05/03/2016', '2016-03-05'],
    ['2016-03-05', '2016-03-05'],
    [' 29-02-2016 ', '2016-02-29'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDateOfBirth(raw, today)).toEqual({ ok: true, value: iso })
  })

  it.each([
    ['31-02-2016', /bestaat niet/],
    ['29-02-2017', /bestaat niet/],
    ['12-13-2016', /bestaat niet/],
    ['00-01-2016', /bestaat niet/],
    ['2016/03/05', /Onbekende datum/],
    ['15-03-16', /Onbekende datum/],
    ['maart 2016', /Onbekende datum/],
    ['01-01-2030', /in de toekomst/],
    ['22-11-2023', /Leeftijd 2 jaar valt buiten 3–30 jaar/],
    ['20-11-1995', /Leeftijd 31 jaar valt buiten/],
  ])('%s is refused', (raw, message) => {
    const result = parseDateOfBirth(raw, today)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('counts ages in full years: 3 on the birthday, 30 until the 31st', () => {
    expect(parseDateOfBirth('21-11-2023', today).ok).toBe(true)
    expect(parseDateOfBirth('22-11-1995', today).ok).toBe(true)
  })
})
