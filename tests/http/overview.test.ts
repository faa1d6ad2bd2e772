// The yearly overview and RI&E analysis of a school through the real server: JSON, CSV and XLSX,
// who may read it (directeur and IB of that school only), and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { currentSchoolYear, previousSchoolYear } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'
import { readFirstSheet } from '../../packages/domain/test/support/xlsx.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'directeur@branding.demo',
  'ib@branding.demo',
  'leerkracht@branding.demo',
  'vertrouwenspersoon@branding.demo',
  'directeur@lyceum.demo',
  'directeur@horizon.demo',
  'bestuur@kompas.demo',
]
let branding = ''
let lyceum = ''
let horizon = ''
// Today's schooljaar, and the one before it: a whole year of demo incidents, from August on.
const CURRENT = currentSchoolYear()
const YEAR = previousSchoolYear()
const START = Number(YEAR.slice(0, 4))
const overview = (schoolId: string, query = `schooljaar=${YEAR}`) => `/api/v1/schools/${schoolId}/overview?${query}`

/** The raw bytes of a download (the client's text() would decode the BOM and the zip). */
async function download(c: Client, path: string) {
  const res = await fetch(server.baseUrl + path, { headers: { cookie: `baken_session=${c.cookie}` } })
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email, { membership: (m) => email !== 'directeur@lyceum.demo' || m.organisationName === 'Kompas Lyceum' })
  }
  const schoolOf = async (email: string) => (await as[email]!.get('/api/v1/me')).json().organisation.id as string
  branding = await schoolOf('directeur@branding.demo')
  lyceum = await schoolOf('directeur@lyceum.demo')
  horizon = await schoolOf('directeur@horizon.demo')
  expect(new Set([branding, lyceum, horizon]).size).toBe(3)
})
afterAll(() => server?.stop())

describe('formats', () => {
  it('JSON: the school, the Bijlage 2 rows and the RI&E counts', async () => {
    const res = await as['directeur@branding.demo']!.get(overview(branding))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    const body = res.json()
    expect(body.school).toEqual({ id: branding, name: 'OBS De Branding', brin: '12AB' })
    expect(body.schooljaar).toBe(YEAR)
    expect(body.rows.length).toBeGreaterThan(body.analysis.total)
    expect(body.rows[0]).toMatchObject({
      naam: expect.any(String),
      datum: expect.stringMatching(new RegExp(`^${START}-08-\\d\\d$`)),
      groep: expect.stringMatching(/^groep \d$/),
      rol: expect.any(String),
      incident: expect.any(String),
      ernst: expect.any(String),
      sanctie: expect.any(String),
    })
    const a = body.analysis
    const sum = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0)
    expect(a.perMonth).toHaveLength(12)
    expect(a.perMonth[0]).toEqual({ key: 8, label: 'augustus', count: expect.any(Number) })
    expect(sum(a.perMonth)).toBe(a.total)
    expect(sum(a.perWeekday)).toBe(a.total)
    expect(sum(a.perHour)).toBe(a.total)
    expect(sum(a.perSeverity)).toBe(a.total)
    expect(sum(a.perLocation)).toBe(a.total)
    expect(new Set(body.rows.map((r: { incidentId: string }) => r.incidentId)).size).toBeLessThanOrEqual(a.total)
  })

  it('CSV: an attachment in UTF-8 with BOM and ; between fields', async () => {
    const res = await download(as['directeur@branding.demo']!, overview(branding, `schooljaar=${YEAR}&format=csv`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="incidenten-12AB-${YEAR}.csv"`)
    expect(res.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const lines = res.bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toBe('Naam;Datum;Groep;Incident;Sanctie;Rol;Ernst;Vertrouwelijk')
    expect(lines[1]).toMatch(new RegExp(`^[^;]+;\\d\\d-08-${START};groep \\d;`))
    const json = (await as['directeur@branding.demo']!.get(overview(branding))).json()
    expect(lines.filter((l) => l !== '')).toHaveLength(json.rows.length + 1)
  })

  it('XLSX: an attachment that is a zip (an Office Open XML workbook)', async () => {
    const res = await download(as['directeur@branding.demo']!, overview(branding, `schooljaar=${YEAR}&format=xlsx`))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="incidenten-12AB-${YEAR}.xlsx"`)
    expect(res.bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    expect(res.bytes.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true)
    expect(res.bytes.length).toBeGreaterThan(5000)
  })
})

describe('the page download /overzicht/export', () => {
  it('gives the same file as the API, to the same roles; an unknown format is a 400', async () => {
    const page = await download(as['directeur@branding.demo']!, `/overzicht/export?schooljaar=${YEAR}&format=csv`)
    const viaApi = await download(as['directeur@branding.demo']!, overview(branding, `schooljaar=${YEAR}&format=csv`))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-disposition')).toBe(`attachment; filename="incidenten-12AB-${YEAR}.csv"`)
    expect(page.bytes.equals(viaApi.bytes)).toBe(true)
    const xlsx = await download(as['directeur@branding.demo']!, `/overzicht/export?schooljaar=${YEAR}&format=xlsx`)
    expect(xlsx.bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    expect((await download(as['directeur@branding.demo']!, `/overzicht/export?schooljaar=${YEAR}&format=pdf`)).status).toBe(400)
    expect((await download(as['leerkracht@branding.demo']!, `/overzicht/export?schooljaar=${YEAR}&format=csv`)).status).toBe(403)
  })
})

describe('the confidential mark in the files', () => {
  it('CSV and XLSX mark exactly the rows the screen marks "vertrouwelijk", and no cell is a formula', async () => {
    const dir = as['directeur@branding.demo']!
    const rows = (await dir.get(overview(branding))).json().rows as { naam: string; vertrouwelijk: boolean }[]
    expect(rows.some((r) => r.vertrouwelijk)).toBe(true)
    expect(rows.some((r) => !r.vertrouwelijk)).toBe(true)
    const marks = rows.map((r) => (r.vertrouwelijk ? 'vertrouwelijk' : ''))

    const csv = await download(dir, overview(branding, `schooljaar=${YEAR}&format=csv`))
    const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n').filter((l) => l !== '')
    // Names and group names hold no ';' or '"' in the demo: the last field is the mark.
    expect(lines.slice(1).map((l) => l.split(';').at(-1))).toEqual(marks)

    const xlsx = readFirstSheet((await download(dir, overview(branding, `schooljaar=${YEAR}&format=xlsx`))).bytes)
    expect(xlsx.rows[0]).toEqual(['Naam', 'Datum', 'Groep', 'Incident', 'Sanctie', 'Rol', 'Ernst', 'Vertrouwelijk'])
    expect(xlsx.rows.slice(1).map((r) => r[7] ?? '')).toEqual(marks)
    expect(xlsx.rows.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.naam))
    expect(xlsx.formulas).toBe(0)
  })
})

describe('who may read it', () => {
  it('the IB gets it too, without the confidential incidents the directeur sees', async () => {
    const ib = await as['ib@branding.demo']!.get(overview(branding))
    expect(ib.status).toBe(200)
    const directeur = (await as['directeur@branding.demo']!.get(overview(branding))).json()
    expect(ib.json().analysis.total).toBeLessThan(directeur.analysis.total)
    expect(ib.json().rows.some((r: { vertrouwelijk: boolean }) => r.vertrouwelijk)).toBe(false)
    expect(directeur.rows.some((r: { vertrouwelijk: boolean }) => r.vertrouwelijk)).toBe(true)
  })

  it.each(['leerkracht@branding.demo', 'vertrouwenspersoon@branding.demo', 'bestuur@kompas.demo'])('%s: 403', async (email) => {
    const res = await as[email]!.get(overview(branding))
    expect(res.status).toBe(403)
    expect(res.json().errors[0].message).toBeTruthy()
    expect((await download(as[email]!, overview(branding, `schooljaar=${YEAR}&format=csv`))).status).toBe(403)
  })

  it('not signed in: 401', async () => {
    expect((await new Client(server.baseUrl).get(overview(branding))).status).toBe(401)
  })

  it('another school of the same stichting, another stichting, a malformed id: 404 as JSON', async () => {
    for (const [email, id] of [
      ['directeur@branding.demo', lyceum],
      ['directeur@horizon.demo', branding],
      ['directeur@lyceum.demo', branding],
      ['directeur@branding.demo', 'niet-een-id'],
      ['directeur@branding.demo', '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      for (const format of ['json', 'csv', 'xlsx']) {
        const res = await as[email]!.get(overview(id, `schooljaar=${YEAR}&format=${format}`))
        expect(res.status, `${email} ${id} ${format}`).toBe(404)
        expect(res.headers.get('content-type')).toContain('application/json')
        expect(res.json().errors[0].path).toBe('id')
      }
    }
  })

  it('each directeur reads their own school', async () => {
    expect((await as['directeur@lyceum.demo']!.get(overview(lyceum))).json().school.brin).toBe('23CD')
    expect((await as['directeur@horizon.demo']!.get(overview(horizon))).json().school.brin).toBe('45GH')
  })
})

describe('bad input', () => {
  it.each([
    ['missing', ''],
    ['one year', 'schooljaar=2025'],
    ['not consecutive', 'schooljaar=2025-2027'],
    ['backwards', 'schooljaar=2026-2025'],
    ['text', 'schooljaar=dit-jaar'],
  ])('schooljaar %s: 400 naming schooljaar, in Dutch', async (_, query) => {
    const res = await as['directeur@branding.demo']!.get(overview(branding, query))
    expect(res.status).toBe(400)
    const errors = res.json().errors as { path: string; message: string }[]
    expect(errors).toEqual([{ path: 'schooljaar', message: expect.stringMatching(/schooljaar|jaartallen|2025-2026/i) }])
  })

  it('an unknown format: 400 naming format', async () => {
    const res = await as['directeur@branding.demo']!.get(overview(branding, `schooljaar=${YEAR}&format=pdf`))
    expect(res.status).toBe(400)
    expect(res.json().errors).toEqual([{ path: 'format', message: 'Kies json, csv of xlsx' }])
  })

  it('a schooljaar without incidents is an empty overview, not an error', async () => {
    const res = await as['ib@branding.demo']!.get(overview(branding, 'schooljaar=2019-2020'))
    expect(res.status).toBe(200)
    expect(res.json().rows).toEqual([])
    expect(res.json().analysis.total).toBe(0)
  })
})

describe('the page /overzicht', () => {
  it('shows the directeur the current schooljaar with the table, the downloads and the charts', async () => {
    const res = await as['directeur@branding.demo']!.get('/overzicht')
    expect(res.status).toBe(200)
    expect(res.text).toContain(`Jaaroverzicht incidenten ${CURRENT}`)
    expect(res.text).toContain(`/overzicht/export?schooljaar=${CURRENT}&amp;format=csv`)
    expect(res.text).toContain(`/overzicht/export?schooljaar=${CURRENT}&amp;format=xlsx`)
    expect(res.text).toContain(`<option value="${YEAR}"`)
    // In early August today's schooljaar has no incidents yet: then the page says so instead of a table.
    const rows = (await as['directeur@branding.demo']!.get(overview(branding, `schooljaar=${CURRENT}`))).json().rows
    if (rows.length > 0) {
      expect(res.text).toContain('data-label="Sanctie"')
      expect(res.text).toContain('Analyse voor de RI&amp;E')
    } else {
      expect(res.text).toContain('Geen incidenten in dit schooljaar.')
      expect(res.text).not.toContain('data-label="Sanctie"')
    }
  })

  it('shows another schooljaar on request; a bad one is a 400', async () => {
    const res = await as['ib@branding.demo']!.get(`/overzicht?schooljaar=${YEAR}`)
    expect(res.status).toBe(200)
    expect(res.text).toContain(`Jaaroverzicht incidenten ${YEAR}`)
    expect(res.text).toContain('data-label="Sanctie"')
    expect(res.text).toContain('Analyse voor de RI&amp;E')
    expect((await as['ib@branding.demo']!.get('/overzicht?schooljaar=2025-2027')).status).toBe(400)
  })

  it('is refused to a leerkracht and the board, and sends a visitor to log in', async () => {
    expect((await as['leerkracht@branding.demo']!.get('/overzicht')).status).toBe(403)
    expect((await as['bestuur@kompas.demo']!.get('/overzicht')).status).toBe(403)
    const anonymous = await new Client(server.baseUrl).get('/overzicht')
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toContain('/login')
  })
})
