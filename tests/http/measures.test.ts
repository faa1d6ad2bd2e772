// Measures through the API of the real server: proposing within the law, the board's decision, the
// mandate, and tenant isolation between stichtingen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { demoDates, dutchToday } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'bestuur@kompas.demo', 'bestuur@horizon.demo', 'directeur@horizon.demo', 'privacy@kompas.demo', 'politie@wijkteam.demo']
let pupil: string
let pupil2: string
const today = dutchToday()
// School days ahead on the calendars of De Branding and the Kompas Lyceum (both regio noord).
const brandingCalendar = demoDates().calendar('noord', 'branding')
const lyceumCalendar = demoDates().calendar('noord', 'lyceum')
const startsOn = brandingCalendar.addSchoolDays(brandingCalendar.nextSchoolDay(today), 2)
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  const pupils = (await as['directeur@branding.demo']!.get('/api/v1/students?pageSize=200')).json().items
  const withMeasures = new Set((await as['directeur@branding.demo']!.get('/api/v1/measures')).json().items.map((m: { studentId: string }) => m.studentId))
  const free = pupils.filter((p: { id: string }) => !withMeasures.has(p.id))
  pupil = free[0].id
  pupil2 = free[1].id
})
afterAll(() => server?.stop())

describe('a po schorsing through the API', () => {
  it('is proposed, refused to the directeur without mandate, decided by the bestuurder, with the Inspectie task', async () => {
    const dir = as['directeur@branding.demo']!
    const tooLong = await json(dir, 'POST', '/api/v1/measures', {
      kind: 'schorsing', studentId: pupil, reasons: 'Ernstige bedreiging van een leerkracht.', startsOn, schoolDays: 7,
      skipJustification: 'De veiligheid van de leerkracht vraagt direct een schorsing.',
    })
    expect(tooLong.status).toBe(400)
    expect(tooLong.json().errors[0]).toMatchObject({ path: 'schoolDays', message: expect.stringMatching(/ten hoogste 5 schooldagen/) })
    const created = await json(dir, 'POST', '/api/v1/measures', {
      kind: 'schorsing', studentId: pupil, reasons: 'Ernstige bedreiging van een leerkracht.', startsOn, schoolDays: 2,
      skipJustification: 'De veiligheid van de leerkracht vraagt direct een schorsing.',
    })
    expect(created.status).toBe(201)
    const { id } = created.json()
    const denied = await json(dir, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'approved' })
    expect(denied.status).toBe(403)
    expect(denied.json().errors[0].message).toMatch(/mandaat/)
    const board = as['bestuur@kompas.demo']!
    const queue = (await board.get('/api/v1/measures?kind=schorsing&state=proposed')).json().items
    expect(queue.some((m: { id: string }) => m.id === id)).toBe(true)
    expect((await json(board, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'approved', expectedState: 'proposed' })).status).toBe(200)
    const detail = (await dir.get(`/api/v1/measures/${id}`)).json()
    expect(detail.state).toBe('approved')
    // Two school days: the start and the next school day on the school's calendar.
    expect(detail.endsOn).toBe(brandingCalendar.nextSchoolDay(startsOn))
    expect(detail.tasks.map((t: { kind: string }) => t.kind)).toContain('inspectie_melding')
    // "Besluit verzonden" is no button: it follows from recording the letter's sending.
    expect(detail.next.map((n: { to: string }) => n.to)).toEqual([])
    const manual = await json(dir, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'letter_sent' })
    expect(manual.status).toBe(409)
    expect(manual.json().errors[0].message).toMatch(/Brieven/)
    // The same step twice is a conflict, not a second decision.
    expect((await json(board, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'approved' })).status).toBe(409)

    const letter = (await json(dir, 'POST', `/api/v1/measures/${id}/letters`, { kind: 'schorsing' })).json()
    const sentPath = `/api/v1/measures/${id}/letters/${letter.id}/sent`
    expect((await json(dir, 'POST', sentPath, { channel: 'post' })).status).toBe(400)
    expect((await json(as['bestuur@horizon.demo']!, 'POST', sentPath, { channel: 'post', sentOn: today })).status).toBe(404)
    const sent = await json(dir, 'POST', sentPath, { channel: 'email' })
    expect(sent.status).toBe(201)
    expect(sent.json()).toMatchObject({ state: 'letter_sent', mails: expect.any(Number) })
    expect(sent.json().mails).toBeGreaterThan(0)
    expect((await dir.get(`/api/v1/measures/${id}`)).json().state).toBe('letter_sent')
    const letters = (await dir.get(`/api/v1/measures/${id}/letters`)).json().items
    expect(letters[0].sent).toMatchObject([{ channel: 'email', on: today }])
  })
})

describe('a po verwijdering: hearings before the board decides', () => {
  it('the decision is refused naming WPO art. 40 lid 11 until the groepsleraar and the parents are heard; the hearings are listed with the measure', async () => {
    const dir = as['directeur@branding.demo']!
    const board = as['bestuur@kompas.demo']!
    const created = await json(dir, 'POST', '/api/v1/measures', {
      kind: 'verwijdering', studentId: pupil2, reasons: 'Herhaalde ernstige bedreigingen; schorsingen hebben niet geholpen.',
      skipJustification: 'Na een wapenincident is terugkeer in de groep niet verantwoord.',
    })
    expect(created.status).toBe(201)
    const { id } = created.json()
    const hearings = `/api/v1/measures/${id}/hearings`
    expect((await dir.get(hearings)).json().required.map((r: { party: string }) => r.party)).toEqual(['groepsleraar', 'ouders'])
    const bad = await json(dir, 'POST', hearings, { party: 'inspectie_overleg', heardOn: today, summary: 'Overleg met de inspecteur.' })
    expect(bad.status).toBe(400)
    expect((await json(dir, 'POST', hearings, { party: 'groepsleraar', heardOn: today, summary: 'De groepsleraar beschrijft de incidenten sinds september.' })).status).toBe(201)
    const early = await json(dir, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'hearings_recorded' })
    expect(early.status).toBe(409)
    expect(early.json().errors[0].message).toMatch(/de ouders \(WPO art\. 40 lid 11/)
    expect((await json(as['bestuur@horizon.demo']!, 'POST', hearings, { party: 'ouders', heardOn: today, summary: 'De ouders begrijpen de zorg.' })).status).toBe(404)
    expect((await json(dir, 'POST', hearings, { party: 'ouders', heardOn: today, summary: 'De ouders begrijpen de zorg en vragen hulp.' })).status).toBe(201)
    expect((await json(dir, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'hearings_recorded' })).status).toBe(200)
    expect((await json(board, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'decided' })).status).toBe(200)
    const detail = (await board.get(`/api/v1/measures/${id}`)).json()
    expect(detail.hearings).toMatchObject({ complete: true, hearings: [{ party: 'groepsleraar' }, { party: 'ouders' }] })
  })
})

describe('opening a case is logged', () => {
  it('the bestuurder’s GET of a school’s case leaves an access-log row with the reason "toezicht bevoegd gezag"', async () => {
    const board = as['bestuur@kompas.demo']!
    const [one] = (await board.get('/api/v1/measures?kind=schorsing')).json().items
    expect((await board.get(`/api/v1/measures/${one.id}`)).status).toBe(200)
    const log = await as['privacy@kompas.demo']!.get('/api/v1/access-log?subjectType=measure&role=bestuurder&pageSize=100')
    expect(log.status).toBe(200)
    const rows = log.json().items.filter((r: { subjectId: string }) => r.subjectId === one.id)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows[0]).toMatchObject({ reason: 'toezicht bevoegd gezag', studentId: one.studentId })
  })
})

describe('who sees what', () => {
  it('Horizon’s bestuurder and directeur see nothing of Kompas; ids answer 404', async () => {
    const kompas = (await as['bestuur@kompas.demo']!.get('/api/v1/measures')).json().items
    expect(kompas.length).toBeGreaterThan(0)
    const horizonBoard = (await as['bestuur@horizon.demo']!.get('/api/v1/measures')).json().items
    expect(horizonBoard.some((m: { id: string }) => kompas.some((k: { id: string }) => k.id === m.id))).toBe(false)
    expect((await as['bestuur@horizon.demo']!.get(`/api/v1/measures/${kompas[0].id}`)).status).toBe(404)
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/measures/${kompas[0].id}`)).status).toBe(404)
    expect((await json(as['bestuur@horizon.demo']!, 'POST', `/api/v1/measures/${kompas[0].id}/transitions`, { to: 'approved' })).status).toBe(404)
  })

  it('roles without measures get 403; a leerkracht may not propose a schorsing', async () => {
    expect((await as['privacy@kompas.demo']!.get('/api/v1/measures')).status).toBe(403)
    expect((await as['politie@wijkteam.demo']!.get('/api/v1/measures')).status).toBe(403)
    const res = await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/measures', { kind: 'schorsing', studentId: pupil, reasons: 'Gooide met stoelen in de klas.', schoolDays: 1 })
    expect(res.status).toBe(403)
  })
})

describe('a schorsing pending removal', () => {
  it('is proposed for the open verwijdering of the same pupil and shown at both ends; other ids are refused', async () => {
    const dir = new Client(server.baseUrl)
    await dir.login('directeur@lyceum.demo', { membership: (m) => m.organisationName === 'Kompas Lyceum' })
    const [removal] = (await dir.get('/api/v1/measures?kind=verwijdering&state=searching')).json().items
    expect(removal).toBeTruthy()
    const before = (await dir.get(`/api/v1/measures/${removal.id}`)).json()
    // The seeded schorsing pending this removal, in effect now.
    const [pending] = (await dir.get('/api/v1/measures?kind=schorsing&state=in_effect')).json().items.filter((m: { pendingRemovalId: string | null }) => m.pendingRemovalId === removal.id)
    expect(pending.startsOn <= today).toBe(true)
    expect(before.schorsingenPending).toEqual([expect.objectContaining({ id: pending.id, state: 'in_effect', running: true, startsOn: pending.startsOn })])
    // A new one must neither overlap the running one nor directly follow it: a school day between.
    const laterStart = lyceumCalendar.addSchoolDays(lyceumCalendar.nextSchoolDay(pending.endsOn > today ? pending.endsOn : today), 2)
    const body = { kind: 'schorsing', studentId: removal.studentId, reasons: 'Bedreigde een medeleerling tijdens de pauze.', startsOn: laterStart, schoolDays: 2, pendingRemovalId: removal.id }
    const created = await json(dir, 'POST', '/api/v1/measures', body)
    expect(created.status, created.text).toBe(201)
    const { id } = created.json()
    const detail = (await dir.get(`/api/v1/measures/${id}`)).json()
    expect(detail).toMatchObject({ pendingRemovalId: removal.id, pendingRemoval: { id: removal.id, state: 'searching', open: true } })
    const after = (await dir.get(`/api/v1/measures/${removal.id}`)).json()
    expect(after.schorsingenPending.map((s: { id: string }) => s.id)).toContain(id)
    expect((await dir.get(`/api/v1/measures?pendingRemovalId=${removal.id}`)).json().items.map((m: { id: string }) => m.id)).toContain(id)
    // Another pupil's verwijdering: 400; a time-out instead of a schorsing: 400; another school: 404.
    const other = await json(dir, 'POST', '/api/v1/measures', { ...body, studentId: (await dir.get('/api/v1/students?pageSize=200')).json().items.find((p: { id: string }) => p.id !== removal.studentId).id })
    expect(other.status).toBe(400)
    expect(other.json().errors[0]).toMatchObject({ path: 'pendingRemovalId', message: 'Deze verwijdering gaat over een andere leerling.' })
    expect((await json(dir, 'POST', '/api/v1/measures', { ...body, kind: 'time_out', schoolDays: 1 })).status).toBe(400)
    const elsewhere = await json(as['directeur@branding.demo']!, 'POST', '/api/v1/measures', { ...body, studentId: pupil2 })
    expect(elsewhere.status).toBe(404)
    expect(elsewhere.json().errors[0]).toMatchObject({ path: 'pendingRemovalId', message: 'Verwijdering niet gevonden.' })
  })
})
