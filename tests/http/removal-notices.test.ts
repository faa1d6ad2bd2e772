// The notices a verwijdering asks (rule verwijdering.inspectie), through the real server: in po the
// Inspectie and the leerplichtambtenaar are told of the decision to remove, in vo the Inspectie after
// the removal became definitive, in mbo nobody. Each is a task with a ready-to-submit summary, on the
// measure (API and page) and among the board's deadlines at risk until done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { ddmmyyyy, dutchToday, localDate } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['directeur@branding.demo', 'directeur@lyceum.demo', 'directeur@vakcollege.demo', 'bestuur@kompas.demo']
const today = dutchToday()
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
const NOTICE_KINDS = ['inspectie_verwijdering', 'leerplicht_verwijdering']
type Task = { id: string; kind: string; title: string; summary: string | null; dueOn: string; doneAt: string | null }
const noticesOf = (detail: { tasks: Task[] }) => detail.tasks.filter((t) => NOTICE_KINDS.includes(t.kind))

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email, email === 'directeur@lyceum.demo' ? { membership: (m) => m.organisationName === 'Kompas Lyceum' } : {})
  }
})
afterAll(() => server?.stop())

/** A verwijdering of a pupil of the caller's school without other measures, heard and decided by the board. */
async function decideRemoval(dir: Client, reasons: string) {
  const board = as['bestuur@kompas.demo']!
  const pupils = (await dir.get('/api/v1/students?pageSize=200')).json().items as { id: string; dateOfBirth?: string }[]
  const taken = new Set((await dir.get('/api/v1/measures')).json().items.map((m: { studentId: string }) => m.studentId))
  const pupil = pupils.find((p) => !taken.has(p.id))!
  const created = await json(dir, 'POST', '/api/v1/measures', {
    kind: 'verwijdering',
    studentId: pupil.id,
    reasons,
    skipJustification: 'Na een wapenincident is terugkeer in de groep niet verantwoord.',
  })
  expect(created.status, created.text).toBe(201)
  const { id } = created.json()
  const required = (await dir.get(`/api/v1/measures/${id}/hearings`)).json().required as { party: string }[]
  for (const { party } of required) {
    expect((await json(dir, 'POST', `/api/v1/measures/${id}/hearings`, { party, heardOn: today, summary: 'Gehoord over het voorgenomen besluit.' })).status).toBe(201)
  }
  expect((await json(dir, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'hearings_recorded' })).status).toBe(200)
  expect(noticesOf((await dir.get(`/api/v1/measures/${id}`)).json())).toEqual([])
  const decided = await json(board, 'POST', `/api/v1/measures/${id}/transitions`, { to: 'decided' })
  expect(decided.status, decided.text).toBe(200)
  return id as string
}

describe('po: the decision to remove is told to the Inspectie and the leerplichtambtenaar', () => {
  it('creates both tasks with a ready-to-submit summary, due on the day of the decision, on the API, the page and the board’s deadlines', async () => {
    const dir = as['directeur@branding.demo']!
    const board = as['bestuur@kompas.demo']!
    const reasons = 'Herhaalde ernstige bedreigingen van medeleerlingen; schorsingen hebben niet geholpen.'
    const id = await decideRemoval(dir, reasons)
    const detail = (await dir.get(`/api/v1/measures/${id}`)).json()
    const notices = noticesOf(detail)
    expect(notices.map((t) => t.kind).sort()).toEqual(['inspectie_verwijdering', 'leerplicht_verwijdering'])
    const student = (await dir.get(`/api/v1/students/${detail.studentId}`)).json()
    for (const t of notices) {
      expect(t.title).toContain('WPO art. 40')
      expect(t.dueOn).toBe(today)
      expect(t.doneAt).toBeNull()
      const summary = t.summary!
      expect(summary).toContain('School: OBS De Branding (BRIN ')
      expect(summary).toContain(`Leerling: ${detail.studentName}, geboren ${student.dateOfBirth}`)
      expect(summary).toContain(`Besluit tot verwijdering genomen op ${today} door het bevoegd gezag.`)
      expect(summary).toContain(`Gronden: ${reasons}`)
      expect(summary).toMatch(/Zoeken naar een andere school/)
    }
    expect(notices.find((t) => t.kind === 'inspectie_verwijdering')!.title).toMatch(/^Besluit tot verwijdering melden bij de Inspectie van het Onderwijs/)
    expect(notices.find((t) => t.kind === 'leerplicht_verwijdering')!.title).toMatch(/^Besluit tot verwijdering melden bij de leerplichtambtenaar/)

    // The measure page shows the tasks and the text to submit.
    const page = await dir.get(`/maatregelen/${id}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Besluit tot verwijdering melden bij de Inspectie van het Onderwijs')
    expect(page.text).toContain('Besluit tot verwijdering melden bij de leerplichtambtenaar')
    expect(page.text).toContain(`Gronden: ${reasons}`)

    // The board's oversight: both among the deadlines at risk until filed (API and page).
    const stichtingId = (await board.get('/api/v1/me')).json().organisation.id
    const o = (await board.get(`/api/v1/stichtingen/${stichtingId}/oversight`)).json()
    const atRisk = o.deadlines.inspectie.filter((x: { measureId: string }) => x.measureId === id)
    expect(atRisk.map((x: { kind: string }) => x.kind).sort()).toEqual(['inspectie_verwijdering', 'leerplicht_verwijdering'])
    expect(atRisk.every((x: { overdue: boolean; dueOn: string }) => x.dueOn === today && x.overdue === false)).toBe(true)
    const bestuur = await board.get('/bestuur')
    expect(bestuur.text).toContain('Nog niet gedaan: Besluit tot verwijdering melden bij de leerplichtambtenaar')
    expect(bestuur.text).toContain(ddmmyyyy(today))

    // Once done (the page's form, no Inspectie reference needed), it leaves the deadlines.
    const leerplicht = notices.find((t) => t.kind === 'leerplicht_verwijdering')!
    const done = await dir.post(`/maatregelen/${id}`, { intent: 'complete-task', taskId: leerplicht.id, note: 'Per mail aan leerplicht gestuurd.' })
    expect(done.status, done.text).toBeLessThan(400)
    const after = (await board.get(`/api/v1/stichtingen/${stichtingId}/oversight`)).json()
    expect(after.deadlines.inspectie.filter((x: { measureId: string }) => x.measureId === id).map((x: { kind: string }) => x.kind)).toEqual(['inspectie_verwijdering'])
  })
})

describe('vo: the Inspectie is told after the removal became definitive', () => {
  it('no notice at the decision; a melding-achteraf task once another school admits the pupil and the board makes it definitive', async () => {
    const dir = as['directeur@lyceum.demo']!
    const board = as['bestuur@kompas.demo']!
    const [removal] = (await dir.get('/api/v1/measures?kind=verwijdering&state=searching')).json().items
    expect(removal).toBeTruthy()
    const before = (await dir.get(`/api/v1/measures/${removal.id}`)).json()
    expect(noticesOf(before)).toEqual([])
    const decidedOn = localDate(new Date(before.transitions.find((t: { to: string }) => t.to === 'decided').at))
    const admitted = await json(dir, 'POST', `/api/v1/measures/${removal.id}/search-attempts`, { contactedOn: today, schoolName: 'Duinzicht College', result: 'toegelaten' })
    expect(admitted.status, admitted.text).toBe(201)
    const definitive = await json(board, 'POST', `/api/v1/measures/${removal.id}/transitions`, { to: 'definitive' })
    expect(definitive.status, definitive.text).toBe(200)
    const detail = (await dir.get(`/api/v1/measures/${removal.id}`)).json()
    const notices = noticesOf(detail)
    expect(notices.map((t) => t.kind)).toEqual(['inspectie_verwijdering'])
    const [t] = notices
    expect(t!.title).toMatch(/^Definitieve verwijdering melden bij de Inspectie van het Onderwijs \(WVO 2020 art\. 8\.15/)
    expect(t!.dueOn).toBe(today)
    expect(t!.summary).toContain('School: Kompas Lyceum (BRIN ')
    expect(t!.summary).toContain(`Besluit tot verwijdering genomen op ${decidedOn} door het bevoegd gezag.`)
    expect(t!.summary).toContain(`Definitief verwijderd op ${today}.`)
    expect(t!.summary).toContain(`- ${today}: Duinzicht College — toegelaten`)
    expect(t!.summary).toContain('Scholengemeenschap De Vaart — geen plaats')
    const page = await dir.get(`/maatregelen/${removal.id}`)
    expect(page.text).toContain('Definitieve verwijdering melden bij de Inspectie van het Onderwijs')
  })
})

describe('mbo: no notice to the Inspectie or the leerplichtambtenaar', () => {
  it('a decided verwijdering has no notice task', async () => {
    const id = await decideRemoval(as['directeur@vakcollege.demo']!, 'Herhaalde bedreigingen van docenten; eerdere maatregelen hielpen niet.')
    expect(noticesOf((await as['directeur@vakcollege.demo']!.get(`/api/v1/measures/${id}`)).json())).toEqual([])
  })
})
