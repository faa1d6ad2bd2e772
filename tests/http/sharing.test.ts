// Purpose-bound sharing through the API of the real server: the bestuurder approves an
// agreement, the directeur shares one incident with only the chosen fields, politie@wijkteam.demo
// sees exactly those fields and nothing else, a revocation makes it 404 at once, refusals outside
// the agreement, roles and tenants, and the access log of every look. The test makes its own
// agreement and shares, so it does not depend on the demo sharing data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { dutchToday, plusDays } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'directeur@branding.demo',
  'ib@branding.demo',
  'leerkracht@branding.demo',
  'bestuur@kompas.demo',
  'privacy@kompas.demo',
  'politie@wijkteam.demo',
  'halt@haltnoord.demo',
  'directeur@horizon.demo',
]
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
// Dutch calendar days: just after midnight in Amsterdam the UTC date is still yesterday's.
const dayFromNow = (n: number) => plusDays(dutchToday(), n)

let wijkteam: string
let haltNoord: string
let branding: string
let agreementId: string
/** A Branding incident with a pupil as dader and at least one other pupil. */
let incident: { id: string; dader: string; daderId: string; others: string[] }
let otherIncident: string
let shareId: string
const FIELDS = ['datum', 'type', 'locatie', 'naam_dader']

interface Person {
  role: string
  kind: string
  studentId: string | null
  studentName: string | null
}

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  wijkteam = (await as['politie@wijkteam.demo']!.get('/api/v1/me')).json().organisation.id
  haltNoord = (await as['halt@haltnoord.demo']!.get('/api/v1/me')).json().organisation.id
  branding = (await as['directeur@branding.demo']!.get('/api/v1/me')).json().organisation.id
  const dir = as['directeur@branding.demo']!
  const list = (await dir.get('/api/v1/incidents?status=submitted&pageSize=100')).json().items as { id: string }[]
  for (const { id } of list) {
    const detail = (await dir.get(`/api/v1/incidents/${id}`)).json()
    const persons = (detail.incident?.persons ?? detail.persons ?? []) as Person[]
    const dader = persons.find((p) => p.kind === 'leerling' && p.role === 'dader' && p.studentName)
    // Every other pupil, a second dader too: the share is about the one dader and names only her.
    const others = persons.filter((p) => p.kind === 'leerling' && p.studentName && p.studentId !== dader?.studentId && p.studentName !== dader?.studentName)
    if (dader && others.length && !incident) {
      incident = { id, dader: dader.studentName!, daderId: dader.studentId!, others: others.map((p) => p.studentName!) }
    } else if (!otherIncident) {
      otherIncident = id
    }
    if (incident && otherIncident) break
  }
  expect(incident, 'a Branding incident with a dader and another pupil').toBeTruthy()
})
afterAll(() => server?.stop())

const agreementBody = (over: Record<string, unknown> = {}) => ({
  partnerId: wijkteam,
  schoolId: branding,
  title: 'Testconvenant De Branding – Wijkteam Centrum',
  publicInterest: 'Voorkomen en aanpakken van strafbare feiten rond de school.',
  partnership: 'OBS De Branding en Wijkteam Centrum werken samen aan een veilige school.',
  purposes: ['strafbare_feiten'],
  dataCategories: FIELDS,
  conditions: 'Alleen bij een concreet incident; niet verder verstrekken.',
  recipients: 'De wijkagenten van Wijkteam Centrum.',
  legalBasis: 'AVG art. 6 lid 1 sub e; Wpg art. 20.',
  validFrom: dayFromNow(0),
  validUntil: dayFromNow(365),
  retentionDays: 120,
  ...over,
})
const shareBody = (over: Record<string, unknown> = {}) => ({
  partnerId: wijkteam,
  agreementId,
  purpose: 'strafbare_feiten',
  fields: FIELDS,
  incidentIds: [incident.id],
  studentIds: [incident.daderId],
  expiresOn: dayFromNow(30),
  ...over,
})

describe('agreements', () => {
  it('are drafted with the Wpg art. 20(2) fields and Dutch errors when missing', async () => {
    const bad = await json(as['bestuur@kompas.demo']!, 'POST', '/api/v1/agreements', agreementBody({ publicInterest: '', dataCategories: [] }))
    expect(bad.status).toBe(400)
    const paths = bad.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['publicInterest', 'dataCategories']))
    expect(bad.text).toMatch(/zwaarwegend algemeen belang/)
    const created = await json(as['privacy@kompas.demo']!, 'POST', '/api/v1/agreements', agreementBody())
    expect(created.status).toBe(201)
    agreementId = created.json().id
  })

  it('only the bestuurder approves; a concept is no basis for sharing', async () => {
    const early = await json(as['directeur@branding.demo']!, 'POST', '/api/v1/shares', shareBody())
    expect(early.status).toBe(409)
    expect((await json(as['privacy@kompas.demo']!, 'POST', `/api/v1/agreements/${agreementId}/approve`)).status).toBe(403)
    expect((await json(as['directeur@branding.demo']!, 'POST', `/api/v1/agreements/${agreementId}/approve`)).status).toBe(403)
    const ok = await json(as['bestuur@kompas.demo']!, 'POST', `/api/v1/agreements/${agreementId}/approve`)
    expect(ok.status).toBe(200)
    const got = (await as['directeur@branding.demo']!.get(`/api/v1/agreements/${agreementId}`)).json()
    expect(got).toMatchObject({ status: 'goedgekeurd', active: true, partnerId: wijkteam })
  })

  it('the police see the approved agreement they are party to; another stichting gets 404', async () => {
    const seen = (await as['politie@wijkteam.demo']!.get('/api/v1/agreements')).json().items.map((a: { id: string }) => a.id)
    expect(seen).toContain(agreementId)
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/agreements/${agreementId}`)).status).toBe(404)
    expect((await as['directeur@horizon.demo']!.get('/api/v1/agreements')).json().items.map((a: { id: string }) => a.id)).not.toContain(agreementId)
    expect((await as['halt@haltnoord.demo']!.get(`/api/v1/agreements/${agreementId}`)).status).toBe(404)
  })
})

describe('sharing one incident with the police', () => {
  it('a leerkracht cannot share (403), nor can the police (403)', async () => {
    expect((await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/shares', shareBody())).status).toBe(403)
    expect((await json(as['politie@wijkteam.demo']!, 'POST', '/api/v1/shares', shareBody())).status).toBe(403)
  })

  it('refuses a field outside the agreement, and a partner without an agreement', async () => {
    const field = await json(as['directeur@branding.demo']!, 'POST', '/api/v1/shares', shareBody({ fields: ['datum', 'omschrijving'] }))
    expect(field.status).toBe(400)
    expect(field.json().errors[0]).toMatchObject({ path: 'fields', message: expect.stringMatching(/Omschrijving/) })
    const outside = await json(as['directeur@branding.demo']!, 'POST', '/api/v1/shares', shareBody({ partnerId: haltNoord, agreementId: undefined, purpose: 'halt_spreekuur' }))
    expect(outside.status).toBe(409)
    expect(outside.json().errors[0].message).toMatch(/buiten een geldend convenant/)
  })

  it('the directeur shares date, type, location and the perpetrator’s name', async () => {
    const res = await json(as['directeur@branding.demo']!, 'POST', '/api/v1/shares', shareBody())
    expect(res.status, res.text).toBe(201)
    shareId = res.json().id
    const mine = (await as['directeur@branding.demo']!.get('/api/v1/shares?status=actief')).json().items
    expect(mine.find((s: { id: string }) => s.id === shareId)).toMatchObject({ status: 'actief', partnerId: wijkteam })
  })

  it('politie@wijkteam.demo sees exactly the chosen fields of the shared incident and nothing else', async () => {
    const politie = as['politie@wijkteam.demo']!
    const list = await politie.get('/api/v1/shared')
    expect(list.status).toBe(200)
    const record = list.json().items.find((r: { id: string }) => r.id === shareId)
    expect(record).toMatchObject({ purpose: 'strafbare_feiten', schoolName: expect.stringMatching(/Branding/) })
    expect(record.items).toHaveLength(1)
    expect(Object.keys(record.items[0].payload).sort()).toEqual([...FIELDS].sort())
    expect(record.items[0].payload.naam_dader).toContain(incident.dader)
    const one = await politie.get(`/api/v1/shared/${shareId}`)
    expect(one.status).toBe(200)
    for (const name of incident.others) expect(one.text).not.toContain(name)
    for (const absent of ['omschrijving', 'situation', 'naam_slachtoffer', 'geboortedatum', 'incidentId', 'studentId', 'persons']) {
      expect(one.text).not.toContain(`"${absent}"`)
    }
    // Not the incident itself, not another incident, not the students.
    expect([403, 404]).toContain((await politie.get(`/api/v1/incidents/${incident.id}`)).status)
    expect((await politie.get(`/api/v1/shared/${incident.id}`)).status).toBe(404)
    expect((await politie.get(`/api/v1/shared/${otherIncident}`)).status).toBe(404)
    expect([403, 404]).toContain((await politie.get('/api/v1/students')).status)
    expect([403, 404]).toContain((await politie.get('/api/v1/shares')).status)
    // Halt sees nothing of the police share.
    expect((await as['halt@haltnoord.demo']!.get(`/api/v1/shared/${shareId}`)).status).toBe(404)
  })

  it('another stichting gets 404 on the share', async () => {
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/shares/${shareId}`)).status).toBe(404)
    expect((await json(as['directeur@horizon.demo']!, 'POST', `/api/v1/shares/${shareId}/revoke`, { reason: 'niet van ons' })).status).toBe(404)
  })

  it('the police portal page lists it with purpose and expiry', async () => {
    const page = await as['politie@wijkteam.demo']!.get('/gedeeld')
    expect(page.status).toBe(200)
    expect(page.text).toContain(`/gedeeld/${shareId}`)
    expect(page.text).toMatch(/Voorkomen en opsporen van strafbare feiten/)
    const detail = await as['politie@wijkteam.demo']!.get(`/gedeeld/${shareId}`)
    expect(detail.status).toBe(200)
    expect(detail.text).toContain(incident.dader)
  })

  it('every look is logged, and the privacyfunctionaris finds the share and the views', async () => {
    const log = await as['privacy@kompas.demo']!.get('/api/v1/access-log?subjectType=share&pageSize=200')
    expect(log.status).toBe(200)
    const rows = log.json().items.filter((r: { subjectId: string }) => r.subjectId === shareId)
    expect(rows.some((r: { action: string; role: string }) => r.action === 'share' && r.role === 'directeur')).toBe(true)
    expect(rows.some((r: { action: string; role: string }) => r.action === 'read' && r.role === 'politie')).toBe(true)
  })

  it('a revocation needs a reason, is for the directeur, and makes the record 404 for the police at once', async () => {
    expect((await json(as['directeur@branding.demo']!, 'POST', `/api/v1/shares/${shareId}/revoke`, { reason: '' })).status).toBe(400)
    expect((await json(as['leerkracht@branding.demo']!, 'POST', `/api/v1/shares/${shareId}/revoke`, { reason: 'weg ermee' })).status).toBe(403)
    const ok = await json(as['directeur@branding.demo']!, 'POST', `/api/v1/shares/${shareId}/revoke`, { reason: 'Het onderzoek is afgerond.' })
    expect(ok.status).toBe(200)
    expect((await as['politie@wijkteam.demo']!.get(`/api/v1/shared/${shareId}`)).status).toBe(404)
    expect((await as['politie@wijkteam.demo']!.get('/api/v1/shared')).json().items.map((r: { id: string }) => r.id)).not.toContain(shareId)
    expect((await as['politie@wijkteam.demo']!.get(`/gedeeld/${shareId}`)).status).toBe(404)
    const again = await json(as['directeur@branding.demo']!, 'POST', `/api/v1/shares/${shareId}/revoke`, { reason: 'nog eens' })
    expect(again.status).toBe(409)
    const mine = (await as['directeur@branding.demo']!.get(`/api/v1/shares/${shareId}`)).json()
    expect(mine).toMatchObject({ status: 'ingetrokken', revokeReason: 'Het onderzoek is afgerond.' })
  })
})

describe('melding and aangifte on an incident', () => {
  it('records an aangifte on the victim’s behalf and creates the matching share for the police', async () => {
    const dir = as['directeur@branding.demo']!
    const form = await dir.get(`/incidenten/${incident.id}/melding`)
    expect(form.status).toBe(200)
    expect(form.text).toMatch(/Melding of aangifte bij de politie/)
    const res = await dir.request('POST', `/incidenten/${incident.id}/melding`, {
      form: { kind: 'aangifte', reportedOn: dayFromNow(0), reportedBy: 'Henk Mulder', onBehalfOfVictim: 'on', agreementId, fields: 'datum', expiresOn: dayFromNow(20) },
    })
    expect(res.status, res.text.slice(0, 500)).toBe(302)
    const newShare = res.location!.split('/').pop()!
    const got = (await dir.get(`/api/v1/shares/${newShare}`)).json()
    expect(got).toMatchObject({ origin: 'aangifte', purpose: 'strafbare_feiten', status: 'actief' })
    const detail = (await dir.get(`/api/v1/incidents/${incident.id}`)).json()
    const row = detail.incident ?? detail
    expect(row).toMatchObject({ policeReportKind: 'aangifte', policeOnBehalfOfVictim: true })
    const seen = (await as['politie@wijkteam.demo']!.get(`/api/v1/shared/${newShare}`)).json()
    expect(Object.keys(seen.items[0].payload)).toEqual(['datum'])
  })

  it('the melding refuses a field outside the agreement and records nothing', async () => {
    const dir = as['directeur@branding.demo']!
    const before = (await dir.get(`/api/v1/shares?incidentId=${otherIncident}`)).json().items.length
    const res = await dir.request('POST', `/incidenten/${otherIncident}/melding`, {
      form: { kind: 'melding', reportedOn: dayFromNow(0), reportedBy: 'Henk Mulder', agreementId, fields: 'omschrijving', expiresOn: dayFromNow(20) },
    })
    expect(res.status).toBe(400)
    expect((await dir.get(`/api/v1/shares?incidentId=${otherIncident}`)).json().items.length).toBe(before)
  })
})

describe('the sharing pages', () => {
  it('/delen lists agreements and shares for the school; partners go to /gedeeld; a leerkracht is refused', async () => {
    const page = await as['directeur@branding.demo']!.get('/delen')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Testconvenant De Branding – Wijkteam Centrum')
    expect(page.text).toContain(`/delen/${shareId}`)
    expect((await as['politie@wijkteam.demo']!.get('/delen')).location).toBe('/gedeeld')
    expect((await as['leerkracht@branding.demo']!.get('/delen')).status).toBe(403)
    expect((await as['directeur@horizon.demo']!.get('/delen')).text).not.toContain('Testconvenant De Branding')
  })

  it('the share detail shows what the partner sees; another stichting gets 404', async () => {
    const page = await as['directeur@branding.demo']!.get(`/delen/${shareId}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Wat de partner ziet')
    expect(page.text).toContain(incident.dader)
    expect((await as['directeur@horizon.demo']!.get(`/delen/${shareId}`)).status).toBe(404)
  })

  it('the share form defaults to the least and shares through the form', async () => {
    const dir = as['directeur@branding.demo']!
    const form = await dir.get(`/delen/nieuw?incidentId=${otherIncident}`)
    expect(form.status).toBe(200)
    const checked = [...form.text.matchAll(/<input[^>]*name="fields"[^>]*>/g)].filter((m) => /checked/.test(m[0])).map((m) => /value="([^"]+)"/.exec(m[0])![1])
    expect(checked).toEqual(['datum', 'type'])
    expect(form.text).toMatch(new RegExp(`checked="" value="${otherIncident}"`))
    const body = new URLSearchParams({ agreementId, purpose: 'strafbare_feiten', expiresOn: dayFromNow(10) })
    body.append('fields', 'datum')
    body.append('fields', 'type')
    body.append('incidentIds', otherIncident)
    // Repeated keys (fields=datum&fields=type): sent as a raw body.
    const raw = await fetch(`${server.baseUrl}/delen/nieuw`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `baken_session=${dir.cookie}`, origin: server.baseUrl },
      body: body.toString(),
      redirect: 'manual',
    })
    expect(raw.status).toBe(302)
    expect(raw.headers.get('location')).toMatch(/^\/delen\/[0-9a-f-]{36}$/)
    const bad = await dir.post('/delen/nieuw', { agreementId, purpose: 'strafbare_feiten', expiresOn: dayFromNow(10), fields: 'omschrijving', incidentIds: otherIncident })
    expect(bad.status).toBe(400)
    expect(bad.text).toMatch(/Niet gedeeld/)
  })

  it('the agreement form shows Dutch errors', async () => {
    const page = await as['privacy@kompas.demo']!.get('/delen/convenanten/nieuw')
    expect(page.status).toBe(200)
    const bad = await as['privacy@kompas.demo']!.post('/delen/convenanten/nieuw', { partnerId: wijkteam, title: 'x' })
    expect(bad.status).toBe(400)
    expect(bad.text).toMatch(/zwaarwegend algemeen belang/)
  })
})
