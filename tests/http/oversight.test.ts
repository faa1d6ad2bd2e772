// The board's oversight page and API, bezwaren and the search for another school through the real
// server: /bestuur for the bestuurder only; the oversight API for the caller's own stichting
// only; the bezwaar flow (record → hearing → decision) with who may decide; search attempts and the
// definitive verwijdering; the bezwaar section on the measure page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { bezwaarDecisionDue, ddmmyyyy, dutchToday, localDate, plusDays, schoolYearWithData } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'bestuur@kompas.demo',
  'bestuur@horizon.demo',
  'directeur@branding.demo',
  'ib@branding.demo',
  'leerkracht@branding.demo',
  'directeur@lyceum.demo',
  'beheer@kompas.demo',
]
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
const today = dutchToday()
let kompasId = ''
let horizonId = ''

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  kompasId = (await as['bestuur@kompas.demo']!.get('/api/v1/me')).json().organisation.id
  horizonId = (await as['bestuur@horizon.demo']!.get('/api/v1/me')).json().organisation.id
})
afterAll(() => server?.stop())

interface Bezwaar {
  id: string
  receivedOn: string
  decisionDueOn: string
  state: string
}

/** The demo's ended po schorsing at De Branding (its letter sent weeks ago) and its open bezwaar. */
async function endedWithBezwaar(c: Client): Promise<{ id: string; letterSentOn: string; bezwaar: Bezwaar }> {
  const [ended] = (await c.get('/api/v1/measures?kind=schorsing&state=ended')).json().items
  const detail = (await c.get(`/api/v1/measures/${ended.id}`)).json()
  const sent = detail.transitions.find((t: { to: string }) => t.to === 'letter_sent')
  const [bezwaar] = (await c.get(`/api/v1/measures/${ended.id}/bezwaren`)).json().items
  return { id: ended.id, letterSentOn: localDate(new Date(sent.at)), bezwaar }
}

/** Within the board's "deadlines at risk" window: due in the coming 7 days or overdue. */
const atRisk = (dueOn: string) => dueOn <= plusDays(today, 7)

describe('/bestuur', () => {
  it('shows the Kompas bestuurder the approvals queue and the deadlines at risk', async () => {
    const res = await as['bestuur@kompas.demo']!.get('/bestuur')
    expect(res.status).toBe(200)
    expect(res.text).toContain('Wacht op besluit van het bestuur')
    expect(res.text).toContain('Termijnen in gevaar')
    expect(res.text).toContain('Melding aan de Inspectie nog niet gedaan')
    // The seeded bezwaar is due about a week from the seeding day; when a holiday pushes its due
    // day further out it is not yet at risk and must not be listed.
    const { id: endedId, bezwaar } = await endedWithBezwaar(as['bestuur@kompas.demo']!)
    const listed = new RegExp(`href="/maatregelen/${endedId}"[^>]*>Beslissing op bezwaar<`).test(res.text)
    expect(listed, `bezwaar due ${bezwaar.decisionDueOn}`).toBe(atRisk(bezwaar.decisionDueOn))
    if (listed) expect(res.text).toContain(ddmmyyyy(bezwaar.decisionDueOn))
    const queue = (await as['bestuur@kompas.demo']!.get('/api/v1/measures?kind=schorsing&state=proposed')).json().items
    expect(queue.length).toBeGreaterThan(0)
    for (const m of queue) expect(res.text).toContain(`/maatregelen/${m.id}`)
    for (const school of ['OBS De Branding', 'Kompas Lyceum', 'Kompas Vakcollege']) expect(res.text).toContain(school)
    expect(res.text).not.toContain('CBS De Horizon')
  })

  it('is for the bestuurder only: 403 for a directeur and the stichtingbeheerder; anonymous to login', async () => {
    expect((await as['directeur@branding.demo']!.get('/bestuur')).status).toBe(403)
    expect((await as['beheer@kompas.demo']!.get('/bestuur')).status).toBe(403)
    const anonymous = await new Client(server.baseUrl).get('/bestuur')
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login/)
  })

  it('a malformed schooljaar is a 400', async () => {
    expect((await as['bestuur@kompas.demo']!.get('/bestuur?schooljaar=2026')).status).toBe(400)
  })
})

describe('GET /api/v1/stichtingen/{id}/oversight', () => {
  it('answers the bestuurder for their own stichting, with the same data as the page', async () => {
    const board = as['bestuur@kompas.demo']!
    const year = await schoolYearWithData(async (y) => {
      const counts = (await board.get(`/api/v1/stichting/incident-counts?schooljaar=${y}`)).json()
      return counts.schools.some((x: { total: number }) => x.total > 0)
    })
    const res = await board.get(`/api/v1/stichtingen/${kompasId}/oversight?schooljaar=${year}`)
    expect(res.status).toBe(200)
    const o = res.json()
    expect(o.stichting).toEqual({ id: kompasId, name: 'Stichting Kompas' })
    expect(o.schooljaar).toBe(year)
    expect(o.queue.length).toBeGreaterThan(0)
    expect(o.deadlines.inspectie.length).toBeGreaterThan(0)
    const { bezwaar } = await endedWithBezwaar(board)
    const listed = o.deadlines.bezwaren.some((b: { decisionDueOn: string; schoolName: string }) => b.decisionDueOn === bezwaar.decisionDueOn && b.schoolName === 'OBS De Branding')
    expect(listed, `bezwaar due ${bezwaar.decisionDueOn}`).toBe(atRisk(bezwaar.decisionDueOn))
    expect(o.measuresPerSchool).toHaveLength(3)
    expect(o.incidentsPerSchool).toHaveLength(3)
  })

  it('404 for another stichting’s id or a malformed id; 403 for other roles; 401 anonymous', async () => {
    const horizon = as['bestuur@horizon.demo']!
    const other = await horizon.get(`/api/v1/stichtingen/${kompasId}/oversight`)
    expect(other.status).toBe(404)
    expect(other.json().errors[0]).toMatchObject({ path: 'id' })
    expect((await horizon.get(`/api/v1/stichtingen/${horizonId}/oversight`)).status).toBe(200)
    expect((await horizon.get('/api/v1/stichtingen/niet-een-id/oversight')).status).toBe(404)
    expect((await as['directeur@branding.demo']!.get(`/api/v1/stichtingen/${kompasId}/oversight`)).status).toBe(403)
    expect((await new Client(server.baseUrl).get(`/api/v1/stichtingen/${kompasId}/oversight`)).status).toBe(401)
  })
})

describe('bezwaren through the API', () => {
  it('the school records and holds the hearing; the directeur without mandate cannot decide; the bestuurder does', async () => {
    const dir = as['directeur@branding.demo']!
    const [m] = (await dir.get('/api/v1/measures?kind=schorsing&state=approved')).json().items
    const path = `/api/v1/measures/${m.id}/bezwaren`
    // No letter sent yet: the term runs from the day of the decision.
    const decidedOn = localDate(new Date((await dir.get(`/api/v1/measures/${m.id}`)).json().decidedAt))
    const created = await json(dir, 'POST', path, { receivedOn: today })
    expect(created.status).toBe(201)
    // A schorsing: 6 weeks to object, then the Awb's 6 weeks from the day after that term ends (Awb 7:10).
    expect(created.json()).toMatchObject({ state: 'received', decisionDueOn: bezwaarDecisionDue('schorsing', 'po', decidedOn, today) })
    const id = created.json().id
    expect((await json(dir, 'POST', path, { receivedOn: today })).status).toBe(409)
    expect((await json(dir, 'POST', path, { receivedOn: 'gisteren' })).status).toBe(400)

    const early = await json(as['bestuur@kompas.demo']!, 'POST', `${path}/${id}`, { action: 'decide', decidedOn: today, outcome: 'ongegrond', reasons: 'De schorsing was evenredig.' })
    expect(early.status).toBe(409)
    expect((await json(as['ib@branding.demo']!, 'POST', `${path}/${id}`, { action: 'hearing', hearingOn: today })).status).toBe(200)
    expect((await json(as['ib@branding.demo']!, 'POST', `${path}/${id}`, { action: 'iets' })).status).toBe(400)
    const denied = await json(dir, 'POST', `${path}/${id}`, { action: 'decide', decidedOn: today, outcome: 'ongegrond', reasons: 'De schorsing was evenredig.' })
    expect(denied.status).toBe(403)
    expect(denied.json().errors[0].message).toMatch(/mandaat/)
    const decided = await json(as['bestuur@kompas.demo']!, 'POST', `${path}/${id}`, { action: 'decide', decidedOn: today, outcome: 'deels gegrond', reasons: 'De duur wordt verkort; de schorsing zelf blijft.' })
    expect(decided.status).toBe(200)
    expect(decided.json()).toMatchObject({ id, state: 'decided' })

    const list = (await dir.get(path)).json().items
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ id, state: 'decided', outcome: 'deels gegrond', reasons: 'De duur wordt verkort; de schorsing zelf blijft.', overdue: false })
    // The steps are in the measure's history.
    const detail = (await dir.get(`/api/v1/measures/${m.id}`)).json()
    expect(detail.transitions.filter((t: { reason: string | null }) => t.reason?.includes('ezwaar')).length).toBe(3)
  })

  it('a bezwaar after the objection term is refused naming the term; other tenants and roles get 404/403', async () => {
    const dir = as['directeur@branding.demo']!
    // The demo's ended schorsing, its letter sent some ten weeks ago; its own bezwaar is still open,
    // due by the po rule from the letter's day.
    const { id: endedId, letterSentOn, bezwaar } = await endedWithBezwaar(dir)
    const ended = { id: endedId }
    expect(bezwaar).toMatchObject({ decisionDueOn: bezwaarDecisionDue('schorsing', 'po', letterSentOn, bezwaar.receivedOn), state: 'hearing_held' })
    expect((await as['bestuur@horizon.demo']!.get(`/api/v1/measures/${ended.id}/bezwaren`)).status).toBe(404)
    expect((await json(as['bestuur@horizon.demo']!, 'POST', `/api/v1/measures/${ended.id}/bezwaren`, { receivedOn: today })).status).toBe(404)
    expect((await as['leerkracht@branding.demo']!.get(`/api/v1/measures/${ended.id}/bezwaren`)).status).toBe(403)

    const [proposed] = (await dir.get('/api/v1/measures?kind=schorsing&state=proposed')).json().items
    expect((await json(dir, 'POST', `/api/v1/measures/${proposed.id}/bezwaren`, { receivedOn: today })).status).toBe(409)
  })
})

describe('the search for another school through the API', () => {
  it('lists the attempts, refuses a definitive verwijdering without admission, allows it after one', async () => {
    const board = as['bestuur@kompas.demo']!
    const [m] = (await board.get('/api/v1/measures?kind=verwijdering&state=searching')).json().items
    const path = `/api/v1/measures/${m.id}/search-attempts`
    expect((await board.get(path)).json().items.map((a: { result: string }) => a.result)).toEqual(['geen plaats', 'in behandeling'])
    const refused = await json(board, 'POST', `/api/v1/measures/${m.id}/transitions`, { to: 'definitive' })
    expect(refused.status).toBe(409)
    expect(refused.json().errors[0].message).toContain('WVO 2020 art. 8.15')
    expect((await json(as['directeur@lyceum.demo']!, 'POST', path, { contactedOn: today, schoolName: 'Duinzicht College' })).status).toBe(400)
    const added = await json(as['directeur@lyceum.demo']!, 'POST', path, { contactedOn: today, schoolName: 'Duinzicht College', result: 'toegelaten', note: 'Plaats in 3 havo.' })
    expect(added.status).toBe(201)
    expect((await as['directeur@branding.demo']!.get(path)).status).toBe(404)
    expect((await json(board, 'POST', `/api/v1/measures/${m.id}/transitions`, { to: 'definitive' })).status).toBe(200)
  })
})

describe('the measure page', () => {
  it('shows the bezwaar with its deadline and takes the hearing through the page’s form', async () => {
    const dir = as['directeur@branding.demo']!
    const { id: endedId, bezwaar } = await endedWithBezwaar(dir)
    const ended = { id: endedId }
    const page = await dir.get(`/maatregelen/${ended.id}`)
    expect(page.status).toBe(200)
    const text = page.text.replaceAll('<!-- -->', '')
    expect(text).toContain(`Bezwaar ontvangen op ${ddmmyyyy(bezwaar.receivedOn)}`)
    expect(text).toContain(`beslissen uiterlijk ${ddmmyyyy(bezwaar.decisionDueOn)}`)
    // No decision form for a directeur without mandate.
    expect(page.text).not.toContain('Beslissen op bezwaar')
    const boardPage = await as['bestuur@kompas.demo']!.get(`/maatregelen/${ended.id}`)
    expect(boardPage.text).toContain('Beslissen op bezwaar')

    const lyceum = as['directeur@lyceum.demo']!
    const [decided] = (await lyceum.get('/api/v1/measures?kind=schorsing&state=approved')).json().items
    const posted = await lyceum.post(`/maatregelen/${decided.id}`, { intent: 'bezwaar-record', receivedOn: today })
    expect(posted.status).toBe(302)
    const [b] = (await lyceum.get(`/api/v1/measures/${decided.id}/bezwaren`)).json().items
    // A schorsing in vo too: the Awb's 6 weeks after the objection term, not the verwijdering's 4 from receipt.
    const decidedOn = localDate(new Date((await lyceum.get(`/api/v1/measures/${decided.id}`)).json().decidedAt))
    expect(b).toMatchObject({ receivedOn: today, decisionDueOn: bezwaarDecisionDue('schorsing', 'vo', decidedOn, today) })
    const refused = await lyceum.post(`/maatregelen/${decided.id}`, { intent: 'bezwaar-hearing', bezwaarId: b.id, hearingOn: '2099-01-01' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('in de toekomst')
  })
})
