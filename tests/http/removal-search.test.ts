// The search for another school during a verwijdering, through the real server: it starts with the
// decision, so an attempt dated before the decision, or in the future, is refused (API and page); the
// mbo term of eight weeks of documented search runs from the decision, not from the earliest attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { ddmmyyyy, dutchToday, localDate, plusDays } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['directeur@lyceum.demo', 'directeur@vakcollege.demo', 'bestuur@kompas.demo']
const today = dutchToday()
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
/** 2026-10-30 → '30 oktober 2026', as refusals name a day. */
const longDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T12:00:00Z`))
const attempt = (contactedOn: string, result = 'geen plaats') => ({ contactedOn, schoolName: 'Scholengemeenschap De Vaart', result })
/** The Dutch day of the decision step in a measure's history. */
const decisionDay = (detail: { transitions: { to: string; at: string }[] }) => localDate(new Date(detail.transitions.find((t) => t.to === 'decided')!.at))

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email, email === 'directeur@lyceum.demo' ? { membership: (m) => m.organisationName === 'Kompas Lyceum' } : {})
  }
})
afterAll(() => server?.stop())

describe('vo: the demo verwijdering in search', () => {
  it('refuses an attempt dated before the decision or in the future (400, API and page), and takes one on the day of the decision', async () => {
    const dir = as['directeur@lyceum.demo']!
    const [removal] = (await dir.get('/api/v1/measures?kind=verwijdering&state=searching')).json().items
    expect(removal).toBeTruthy()
    const path = `/api/v1/measures/${removal.id}/search-attempts`
    const decided = decisionDay((await dir.get(`/api/v1/measures/${removal.id}`)).json())
    expect(decided < today).toBe(true)
    const count = async () => (await dir.get(path)).json().items.length
    const before = await count()

    const early = await json(dir, 'POST', path, attempt(plusDays(decided, -1)))
    expect(early.status, early.text).toBe(400)
    expect(early.json().errors[0]).toMatchObject({ path: 'contactedOn', message: expect.stringContaining(`vóór het besluit tot verwijdering (${longDate(decided)})`) })
    const future = await json(dir, 'POST', path, attempt(plusDays(today, 1)))
    expect(future.status).toBe(400)
    expect(future.json().errors[0]).toMatchObject({ path: 'contactedOn', message: expect.stringMatching(/toekomst/) })
    expect(await count()).toBe(before)

    // The page's form: the same refusal as a form error; the date field starts at the decision.
    const page = await dir.get(`/maatregelen/${removal.id}`)
    expect(page.text).toContain(`min="${decided}"`)
    const posted = await dir.post(`/maatregelen/${removal.id}`, { intent: 'search-attempt', ...attempt(plusDays(decided, -3)) })
    expect(posted.status).toBe(400)
    expect(posted.text).toContain('vóór het besluit tot verwijdering')
    expect(await count()).toBe(before)

    const onTheDay = await json(dir, 'POST', path, attempt(decided))
    expect(onTheDay.status, onTheDay.text).toBe(201)
    expect(await count()).toBe(before + 1)
  })
})

describe('mbo: eight weeks of documented search, counted from the decision', () => {
  it('a verwijdering decided today is not definitive today, whatever the attempts say; an attempt of two months ago is refused', async () => {
    const dir = as['directeur@vakcollege.demo']!
    const board = as['bestuur@kompas.demo']!
    const pupils = (await dir.get('/api/v1/students?pageSize=200')).json().items as { id: string }[]
    const taken = new Set((await dir.get('/api/v1/measures')).json().items.map((m: { studentId: string }) => m.studentId))
    const pupil = pupils.find((p) => !taken.has(p.id))!
    const created = await json(dir, 'POST', '/api/v1/measures', {
      kind: 'verwijdering',
      studentId: pupil.id,
      reasons: 'Herhaalde bedreigingen van docenten; eerdere maatregelen hielpen niet.',
      skipJustification: 'Na de bedreiging met een mes is terugkeer in de klas niet verantwoord.',
    })
    expect(created.status, created.text).toBe(201)
    const { id } = created.json()
    const required = (await dir.get(`/api/v1/measures/${id}/hearings`)).json().required as { party: string }[]
    for (const { party } of required) {
      expect((await json(dir, 'POST', `/api/v1/measures/${id}/hearings`, { party, heardOn: today, summary: 'Gehoord over het voorgenomen besluit.' })).status).toBe(201)
    }
    expect((await json(dir, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'hearings_recorded' })).status).toBe(200)
    expect((await json(board, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'decided' })).status).toBe(200)
    expect((await json(dir, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'searching' })).status).toBe(200)
    const decided = decisionDay((await dir.get(`/api/v1/measures/${id}`)).json())
    expect(decided).toBe(today)

    const path = `/api/v1/measures/${id}/search-attempts`
    const old = await json(dir, 'POST', path, attempt(plusDays(today, -60)))
    expect(old.status, old.text).toBe(400)
    expect(old.json().errors[0].message).toContain(`vóór het besluit tot verwijdering (${longDate(today)})`)
    expect((await json(dir, 'POST', path, attempt(today))).status).toBe(201)

    const early = await json(board, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'definitive' })
    expect(early.status, early.text).toBe(409)
    const message = early.json().errors[0].message as string
    expect(message).toContain('8 weken')
    expect(message).toContain(`gerekend vanaf het besluit tot verwijdering op ${longDate(today)}`)
    expect(message).toContain(`kan vanaf ${longDate(plusDays(today, 56))}`)
    expect(message).toMatch(/WEB art\. 8\.1\.7d/)
    expect((await dir.get(`/api/v1/measures/${id}`)).json().state).toBe('searching')

    // The page says from when the term runs.
    const page = await dir.get(`/maatregelen/${id}`)
    expect(page.text).toContain(`De termijn loopt vanaf het besluit tot verwijdering op ${ddmmyyyy(today)}`)
  })
})
