// The Halt spreekuur through the real server: the school refers (consent, the chosen facts),
// Halt accepts, plans and records the intake, sets components and closes; the school reads the
// closing report, never Halt's notes; role checks (politie, another stichting, another school).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { demoDates, dutchToday, plusDays } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const DIR = 'directeur@vakcollege.demo'
const DOC = 'docent@vakcollege.demo'
const HALT = 'halt@haltnoord.demo'
const ACCOUNTS = [DIR, DOC, HALT, 'bestuur@kompas.demo', 'politie@wijkteam.demo', 'directeur@horizon.demo', 'mentor@lyceum.demo', 'directeur@branding.demo']
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
let partnerId: string
let incidentId: string
let studentId: string
let referralId: string
const today = dutchToday()
const year = Number(today.slice(0, 4))
// Yesterday afternoon, Dutch time: a past intake whose attendance can be recorded.
const intakeDay = plusDays(today, -1)

const input = () => ({
  studentId,
  incidentIds: [incidentId],
  reason: 'Bedreigde een medestudent in de praktijkles; school wil een pedagogisch alternatief.',
  incidentTypes: ['bedreiging'],
  schoolActions: 'Gesprek met de student en de ouders.',
  contactName: 'Wendy Hoekstra',
  contactEmail: 'w.hoekstra@vakcollege.demo',
  studentConsentOn: plusDays(today, -2),
  parentConsentOn: plusDays(today, -1),
  shareFields: ['datum', 'type'],
  reportFields: ['uitkomst', 'afspraken'],
})

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  partnerId = (await as[HALT]!.get('/api/v1/me')).json().organisation.id
  // The Halt agreement: the demo's, or one drafted by the directeur and approved by the bestuurder.
  const agreements = (await as[DIR]!.get('/api/v1/agreements')).json().items as { partnerId: string; purposes: string[]; status: string }[]
  if (!agreements.some((a) => a.partnerId === partnerId && a.purposes.includes('halt_spreekuur') && a.status === 'goedgekeurd')) {
    const me = (await as[DIR]!.get('/api/v1/me')).json()
    const draft = await json(as[DIR]!, 'POST', '/api/v1/agreements', {
      partnerId,
      schoolId: me.organisation.id,
      title: 'Convenant Halt-spreekuur (test)',
      publicInterest: 'Grensoverschrijdend gedrag tegengaan.',
      partnership: 'Halt-spreekuur op het mbo',
      purposes: ['halt_spreekuur'],
      dataCategories: ['datum', 'type', 'locatie', 'naam_dader', 'omschrijving'],
      conditions: 'Alleen voor het spreekuur.',
      recipients: 'Halt-medewerkers',
      legalBasis: 'AVG art. 6 lid 1 sub e',
      validFrom: `${year - 1}-01-01`,
      validUntil: `${year + 2}-12-31`,
      retentionDays: 365,
    })
    expect(draft.status, draft.text).toBe(201)
    const approved = await json(as['bestuur@kompas.demo']!, 'POST', `/api/v1/agreements/${draft.json().id}/approve`)
    expect(approved.status, approved.text).toBe(200)
  }
  const incidents = (await as[DIR]!.get('/api/v1/incidents?pageSize=200')).json().items as { id: string; status?: string; pupils: { studentId: string; role: string }[] }[]
  const withDader = incidents.find((i) => (i.status ?? 'submitted') === 'submitted' && i.pupils.some((p) => p.role === 'dader'))!
  incidentId = withDader.id
  studentId = withDader.pupils.find((p) => p.role === 'dader')!.studentId
}, 120_000)
afterAll(() => server?.stop())

describe('referring and the Halt workflow through the API', () => {
  it('refuses a referral without the student’s consent (400, Dutch message)', async () => {
    const r = await json(as[DIR]!, 'POST', '/api/v1/referrals', { ...input(), studentConsentOn: undefined })
    expect(r.status).toBe(400)
    expect(r.json().errors[0]).toMatchObject({ path: 'studentConsentOn', message: expect.stringMatching(/toestemming van de student/) })
  })

  it('a school not linked to a Halt region cannot refer (403)', async () => {
    const r = await json(as['directeur@branding.demo']!, 'POST', '/api/v1/referrals', input())
    expect(r.status).toBe(403)
    expect(r.json().errors[0].message).toMatch(/niet gekoppeld aan een Halt-regio/)
  })

  it('the directeur refers; Halt sees it in the queue with only the shared facts', async () => {
    const r = await json(as[DIR]!, 'POST', '/api/v1/referrals', input())
    expect(r.status, r.text).toBe(201)
    referralId = r.json().id
    expect(r.location).toBe(`/api/v1/referrals/${referralId}`)
    const queue = (await as[HALT]!.get('/api/v1/halt/referrals?status=aangemeld')).json().items
    expect(queue.some((q: { id: string }) => q.id === referralId)).toBe(true)
    const c = (await as[HALT]!.get(`/api/v1/halt/referrals/${referralId}`)).json()
    expect(c.sharedFields).toEqual(['datum', 'type'])
    expect(Object.keys(c.facts[0]).sort()).toEqual(['datum', 'type'])
    expect(c).not.toHaveProperty('studentName')
  })

  it('Halt accepts, plans and records the intake, sets components, notes and closes; the school reads only the report', async () => {
    const H = as[HALT]!
    const base = `/api/v1/halt/referrals/${referralId}`
    expect((await json(H, 'POST', `${base}/decision`, { decision: 'decline' })).status).toBe(400)
    expect((await json(H, 'POST', `${base}/decision`, { decision: 'accept' })).json()).toMatchObject({ ok: true, status: 'geaccepteerd' })
    const intake = await json(H, 'POST', `${base}/appointments`, { kind: 'intake', startsAt: `${intakeDay}T13:30` })
    expect(intake.status, intake.text).toBe(201)
    const att = await json(H, 'PATCH', `${base}/appointments`, { appointmentId: intake.json().appointmentId, attendance: 'aanwezig' })
    expect(att.json()).toMatchObject({ ok: true, status: 'lopend' })
    const comps = await json(H, 'PUT', `${base}/components`, {
      components: [
        { component: 'reflectie', done: true, note: 'Componentnotitie: alleen Halt' },
        { component: 'sociale_vaardigheden', done: true },
      ],
    })
    expect(comps.status, comps.text).toBe(200)
    const school = await as[DIR]!.get(`/api/v1/referrals/${referralId}`)
    expect(school.json()).toMatchObject({ status: 'lopend', intakeAt: demoDates().at(intakeDay, 13, 30).toISOString(), closingReport: null })
    expect(school.text).not.toContain('Componentnotitie')
    const closed = await json(H, 'POST', `${base}/close`, { outcome: 'afgerond', afspraken: 'Excuses aangeboden; nieuwe afspraken met de mentor.', advies_school: 'niet afgesproken' })
    expect(closed.status, closed.text).toBe(200)
    expect(Object.keys(closed.json().closingReport).sort()).toEqual(['afspraken', 'uitkomst'])
    const after = (await as[DIR]!.get(`/api/v1/referrals/${referralId}`)).json()
    expect(after.status).toBe('afgesloten')
    expect(after.closingReport).toEqual({ uitkomst: 'Afgerond', afspraken: 'Excuses aangeboden; nieuwe afspraken met de mentor.' })
    expect(JSON.stringify(after)).not.toContain('Componentnotitie')
    // Closing again is a conflict.
    expect((await json(H, 'POST', `${base}/close`, { outcome: 'afgerond' })).status).toBe(409)
  })
})

describe('who may do what', () => {
  it('politie gets 403 on the school and Halt endpoints', async () => {
    const P = as['politie@wijkteam.demo']!
    expect((await P.get('/api/v1/referrals')).status).toBe(403)
    expect((await P.get(`/api/v1/referrals/${referralId}`)).status).toBe(403)
    expect((await P.get('/api/v1/halt/referrals')).status).toBe(403)
    expect((await P.get(`/api/v1/halt/referrals/${referralId}`)).status).toBe(403)
    expect((await json(P, 'POST', `/api/v1/halt/referrals/${referralId}/close`, { outcome: 'afgerond' })).status).toBe(403)
  })

  it('another stichting’s directeur and a leerkracht of another school get 404; the school’s leerkracht reads it', async () => {
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/referrals/${referralId}`)).status).toBe(404)
    expect((await as['mentor@lyceum.demo']!.get(`/api/v1/referrals/${referralId}`)).status).toBe(404)
    expect((await as['mentor@lyceum.demo']!.get('/api/v1/referrals')).json().items).toEqual([])
    expect((await as[DOC]!.get(`/api/v1/referrals/${referralId}`)).status).toBe(200)
  })

  it('school staff cannot use Halt’s endpoints; Halt cannot use the school’s', async () => {
    expect((await as[DIR]!.get('/api/v1/halt/referrals')).status).toBe(403)
    expect((await json(as[DIR]!, 'POST', `/api/v1/halt/referrals/${referralId}/decision`, { decision: 'accept' })).status).toBe(403)
    expect((await as[HALT]!.get('/api/v1/referrals')).status).toBe(403)
    expect((await json(as[HALT]!, 'POST', '/api/v1/referrals', input())).status).toBe(403)
    expect((await as[HALT]!.get('/api/v1/halt/referrals/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })
})

describe('pages and the OpenAPI document', () => {
  it('Halt’s pages answer Halt and refuse the school; the school’s pages answer the school and refuse Halt', async () => {
    for (const path of ['/halt', '/halt/spreekuren', '/halt/overzicht', `/halt/${referralId}`]) {
      expect((await as[HALT]!.get(path)).status, path).toBe(200)
      expect((await as[DIR]!.get(path)).status, path).toBe(403)
    }
    for (const path of ['/verwijzingen', '/verwijzingen/nieuw', `/verwijzingen/${referralId}`]) {
      expect((await as[DOC]!.get(path)).status, path).toBe(200)
      expect((await as[HALT]!.get(path)).status, path).toBe(403)
    }
    expect((await as['mentor@lyceum.demo']!.get(`/verwijzingen/${referralId}`)).status).toBe(404)
    const overview = await as[HALT]!.get('/halt/overzicht')
    expect(overview.text).toContain('Kompas Vakcollege')
  })

  it('Halt adds a weekly spreekuur at a linked school; a bad time is refused', async () => {
    const schoolId = (await as[DIR]!.get('/api/v1/me')).json().organisation.id
    const bad = await as[HALT]!.post('/halt/spreekuren', { schoolId, location: 'Lokaal B1.04', weekday: '2', startsAt: '15:00', endsAt: '13:00', validFrom: today })
    expect(bad.status).toBe(400)
    const ok = await as[HALT]!.post('/halt/spreekuren', { schoolId, location: 'Lokaal B1.04', weekday: '2', startsAt: '13:00', endsAt: '15:00', validFrom: today })
    expect(ok.status).toBe(200)
    expect((await as[HALT]!.get('/halt/spreekuren')).text).toContain('Lokaal B1.04')
  })

  it('documents the Halt paths', async () => {
    const doc = (await as[DIR]!.get('/api/v1/openapi.json')).json()
    for (const p of ['/referrals', '/referrals/{id}', '/halt/referrals', '/halt/referrals/{id}', '/halt/referrals/{id}/decision', '/halt/referrals/{id}/appointments', '/halt/referrals/{id}/components', '/halt/referrals/{id}/close']) {
      expect(Object.keys(doc.paths), p).toContain(p)
    }
  })
})
