// Data-subject rights through the real server: the student export (directeur yes, leerkracht 403,
// another stichting 404), AVG requests (create, list, close, validation errors as structured JSON),
// retention and the purge (privacyfunctionaris only; dry run, then the purge confirming it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { dutchToday } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['directeur@branding.demo', 'leerkracht@branding.demo', 'directeur@horizon.demo', 'privacy@kompas.demo', 'directeur@vakcollege.demo']
let pupil: { id: string; dateOfBirth: string }
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  const pupils = (await as['directeur@branding.demo']!.get('/api/v1/students?pageSize=200')).json().items
  pupil = pupils[0]
})
afterAll(() => server?.stop())

describe('student export', () => {
  it('is made by the directeur as JSON and PDF, and logged', async () => {
    const dir = as['directeur@branding.demo']!
    const res = await dir.get(`/api/v1/students/${pupil.id}/export`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = res.json()
    expect(body).toMatchObject({ kind: 'baken-leerlingexport', student: { id: pupil.id }, rights: { exercisedBy: 'ouders' } })
    expect(Array.isArray(body.incidents) && Array.isArray(body.shares) && Array.isArray(body.accessHistory)).toBe(true)
    const pdf = await dir.get(`/api/v1/students/${pupil.id}/export?format=pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.text.startsWith('%PDF')).toBe(true)
    // The second export lists the first in who looked.
    const again = (await dir.get(`/api/v1/students/${pupil.id}/export`)).json()
    expect(again.accessHistory.filter((a: { action: string }) => a.action === 'export').length).toBeGreaterThanOrEqual(2)
    const bad = await dir.get(`/api/v1/students/${pupil.id}/export?format=docx`)
    expect(bad.status).toBe(400)
    expect(bad.json().errors[0].path).toBe('format')
  })

  it('offers the page with who exercises the rights, and the downloads', async () => {
    const dir = as['directeur@branding.demo']!
    const page = await dir.get(`/leerlingen/${pupil.id}/export`)
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/ouders of verzorgers/)
    const file = await dir.get(`/leerlingen/${pupil.id}/export.json`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="leerlingexport-/)
    expect((await dir.get(`/leerlingen/${pupil.id}/export.pdf`)).headers.get('content-type')).toBe('application/pdf')
  })

  it('is refused to a leerkracht (403) and not found for another stichting (404)', async () => {
    const t = await as['leerkracht@branding.demo']!.get(`/api/v1/students/${pupil.id}/export`)
    expect(t.status).toBe(403)
    expect(t.json().errors[0].message).toMatch(/Geen toegang/)
    const hz = await as['directeur@horizon.demo']!.get(`/api/v1/students/${pupil.id}/export`)
    expect(hz.status).toBe(404)
    expect(hz.json()).toEqual({ errors: [{ path: 'id', message: 'Leerling niet gevonden.' }] })
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/students/${pupil.id}/export?format=pdf`)).status).toBe(404)
    expect((await as['directeur@branding.demo']!.get('/api/v1/students/not-a-uuid/export')).status).toBe(404)
  })
})

describe('subject requests', () => {
  it('validates with structured errors, registers, lists, closes once', async () => {
    const dir = as['directeur@branding.demo']!
    const empty = await json(dir, 'POST', '/api/v1/subject-requests', {})
    expect(empty.status).toBe(400)
    expect(empty.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['details', 'kind', 'receivedOn', 'requestedBy', 'requesterName', 'studentId'])
    // Received on 31 January of last year: one month later is the last day of February, long past.
    const year = Number(dutchToday().slice(0, 4)) - 1
    const base = { studentId: pupil.id, kind: 'inzage', requesterName: 'Ouder van de leerling', receivedOn: `${year}-01-31`, details: 'Graag alle gegevens.' }
    const wrong = await json(dir, 'POST', '/api/v1/subject-requests', { ...base, requestedBy: 'leerling' })
    expect(wrong.status).toBe(400)
    expect(wrong.json().errors[0]).toMatchObject({ path: 'requestedBy', message: expect.stringMatching(/AVG art\. 8, UAVG art\. 5/) })
    const created = await json(dir, 'POST', '/api/v1/subject-requests', { ...base, requestedBy: 'ouders' })
    expect(created.status).toBe(201)
    const { id, dueOn } = created.json()
    expect(dueOn).toBe(`${year}-02-${new Date(Date.UTC(year, 2, 0)).getUTCDate()}`)
    const list = (await dir.get('/api/v1/subject-requests?status=open')).json().items
    expect(list.find((r: { id: string }) => r.id === id)).toMatchObject({ overdue: true, status: 'open', kind: 'inzage' })
    // The FG of the stichting sees it too; a directeur of another school does not.
    expect((await as['privacy@kompas.demo']!.get('/api/v1/subject-requests')).json().items.some((r: { id: string }) => r.id === id)).toBe(true)
    expect((await as['directeur@vakcollege.demo']!.get('/api/v1/subject-requests')).json().items.some((r: { id: string }) => r.id === id)).toBe(false)
    expect((await json(as['directeur@horizon.demo']!, 'POST', `/api/v1/subject-requests/${id}/close`, { status: 'afgehandeld', outcome: 'Niet van ons.' })).status).toBe(404)

    const badClose = await json(dir, 'POST', `/api/v1/subject-requests/${id}/close`, { status: 'klaar' })
    expect(badClose.status).toBe(400)
    expect(badClose.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['outcome', 'status'])
    const closed = await json(dir, 'POST', `/api/v1/subject-requests/${id}/close`, { status: 'afgehandeld', outcome: 'Export overhandigd aan de ouders.' })
    expect(closed.status).toBe(200)
    expect((await json(dir, 'POST', `/api/v1/subject-requests/${id}/close`, { status: 'afgehandeld', outcome: 'Nogmaals.' })).status).toBe(409)
    expect((await dir.request('POST', '/api/v1/subject-requests', { headers: { 'content-type': 'application/json' } })).status).toBe(400)
  })

  it('is not for a leerkracht', async () => {
    expect((await as['leerkracht@branding.demo']!.get('/api/v1/subject-requests')).status).toBe(403)
  })
})

describe('retention and purge', () => {
  it('shows the terms to the FG only, and validates changes', async () => {
    const fg = as['privacy@kompas.demo']!
    const r = await fg.get('/api/v1/retention')
    expect(r.status).toBe(200)
    expect(r.json().items.map((i: { category: string; months: number }) => [i.category, i.months])).toEqual([
      ['leerlingdossier', 24],
      ['administratie', 60],
      ['gedeelde_gegevens', 12],
      ['toegangslog', 60],
    ])
    expect((await as['directeur@branding.demo']!.get('/api/v1/retention')).status).toBe(403)
    const bad = await json(fg, 'PUT', '/api/v1/retention', { category: 'leerlingdossier', months: 0 })
    expect(bad.status).toBe(400)
    expect(bad.json().errors[0].path).toBe('months')
  })

  it('runs a dry run and a purge confirming it (FG only)', async () => {
    const fg = as['privacy@kompas.demo']!
    expect((await json(as['directeur@branding.demo']!, 'POST', '/api/v1/purge?dryRun=true', {})).status).toBe(403)
    const dry = await json(fg, 'POST', '/api/v1/purge?dryRun=true', {})
    expect(dry.status).toBe(200)
    const { runId, report, summary } = dry.json()
    expect(report.months).toMatchObject({ leerlingdossier: 24 })
    expect(typeof summary.anythingDue).toBe('boolean')
    const missing = await json(fg, 'POST', '/api/v1/purge?dryRun=false', {})
    expect(missing.status).toBe(400)
    expect(missing.json().errors[0].path).toBe('dryRunId')
    expect((await json(fg, 'POST', '/api/v1/purge?dryRun=false', { dryRunId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404)
    const purged = await json(fg, 'POST', '/api/v1/purge?dryRun=false', { dryRunId: runId })
    expect(purged.status).toBe(201)
    expect(purged.json().report).toEqual(report)
    const after = (await json(fg, 'POST', '/api/v1/purge?dryRun=true', {})).json()
    expect(after.summary.anythingDue).toBe(false)
  })

  it('shows /privacy to the FG and the directeur, not to a leerkracht', async () => {
    const page = await as['privacy@kompas.demo']!.get('/privacy')
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/Bewaartermijnen/)
    const dir = await as['directeur@branding.demo']!.get('/privacy')
    expect(dir.status).toBe(200)
    expect(dir.text).not.toMatch(/Proefrun maken/)
    expect((await as['leerkracht@branding.demo']!.get('/privacy')).status).toBe(403)
  })
})
