// One access-log row per record per request (ADR 040), through the real server: a page view or an
// API read of a record adds exactly one row to the log, naming every pupil the record concerns,
// however many use cases of the page's loader open it; lists add none; the yearly overview and its
// export add one row naming the pupils they list. Each pupil still finds the look: the
// privacyfunctionaris' search by pupil, the pupil's AVG export and the parents' portal.
//
// Rows are counted in the database through the privacyfunctionaris' log API (its total is a count
// over the stichting's rows), before and after each request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogRow } from './support/access-log-row.ts'
import { Client } from './support/client.ts'
import { previousSchoolYear } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

const ACCOUNTS = ['directeur@branding.demo', 'ib@branding.demo', 'privacy@kompas.demo', 'ouder@branding.demo'] as const
type Email = (typeof ACCOUNTS)[number]


let server: RunningServer
const as = {} as Record<Email, Client>
const userId = {} as Record<Email, string>
let incident: { id: string; pupils: string[] }
let measure: { id: string; studentId: string }
let schoolId: string

async function logPage(query: string): Promise<{ items: LogRow[]; total: number }> {
  const res = await as['privacy@kompas.demo'].get(`/api/v1/access-log?pageSize=200${query ? `&${query}` : ''}`)
  expect(res.status).toBe(200)
  return res.json()
}

/** The rows one request adds (and the log's count before and after it). */
async function rowsOf(email: Email, path: string, init?: { headers?: Record<string, string> }): Promise<{ status: number; rows: LogRow[]; added: number }> {
  const before = await logPage('pageSize=1')
  const res = await as[email].request('GET', path, init)
  const after = await logPage('')
  const lastId = before.items[0]?.id ?? 0
  return { status: res.status, rows: after.items.filter((r) => r.id > lastId), added: after.total - before.total }
}

const sorted = (ids: readonly string[]) => [...new Set(ids)].sort()

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    const c = new Client(server.baseUrl)
    await c.login(email)
    as[email] = c
    userId[email] = (await c.get('/api/v1/me')).json().user.id
  }
  schoolId = (await as['directeur@branding.demo'].get('/api/v1/me')).json().organisation.id
  const list = (await as['ib@branding.demo'].get('/api/v1/incidents?status=submitted&pageSize=100')).json().items as { id: string; confidential: boolean; pupils: { studentId: string }[] }[]
  const most = list.filter((i) => !i.confidential).sort((a, b) => sorted(b.pupils.map((p) => p.studentId)).length - sorted(a.pupils.map((p) => p.studentId)).length)[0]!
  incident = { id: most.id, pupils: sorted(most.pupils.map((p) => p.studentId)) }
  measure = (await as['directeur@branding.demo'].get('/api/v1/measures?pageSize=50')).json().items[0]
  // The incident concerns several pupils: the case the old log wrote one row per pupil for.
  expect(incident.pupils.length).toBeGreaterThanOrEqual(2)
  expect(measure).toBeTruthy()
}, 180_000)
afterAll(() => server?.stop())

describe('one row per record per request', () => {
  it.each(['directeur@branding.demo', 'ib@branding.demo'] as const)('%s: the incident page, its API read and its edit form each add one row naming every pupil', async (email) => {
    for (const path of [`/incidenten/${incident.id}`, `/api/v1/incidents/${incident.id}`, `/incidenten/${incident.id}/bewerken`]) {
      const { status, rows, added } = await rowsOf(email, path)
      expect(status).toBe(200)
      expect(added).toBe(1)
      expect(rows).toEqual([
        expect.objectContaining({ userId: userId[email], action: 'read', subjectType: 'incident', subjectId: incident.id, studentIds: incident.pupils, studentId: null, breakGlass: false }),
      ])
    }
  })

  it('one pupil’s view of the incident adds one row naming that pupil only', async () => {
    const pupil = incident.pupils[0]!
    const { rows, added } = await rowsOf('directeur@branding.demo', `/incidenten/${incident.id}/leerling/${pupil}`)
    expect(added).toBe(1)
    expect(rows[0]).toMatchObject({ subjectType: 'incident', subjectId: incident.id, studentIds: [pupil], studentId: pupil })
  })

  it.each(['directeur@branding.demo', 'ib@branding.demo'] as const)('%s: the measure page, the dossier page and their API reads add one row each', async (email) => {
    for (const [path, subjectType, subjectId, pupil] of [
      [`/maatregelen/${measure.id}`, 'measure', measure.id, measure.studentId],
      [`/api/v1/measures/${measure.id}`, 'measure', measure.id, measure.studentId],
      [`/leerlingen/${incident.pupils[0]}`, 'student', incident.pupils[0], incident.pupils[0]],
      [`/api/v1/students/${incident.pupils[0]}/dossier`, 'student', incident.pupils[0], incident.pupils[0]],
    ] as const) {
      const { status, rows, added } = await rowsOf(email, path)
      expect(status).toBe(200)
      expect(added).toBe(1)
      expect(rows).toEqual([expect.objectContaining({ userId: userId[email], action: 'read', subjectType, subjectId, studentIds: [pupil] })])
    }
  })

  it('lists add no row', async () => {
    for (const path of ['/incidenten', '/leerlingen', '/maatregelen', '/api/v1/incidents?pageSize=50', '/api/v1/students?pageSize=50']) {
      const { status, added } = await rowsOf('ib@branding.demo', path)
      expect(status).toBe(200)
      expect(added).toBe(0)
    }
  })

  it('a break-glass opening adds the reason and the read: one row each, both naming every pupil', async () => {
    const confidential = ((await as['directeur@branding.demo'].get('/api/v1/incidents?status=submitted&pageSize=100')).json().items as { id: string; confidential: boolean; pupils: { studentId: string }[] }[]).find(
      (i) => i.confidential,
    )!
    const reason = 'Gesprek met de ouders voorbereiden'
    const { status, rows, added } = await rowsOf('directeur@branding.demo', `/api/v1/incidents/${confidential.id}`, { headers: { 'X-Access-Reason': encodeURIComponent(reason) } })
    expect(status).toBe(200)
    expect(added).toBe(2)
    const pupils = sorted(confidential.pupils.map((p) => p.studentId))
    expect(rows.map((r) => [r.action, r.reason, r.breakGlass, r.studentIds]).sort()).toEqual([
      ['break_glass', reason, true, pupils],
      ['read', reason, true, pupils],
    ])
  })
})

describe('the yearly overview is logged', () => {
  it('viewing it (page and API) adds one row naming every pupil it lists; exporting it adds one export row', async () => {
    // Last schooljaar: a whole year of demo incidents, whatever day the test runs.
    const year = previousSchoolYear()
    const json = await as['directeur@branding.demo'].get(`/api/v1/schools/${schoolId}/overview?schooljaar=${year}`)
    expect(json.status).toBe(200)
    const listed = sorted((json.json().rows as { studentId: string }[]).map((r) => r.studentId))
    expect(listed.length).toBeGreaterThan(0)

    const page = await rowsOf('ib@branding.demo', `/overzicht?schooljaar=${year}`)
    expect(page.status).toBe(200)
    expect(page.added).toBe(1)
    expect(page.rows[0]).toMatchObject({ action: 'read', subjectType: 'overview', subjectId: schoolId, studentIds: listed, reason: `Jaaroverzicht ${year}` })

    const api = await rowsOf('directeur@branding.demo', `/api/v1/schools/${schoolId}/overview?schooljaar=${year}`)
    expect(api.added).toBe(1)
    expect(api.rows[0]).toMatchObject({ action: 'read', subjectType: 'overview', studentIds: listed })

    const csv = await rowsOf('directeur@branding.demo', `/api/v1/schools/${schoolId}/overview?schooljaar=${year}&format=csv`)
    expect(csv.status).toBe(200)
    expect(csv.added).toBe(1)
    expect(csv.rows[0]).toMatchObject({ action: 'export', subjectType: 'overview', studentIds: listed, reason: `Jaaroverzicht ${year} (CSV)` })
    const xlsx = await rowsOf('directeur@branding.demo', `/overzicht/export?schooljaar=${year}&format=xlsx`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.added).toBe(1)
    expect(xlsx.rows[0]).toMatchObject({ action: 'export', subjectType: 'overview', studentIds: listed, reason: `Jaaroverzicht ${year} (XLSX)` })

    // A refused export (another school's id) logs nothing.
    const foreign = await rowsOf('directeur@branding.demo', `/api/v1/schools/${incident.id}/overview?schooljaar=${year}&format=csv`)
    expect(foreign.status).toBe(404)
    expect(foreign.added).toBe(0)
  })
})

describe('every pupil of a merged row still finds the look', () => {
  it('the privacyfunctionaris’ search by pupil finds the one incident row for each of its pupils', async () => {
    const { rows } = await rowsOf('ib@branding.demo', `/api/v1/incidents/${incident.id}`)
    const row = rows[0]!
    for (const pupil of incident.pupils) {
      const found = await logPage(`studentId=${pupil}&subjectType=incident&role=intern_begeleider`)
      expect(found.items.map((r) => r.id)).toContain(row.id)
      expect(found.items.every((r) => r.studentIds.includes(pupil))).toBe(true)
    }
  })

  it('the AVG export of each pupil lists the read of the incident', async () => {
    const { rows } = await rowsOf('ib@branding.demo', `/incidenten/${incident.id}`)
    expect(rows).toHaveLength(1)
    for (const pupil of incident.pupils) {
      const exported = await as['directeur@branding.demo'].get(`/api/v1/students/${pupil}/export`)
      expect(exported.status).toBe(200)
      const history = exported.json().accessHistory as { userName: string; action: string; subjectType: string }[]
      expect(history.some((h) => h.userName === 'Sanne Kuipers' && h.action === 'read' && h.subjectType === 'incident')).toBe(true)
    }
  })

  it('the parents’ portal counts a look at an incident about their child as one view of the school', async () => {
    const parent = as['ouder@branding.demo']
    const child = (await parent.get('/api/v1/portal')).json().children[0].id as string
    const views = async () => {
      const res = await parent.get(`/api/v1/portal/students/${child}/shares`)
      expect(res.status).toBe(200)
      return (res.json().viewers as { kind: string; views: number }[]).filter((v) => v.kind === 'school').reduce((n, v) => n + v.views, 0)
    }
    const before = await views()
    // An incident about the child and at least one other pupil: one look, one view.
    const list = (await as['ib@branding.demo'].get('/api/v1/incidents?status=submitted&pageSize=200')).json().items as { id: string; confidential: boolean; pupils: { studentId: string }[] }[]
    const shared = list.find((i) => !i.confidential && i.pupils.some((p) => p.studentId === child))
    const path = shared ? `/api/v1/incidents/${shared.id}` : `/api/v1/students/${child}/dossier`
    expect((await as['ib@branding.demo'].get(path)).status).toBe(200)
    expect(await views()).toBe(before + 1)
  })
})
