// The maximum of one week per schorsing, and no extension by a second decision, through the real
// server: a schorsing that overlaps another of the same pupil is refused outright, at the proposal and
// again at the decision; one that starts on the next school day after another is refused unless it
// rests on a new incident that happened after the earlier decision; one school day back at school in
// between makes it a new schorsing. The proposal form shows the pupil's schorsingen of the schooljaar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { ddmmyyyy, demoDates, dutchToday, plusDays, schoolYearOfDate } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['directeur@branding.demo', 'directeur@lyceum.demo', 'bestuur@kompas.demo', 'beheer@kompas.demo']
const today = dutchToday()
const branding = demoDates().calendar('noord', 'branding')
const lyceum = demoDates().calendar('noord', 'lyceum')
const JUSTIFY = 'De veiligheid van de medeleerlingen vraagt direct een schorsing.'
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
const schorsing = (studentId: string, startsOn: string, schoolDays: number, extra: Record<string, unknown> = {}) => ({
  kind: 'schorsing',
  studentId,
  reasons: 'Bedreigde een medeleerling met een schaar tijdens de les.',
  startsOn,
  schoolDays,
  skipJustification: JUSTIFY,
  ...extra,
})
/** Pupils of the caller's school without any measure yet. */
async function freePupils(c: Client): Promise<string[]> {
  const pupils = (await c.get('/api/v1/students?pageSize=200')).json().items as { id: string }[]
  const taken = new Set((await c.get('/api/v1/measures')).json().items.map((m: { studentId: string }) => m.studentId))
  return pupils.map((p) => p.id).filter((id) => !taken.has(id))
}
let free: string[] = []
/** 2026-10-30 → '30 oktober 2026', as refusals name a day. */
const longDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T12:00:00Z`))
// The first school day at least two school days ahead, on De Branding's calendar.
const base = branding.addSchoolDays(branding.nextSchoolDay(today), 2)

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email, email === 'directeur@lyceum.demo' ? { membership: (m) => m.organisationName === 'Kompas Lyceum' } : {})
  }
  free = await freePupils(as['directeur@branding.demo']!)
  expect(free.length).toBeGreaterThanOrEqual(3)
})
afterAll(() => server?.stop())

describe('a schorsing that overlaps another of the same pupil', () => {
  it('is refused at the proposal, naming the maximum and its source, also when it only shares the first or the last day', async () => {
    const dir = as['directeur@branding.demo']!
    const pupil = free[0]!
    const first = await json(dir, 'POST', '/api/v1/measures', schorsing(pupil, base, 3))
    expect(first.status, first.text).toBe(201)
    const end = branding.addSchoolDays(base, 3)
    // Inside, sharing the last day, and sharing the first day (starting earlier).
    const before = [...Array(10).keys()].map((n) => plusDays(base, -n - 1)).find((d) => d > today && branding.isSchoolDay(d))
    const cases: [string, number][] = [[branding.nextSchoolDay(base), 1], [end, 2], ...(before ? ([[before, 2]] as [string, number][]) : [])]
    for (const [startsOn, days] of cases) {
      const res = await json(dir, 'POST', '/api/v1/measures', schorsing(pupil, startsOn, days))
      expect(res.status, `${startsOn} ${days}: ${res.text}`).toBe(400)
      const [error] = res.json().errors
      expect(error.path).toBe('startsOn')
      expect(error.message).toMatch(/overlapt met een andere schorsing van deze leerling/)
      expect(error.message).toContain(`${longDate(base)} t/m ${longDate(end)}`)
      expect(error.message).toMatch(/ten hoogste één week: 5 schooldagen \(WPO art\. 40c lid 1\)/)
      expect(error.message).toMatch(/niet worden verlengd/)
    }
    // Nothing was saved: the pupil still has the one schorsing.
    const mine = (await dir.get(`/api/v1/measures?studentId=${pupil}&kind=schorsing`)).json().items
    expect(mine).toHaveLength(1)
  })
})

describe('a schorsing that directly follows another', () => {
  it('is refused without a new incident, also with an incident from before the earlier decision; with one school day between it is a new schorsing', async () => {
    const dir = as['directeur@branding.demo']!
    const board = as['bestuur@kompas.demo']!
    const pupil = free[1]!
    const first = await json(dir, 'POST', '/api/v1/measures', schorsing(pupil, base, 2))
    expect(first.status, first.text).toBe(201)
    expect((await json(board, 'POST', `/api/v1/measures/${first.json().id}/transitions`, { to: 'approved' })).status).toBe(200)
    const end = branding.nextSchoolDay(base)
    const next = branding.nextSchoolDay(end)
    const follow = await json(dir, 'POST', '/api/v1/measures', schorsing(pupil, next, 3))
    expect(follow.status, follow.text).toBe(400)
    const [error] = follow.json().errors
    expect(error.path).toBe('startsOn')
    expect(error.message).toMatch(/sluit direct aan op een andere schorsing van deze leerling/)
    expect(error.message).toMatch(/samen 5 schooldagen aaneen/)
    expect(error.message).toMatch(/WPO art\. 40c lid 1/)
    expect(error.message).toMatch(/verwijdering zonder de waarborgen daarvan \(WPO art\. 40\)/)
    expect(error.message).toMatch(/nieuw incident/)
    // One school day back at school in between: a new decision on its own grounds, accepted.
    const gap = await json(dir, 'POST', '/api/v1/measures', schorsing(pupil, branding.nextSchoolDay(next), 2))
    expect(gap.status, gap.text).toBe(201)
  })

  it('is accepted when it rests on a new incident that happened after the earlier decision (the demo schorsing decided on the last school day)', async () => {
    const dir = as['directeur@branding.demo']!
    // The demo's decided schorsing at De Branding: decided on the last school day, running from the next one.
    const decided = (await dir.get('/api/v1/measures?kind=schorsing&state=approved')).json().items.find((m: { studentId: string }) => !free.includes(m.studentId))
    expect(decided).toBeTruthy()
    const detail = (await dir.get(`/api/v1/measures/${decided.id}`)).json()
    const decidedAt = new Date(detail.decidedAt)
    expect(decidedAt.getTime()).toBeLessThan(Date.now())
    const next = branding.nextSchoolDay(decided.endsOn)
    const incident = async (occurredAt: Date) => {
      const res = await json(dir, 'POST', '/api/v1/incidents', {
        occurredAt: occurredAt.toISOString(),
        locationCode: 21,
        voorval: [3],
        physicalAggression: true,
        physicalForm: 'slaan',
        situation: 'Sloeg een medeleerling op het plein.',
        persons: [{ role: 'dader', kind: 'leerling', studentId: decided.studentId }],
        submit: true,
      })
      expect(res.status, res.text).toBe(201)
      return res.json().id as string
    }
    const old = await incident(new Date(decidedAt.getTime() - 3 * 86_400_000))
    const bare = await json(dir, 'POST', '/api/v1/measures', schorsing(decided.studentId, next, 2))
    expect(bare.status, bare.text).toBe(400)
    expect(bare.json().errors[0].message).toMatch(/sluit direct aan/)
    const withOld = await json(dir, 'POST', '/api/v1/measures', schorsing(decided.studentId, next, 2, { incidentIds: [old] }))
    expect(withOld.status, withOld.text).toBe(400)
    expect(withOld.json().errors[0].message).toMatch(/nieuw incident/)
    const fresh = await incident(new Date(Math.max(decidedAt.getTime() + 60_000, Date.now() - 5 * 60_000)))
    const withNew = await json(dir, 'POST', '/api/v1/measures', schorsing(decided.studentId, next, 2, { incidentIds: [fresh] }))
    expect(withNew.status, withNew.text).toBe(201)
  })
})

describe('the decision checks again', () => {
  it('refuses to decide a schorsing that, after a new study day, directly follows a decided one', async () => {
    const dir = as['directeur@lyceum.demo']!
    const board = as['bestuur@kompas.demo']!
    const beheer = as['beheer@kompas.demo']!
    const [pupil] = await freePupils(dir)
    const start = lyceum.addSchoolDays(lyceum.nextSchoolDay(today), 2)
    const end = lyceum.nextSchoolDay(start)
    const between = lyceum.nextSchoolDay(end)
    const later = lyceum.nextSchoolDay(between)
    const a = await json(dir, 'POST', '/api/v1/measures', schorsing(pupil!, start, 2))
    const b = await json(dir, 'POST', '/api/v1/measures', schorsing(pupil!, later, 2))
    expect([a.status, b.status], b.text).toEqual([201, 201])
    expect((await json(board, 'POST', `/api/v1/measures/${a.json().id}/transitions`, { to: 'approved' })).status).toBe(200)
    // The school day between the two becomes a study day: the pupil is no longer back at school.
    const lyceumId = (await dir.get('/api/v1/me')).json().organisation.id
    const added = await beheer.post('/kalender', {
      intent: 'create', schooljaar: schoolYearOfDate(between), kind: 'studiedag', name: 'Studiedag (aansluiting)', startsOn: between, endsOn: between, scope: `school:${lyceumId}`,
    })
    expect(added.status, added.text.slice(0, 500)).toBe(302)
    const refused = await json(board, 'POST', `/api/v1/measures/${b.json().id}/transitions`, { to: 'approved' })
    expect(refused.status, refused.text).toBe(409)
    expect(refused.json().errors[0]).toMatchObject({ path: 'to', message: expect.stringMatching(/sluit direct aan op een andere schorsing van deze leerling.*WVO 2020 art\. 8\.14/) })
    expect((await dir.get(`/api/v1/measures/${b.json().id}`)).json().state).toBe('proposed')
  })
})

describe('the proposal form', () => {
  it('shows the pupil’s schorsingen of the schooljaar of the start date with their school days and the total', async () => {
    const dir = as['directeur@branding.demo']!
    const pupil = free[1]!
    const items = (await dir.get(`/api/v1/measures?studentId=${pupil}&kind=schorsing`)).json().items as { startsOn: string; endsOn: string; schoolDays: number }[]
    const year = schoolYearOfDate(base)
    const inYear = items.filter((s) => schoolYearOfDate(s.startsOn) === year)
    expect(inYear.length).toBeGreaterThanOrEqual(1)
    const page = await dir.get(`/maatregelen/nieuw?kind=schorsing&studentId=${pupil}&startsOn=${base}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Schorsingen van deze leerling in schooljaar ${year}`)
    for (const s of inYear) expect(page.text).toContain(`${ddmmyyyy(s.startsOn)} t/m ${ddmmyyyy(s.endsOn)} (${s.schoolDays} schooldagen)`)
    expect(page.text).toContain(`Samen ${inYear.reduce((n, s) => n + s.schoolDays, 0)} schooldagen`)
    // A pupil without schorsingen: the form says so.
    const none = await dir.get(`/maatregelen/nieuw?kind=schorsing&studentId=${free[2]!}&startsOn=${base}`)
    expect(none.text).toContain(`Geen schorsingen in schooljaar ${year}`)
  })
})
