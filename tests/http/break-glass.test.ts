// Break-glass cannot be triggered by a link. A reason is recorded only when the user posts it from
// our own origin (the reason form, /toegang/reden) or, on the API, sends it in the X-Access-Reason
// header, which another site cannot make a browser send. A `?reason=` in a link records nothing: the
// pages show the reason form instead of the record, the API answers 400 and names the header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogRow } from './support/access-log-row.ts'
import { Client, type Reply } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

const ACCOUNTS = ['directeur@branding.demo', 'leerkracht@branding.demo', 'leerkracht2@branding.demo', 'vertrouwenspersoon@branding.demo', 'privacy@kompas.demo'] as const
type Email = (typeof ACCOUNTS)[number]

let server: RunningServer
const as = {} as Record<Email, Client>
const userId = {} as Record<Email, string>


async function log(query = ''): Promise<LogRow[]> {
  const res = await as['privacy@kompas.demo'].get(`/api/v1/access-log?pageSize=200${query ? `&${query}` : ''}`)
  expect(res.status).toBe(200)
  return res.json().items
}

/** The highest log id so far: rows a step adds have higher ids (the ids run on in each chain). */
async function lastLogId(): Promise<number> {
  return Math.max(0, ...(await log()).map((r) => r.id))
}

/** The rows the directeur and the leerkracht added after `since`. */
async function rowsSince(since: number): Promise<LogRow[]> {
  const mine = new Set([userId['directeur@branding.demo'], userId['leerkracht@branding.demo']])
  return (await log()).filter((r) => r.id > since && mine.has(r.userId))
}

/** The loader data a page streams to the browser (Remix), where the form's props come from. */
function loaderData(html: string): string {
  return [...html.matchAll(/streamController\.enqueue\(([\s\S]*?)\);<\/script>/g)].map((m) => m[1]).join('')
}

/** A GET as a browser makes it when the user follows a link on another site. */
function followLink(client: Client, path: string): Promise<Reply> {
  return client.request('GET', path, { headers: { referer: 'https://evil.example/mail', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' } })
}

const LINK_REASON = 'Controle door de inspectie, graag direct openen'
const q = `reason=${encodeURIComponent(LINK_REASON)}`
/** Whether a page holds the link's reason in any spelling (plain, URI- or form-encoded). */
function mentionsLinkReason(text: string): boolean {
  const form = new URLSearchParams({ reason: LINK_REASON }).toString().slice('reason='.length)
  return [LINK_REASON, encodeURIComponent(LINK_REASON), form].some((s) => text.includes(s))
}

interface Incident {
  id: string
  situation: string
  pupils: string[]
}
// Two confidential incidents of OBS De Branding nobody has opened with a reason yet: one for the
// pages, one for the API (an API break-glass opens the page for 15 minutes too).
let forPages: Incident
let forApi: Incident
// Two pupils outside the groups leerkracht@branding.demo (groep 6) and leerkracht2@ teach.
let pupilForPages: string
let pupilForApi: string

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    const c = new Client(server.baseUrl)
    await c.login(email)
    as[email] = c
    userId[email] = (await c.get('/api/v1/me')).json().user.id
  }
  const vp = as['vertrouwenspersoon@branding.demo']
  const opened = new Set((await log('breakGlass=1')).map((r) => r.subjectId))
  const list = (await vp.get('/api/v1/incidents?status=submitted&pageSize=200')).json().items as {
    id: string
    confidential: boolean
    reportedById: string
    pupils: { studentId: string }[]
  }[]
  const candidates = list.filter((i) => i.confidential && i.reportedById !== userId['directeur@branding.demo'] && i.pupils.length > 0 && !opened.has(i.id))
  expect(candidates.length).toBeGreaterThanOrEqual(2)
  const full = async (id: string): Promise<Incident> => {
    const got = (await vp.get(`/api/v1/incidents/${id}`)).json()
    return { id, situation: got.situation, pupils: [...new Set(candidates.find((c) => c.id === id)!.pupils.map((p) => p.studentId))] }
  }
  forPages = await full(candidates[0]!.id)
  forApi = await full(candidates[1]!.id)
  expect(forPages.situation.length).toBeGreaterThan(20)

  const pupils = (await as['leerkracht@branding.demo'].get('/api/v1/students?pageSize=200')).json().items as { id: string; groupName: string | null }[]
  const others: string[] = []
  for (const p of pupils.filter((p) => p.groupName !== 'groep 6' && !opened.has(p.id))) {
    // Refused without a reason (403): outside leerkracht2's groups too. A refusal logs nothing.
    if ((await as['leerkracht2@branding.demo'].get(`/api/v1/students/${p.id}/dossier`)).status === 403) others.push(p.id)
    if (others.length === 2) break
  }
  expect(others.length).toBe(2)
  pupilForPages = others[0]!
  pupilForApi = others[1]!
}, 180_000)
afterAll(() => server?.stop())

describe('a link with ?reason= records nothing', () => {
  it('each page that asks for a reason shows the reason form, not the record, and logs no row', async () => {
    const dir = as['directeur@branding.demo']
    const teacher = as['leerkracht@branding.demo']
    const since = await lastLogId()
    const pages: [Client, string][] = [
      [dir, `/incidenten/${forPages.id}?${q}`],
      [dir, `/incidenten/${forPages.id}/bewerken?${q}`],
      [dir, `/incidenten/${forPages.id}/leerling/${forPages.pupils[0]}?${q}`],
      [teacher, `/leerlingen/${pupilForPages}?${q}`],
    ]
    for (const [client, path] of pages) {
      const page = await followLink(client, path)
      expect(page.status, path).toBe(200)
      expect(page.text, path).toContain('Reden opgeven')
      expect(page.text, path).toContain('action="/toegang/reden"')
      expect(page.text.includes(forPages.situation), path).toBe(false)
      // The form does not take the link's reason over, nor send it back to the record afterwards
      // (the layout's language switch returns to the address as it was; that records nothing).
      const form = /<section[^>]*aria-labelledby="bg-title"[^>]*>[\s\S]*?<\/section>/.exec(page.text)?.[0] ?? ''
      expect(form, path).toContain('name="returnTo"')
      expect(mentionsLinkReason(form), path).toBe(false)
      expect(form, path).not.toMatch(/name="returnTo" value="[^"]*reason=/)
      expect(loaderData(page.text), path).toContain('returnTo')
      expect(mentionsLinkReason(loaderData(page.text)), path).toBe(false)
      // It says that a reason in a link is not used.
      expect(page.text, path).toContain('De link die je volgde gaf een reden mee')
    }
    // The client-side navigation (Remix single fetch) and the melding page, which sends a
    // confidential incident to the incident page, do not record either.
    const data = await followLink(dir, `/incidenten/${forPages.id}.data?${q}`)
    expect(data.text.includes(forPages.situation)).toBe(false)
    expect(mentionsLinkReason(data.text)).toBe(false)
    const melding = await followLink(dir, `/incidenten/${forPages.id}/melding?${q}`)
    expect(melding.status).toBe(302)
    expect(melding.location).toBe(`/incidenten/${forPages.id}`)
    // A GET of the reason route itself records nothing.
    const route = await followLink(dir, `/toegang/reden?subjectType=incident&subjectId=${forPages.id}&${q}`)
    expect(route.status).toBe(200)
    expect(await rowsSince(since)).toEqual([])
  })

  it('the API refuses ?reason= with 400 naming the header, records nothing and sends nothing of the record', async () => {
    const dir = as['directeur@branding.demo']
    const teacher = as['leerkracht@branding.demo']
    const since = await lastLogId()
    const calls: [Client, string][] = [
      [dir, `/api/v1/incidents/${forApi.id}?${q}`],
      [dir, `/api/v1/incidents/${forApi.id}/participants/${forApi.pupils[0]}?${q}`],
      [dir, `/api/v1/incidents/${forApi.id}/parent-report.pdf?studentId=${forApi.pupils[0]}&${q}`],
      [teacher, `/api/v1/students/${pupilForApi}/dossier?${q}`],
      // Also where no reason is needed: a purpose in a link is not logged either.
      [dir, `/api/v1/students/${pupilForApi}/dossier?${q}`],
      // An empty one too: the parameter is not part of the API.
      [dir, `/api/v1/incidents/${forApi.id}?reason=`],
    ]
    for (const [client, path] of calls) {
      const res = await followLink(client, path)
      expect(res.status, path).toBe(400)
      expect(res.headers.get('content-type'), path).toContain('application/json')
      expect(res.json(), path).toEqual({ errors: [{ path: 'reason', message: expect.stringContaining('X-Access-Reason') }] })
      expect(res.text.includes(forApi.situation), path).toBe(false)
    }
    expect(await rowsSince(since)).toEqual([])
    // And the record is still closed: the refused link gave no 15 minutes.
    expect((await dir.get(`/api/v1/incidents/${forApi.id}`)).status).toBe(403)
    expect((await dir.get(`/incidenten/${forApi.id}`)).text).toContain('Reden opgeven')
  })
})

describe('the reason form', () => {
  it('refuses a cross-site POST with 403 and records nothing', async () => {
    const dir = as['directeur@branding.demo']
    const since = await lastLogId()
    const form = { subjectType: 'incident', subjectId: forPages.id, returnTo: `/incidenten/${forPages.id}`, reason: LINK_REASON }
    // The directeur's own browser, on a page of another site that posts to us.
    const evil = new Client(server.baseUrl, { origin: 'https://evil.example' })
    evil.cookie = dir.cookie
    for (const path of ['/toegang/reden', '/toegang/reden.data']) {
      const res = await evil.post(path, form)
      expect(res.status, path).toBe(403)
      expect(res.location, path).toBeNull()
    }
    // A POST that names no origin at all (no Origin, no Referer) is refused too.
    const anonymous = new Client(server.baseUrl, { origin: null })
    anonymous.cookie = dir.cookie
    expect((await anonymous.post('/toegang/reden', form)).status).toBe(403)
    expect(await rowsSince(since)).toEqual([])
    expect((await dir.get(`/incidenten/${forPages.id}`)).text.includes(forPages.situation)).toBe(false)
  })

  it('a same-origin POST records the reason once, naming every pupil, goes back to the record, which then opens', async () => {
    const dir = as['directeur@branding.demo']
    const reason = 'Ouders vragen om inzage; gesprek morgen voorbereiden'
    const since = await lastLogId()
    const given = await dir.post('/toegang/reden', { subjectType: 'incident', subjectId: forPages.id, returnTo: `/incidenten/${forPages.id}`, reason })
    expect(given.status).toBe(302)
    // Back to the record itself: the address carries no reason and nothing that opens it.
    expect(given.location).toBe(`/incidenten/${forPages.id}`)
    const glass = (await rowsSince(since)).filter((r) => r.action === 'break_glass')
    expect(glass.map((r) => r.studentIds)).toEqual([[...forPages.pupils].sort()])
    expect(glass.every((r) => r.subjectId === forPages.id && r.reason === reason && r.breakGlass)).toBe(true)

    const opened = await dir.get(given.location!)
    expect(opened.status).toBe(200)
    expect(opened.text).toContain(forPages.situation)
    expect(opened.text).not.toContain('Reden opgeven')
    // Opening it is one read naming every pupil, with the reason; no second break-glass.
    const after = await rowsSince(since)
    expect(after.filter((r) => r.action === 'break_glass')).toHaveLength(glass.length)
    const reads = after.filter((r) => r.action === 'read' && r.subjectId === forPages.id)
    expect(reads.map((r) => r.studentIds)).toEqual([[...forPages.pupils].sort()])
    expect(reads.every((r) => r.breakGlass && r.reason === reason)).toBe(true)
    // The page's reason opens nothing on the API: there the reason goes with each request.
    expect((await dir.get(`/api/v1/incidents/${forPages.id}`)).status).toBe(403)
  })

  it('a leerkracht: one break-glass row for the pupil, then the dossier', async () => {
    const teacher = as['leerkracht@branding.demo']
    const reason = 'Invalbeurt in die groep deze week'
    const since = await lastLogId()
    const given = await teacher.post('/toegang/reden', { subjectType: 'student', subjectId: pupilForPages, returnTo: `/leerlingen/${pupilForPages}`, reason })
    expect(given.status).toBe(302)
    expect(given.location).toBe(`/leerlingen/${pupilForPages}`)
    const glass = (await rowsSince(since)).filter((r) => r.action === 'break_glass')
    expect(glass).toHaveLength(1)
    expect(glass[0]).toMatchObject({ subjectType: 'student', subjectId: pupilForPages, studentId: pupilForPages, reason, breakGlass: true, userId: userId['leerkracht@branding.demo'] })
    const page = await teacher.get(given.location!)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('Reden opgeven')
    // The address is no key: another teacher who opens it gets the question, and the reason is
    // the leerkracht's own, for this pupil only.
    expect((await as['leerkracht2@branding.demo'].get(given.location!)).text).toContain('Reden opgeven')
    expect((await teacher.get(`/leerlingen/${pupilForApi}`)).text).toContain('Reden opgeven')
  })
})

describe('the API takes the reason in the X-Access-Reason header', () => {
  it('opens the record and logs the reason before answering', async () => {
    const dir = as['directeur@branding.demo']
    const teacher = as['leerkracht@branding.demo']
    const since = await lastLogId()
    const reason = 'Zorgoverleg met de vertrouwenspersoon voorbereiden'
    const header = { 'X-Access-Reason': encodeURIComponent(reason) }
    const incident = await dir.request('GET', `/api/v1/incidents/${forApi.id}`, { headers: header })
    expect(incident.status).toBe(200)
    expect(incident.json()).toMatchObject({ id: forApi.id, confidential: true, situation: forApi.situation })
    const pupil = forApi.pupils[0]!
    expect((await dir.request('GET', `/api/v1/incidents/${forApi.id}/participants/${pupil}`, { headers: header })).status).toBe(200)
    const pdf = await dir.request('GET', `/api/v1/incidents/${forApi.id}/parent-report.pdf?studentId=${pupil}`, { headers: header })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const dossier = await teacher.request('GET', `/api/v1/students/${pupilForApi}/dossier`, { headers: { 'X-Access-Reason': 'Invalbeurt groep 5' } })
    expect(dossier.status).toBe(200)

    const rows = await rowsSince(since)
    const incidentRows = rows.filter((r) => r.subjectId === forApi.id)
    expect(incidentRows.every((r) => r.breakGlass && r.reason === reason)).toBe(true)
    expect(incidentRows.filter((r) => r.action === 'break_glass').length).toBeGreaterThan(0)
    expect(incidentRows.some((r) => r.action === 'read')).toBe(true)
    expect(incidentRows.filter((r) => r.action === 'export')).toHaveLength(1)
    expect(rows.filter((r) => r.subjectId === pupilForApi && r.action === 'break_glass')).toEqual([
      expect.objectContaining({ reason: 'Invalbeurt groep 5', userId: userId['leerkracht@branding.demo'] }),
    ])
    // A reason that is too short is refused as before (403, path reason), and records nothing.
    const before = await lastLogId()
    const short = await dir.request('GET', `/api/v1/incidents/${forPages.id}/participants/${forPages.pupils[0]}`, { headers: { 'X-Access-Reason': 'kort' } })
    expect(short.status).toBe(403)
    expect(short.json().errors[0].path).toBe('reason')
    expect(await rowsSince(before)).toEqual([])
  })

  it('the OpenAPI document describes the reason as the header, not a query parameter', async () => {
    const doc = (await as['directeur@branding.demo'].get('/api/v1/openapi.json')).json()
    for (const path of ['/incidents/{id}', '/incidents/{id}/participants/{studentId}', '/incidents/{id}/parent-report.pdf', '/students/{id}/dossier']) {
      const params = doc.paths[path].get.parameters as { name: string; in: string }[]
      expect(params.some((p) => p.in === 'header' && p.name === 'X-Access-Reason'), path).toBe(true)
      expect(params.some((p) => p.in === 'query' && p.name === 'reason'), path).toBe(false)
    }
  })
})
