// Incidents through the JSON API of the real server: registering, who sees what, versions, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { dutchToday, localDate, previousSchoolYear, schoolYearOfDate } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'leerkracht@branding.demo',
  'leerkracht2@branding.demo',
  'ib@branding.demo',
  'directeur@branding.demo',
  'vertrouwenspersoon@branding.demo',
  'directeur@horizon.demo',
  'directeur@lyceum.demo',
  'bestuur@kompas.demo',
  'politie@wijkteam.demo',
]
let groep6: { id: string; lastName: string }[] = []
let lyceumPupil: string

const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })

function note(overrides: Record<string, unknown> = {}) {
  return {
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    locationCode: 21,
    voorval: [3],
    situation: 'Twee leerlingen duwen elkaar op het plein; een van hen valt.',
    physicalAggression: true,
    physicalForm: 'duwen',
    persons: [
      { role: 'dader', kind: 'leerling', studentId: groep6[0]!.id },
      { role: 'slachtoffer', kind: 'leerling', studentId: groep6[1]!.id },
    ],
    submit: true,
    ...overrides,
  }
}

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email, { membership: (m) => m.organisationName === 'Kompas Lyceum' || true })
  }
  const pupils = (await as['leerkracht@branding.demo']!.get('/api/v1/students?pageSize=200')).json().items
  groep6 = pupils.filter((p: { groupName: string }) => p.groupName === 'groep 6')
  lyceumPupil = (await as['directeur@lyceum.demo']!.get('/api/v1/students?pageSize=1')).json().items[0].id
})
afterAll(() => server?.stop())

describe('registering', () => {
  it('a teacher registers a two-pupil incident; the rules suggest the level and say why', async () => {
    const teacher = as['leerkracht@branding.demo']!
    const res = await json(teacher, 'POST', '/api/v1/incidents', note())
    expect(res.status).toBe(201)
    const { id, version } = res.json()
    expect(version).toBe(1)
    expect(res.headers.get('location')).toBe(`/api/v1/incidents/${id}`)
    const got = (await teacher.get(`/api/v1/incidents/${id}`)).json()
    expect(got.status).toBe('submitted')
    expect(got.severity).toBe('ernstig')
    expect(got.suggestedSeverity).toBe('ernstig')
    expect(got.severitySuggestion.rules[0]).toMatchObject({ id: 'vechtpartij', source: expect.stringContaining('§1.2') })
    expect(got.voorval).toEqual([{ code: 3, label: 'fysiek geweld' }])
    expect(got.location).toEqual({ code: 21, label: 'op het schoolplein' })
    expect(got.persons.map((p: { role: string; groupName: string }) => [p.role, p.groupName])).toEqual([
      ['dader', 'groep 6'],
      ['slachtoffer', 'groep 6'],
    ])
    expect(got.guidance.map((g: { key: string }) => g.key)).toEqual(['fysieke_agressie'])
    expect(got.guidance[0].policeHaltReferral.possible).toBe(false)
    expect(got.versions).toHaveLength(1)
  })

  it('the type says the behaviour: "verbaal geweld" and "vernieling" through the API are stored as verbale agressie and vernieling, with their vorm', async () => {
    const teacher = as['leerkracht@branding.demo']!
    const res = await json(
      teacher,
      'POST',
      '/api/v1/incidents',
      note({ voorval: [1, 13], physicalAggression: false, physicalForm: null, verbalForm: 'uitschelden', vandalismForm: 'ruit ingegooid' }),
    )
    expect(res.status).toBe(201)
    const got = (await teacher.get(`/api/v1/incidents/${res.json().id}`)).json()
    expect(got).toMatchObject({
      verbalAggression: true,
      verbalForm: 'uitschelden',
      physicalAggression: false,
      physicalForm: null,
      vandalism: true,
      vandalismForm: 'ruit ingegooid',
    })
  })

  it('who sees it: reporter, IB, directeur yes; the other group’s teacher, another stichting, the board, the police no', async () => {
    const { id } = (await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/incidents', note())).json()
    const status = async (email: string) => (await as[email]!.get(`/api/v1/incidents/${id}`)).status
    expect(await status('leerkracht@branding.demo')).toBe(200)
    expect(await status('ib@branding.demo')).toBe(200)
    expect(await status('directeur@branding.demo')).toBe(200)
    expect(await status('leerkracht2@branding.demo')).toBe(404)
    expect(await status('vertrouwenspersoon@branding.demo')).toBe(404)
    expect(await status('directeur@horizon.demo')).toBe(404)
    expect(await status('directeur@lyceum.demo')).toBe(404)
    expect(await status('bestuur@kompas.demo')).toBe(403)
    expect(await status('politie@wijkteam.demo')).toBe(403)
    // And the lists agree with the detail answers.
    // Listed under the schooljaar of the day it happened (an hour ago).
    const year = schoolYearOfDate(localDate(new Date((await as['ib@branding.demo']!.get(`/api/v1/incidents/${id}`)).json().occurredAt)))
    const listed = async (email: string) =>
      (await as[email]!.get(`/api/v1/incidents?pageSize=200&schooljaar=${year}`)).json().items.some((i: { id: string }) => i.id === id)
    expect(await listed('ib@branding.demo')).toBe(true)
    expect(await listed('leerkracht2@branding.demo')).toBe(false)
  })

  it('a leerkracht lists only own reports and incidents involving pupils of own groups', async () => {
    const teacher = as['leerkracht2@branding.demo']!
    const me = (await teacher.get('/api/v1/me')).json().user.id
    const list = (await teacher.get('/api/v1/incidents?pageSize=200')).json()
    expect(list.total).toBeGreaterThan(0)
    for (const i of list.items) {
      const own = i.reportedById === me
      const groep3 = i.pupils.some((p: { groupName: string }) => p.groupName === 'groep 3')
      expect(own || groep3, JSON.stringify(i)).toBe(true)
      expect(i.confidential && !own).toBe(false)
    }
  })
})

describe('confidential and draft', () => {
  it('sexual intimidation is confidential by type: only the directeur and the vertrouwenspersoon see it', async () => {
    const res = await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/incidents', note({ voorval: [8], physicalAggression: false, confidential: false }))
    expect(res.status).toBe(201)
    const { id } = res.json()
    const status = async (email: string) => (await as[email]!.get(`/api/v1/incidents/${id}`)).status
    // The directeur opens a confidential case only with a reason (break-glass, logged first).
    expect(await status('directeur@branding.demo')).toBe(403)
    expect(await status('vertrouwenspersoon@branding.demo')).toBe(200)
    expect(await status('ib@branding.demo')).toBe(404)
    expect(await status('leerkracht@branding.demo')).toBe(404)
    const got = (await as['directeur@branding.demo']!.request('GET', `/api/v1/incidents/${id}`, { headers: { 'X-Access-Reason': 'Controle van de melding' } })).json()
    expect(got.confidential).toBe(true)
    expect(got.severity).toBe('zeer_ernstig')
  })

  it('the IB can mark an incident confidential, after which only the directeur and VP see it', async () => {
    const { id } = (await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/incidents', note())).json()
    const res = await json(as['ib@branding.demo']!, 'PATCH', `/api/v1/incidents/${id}`, { confidential: true })
    expect(res.status).toBe(200)
    expect((await as['ib@branding.demo']!.get(`/api/v1/incidents/${id}`)).status).toBe(404)
    expect((await as['leerkracht@branding.demo']!.get(`/api/v1/incidents/${id}`)).status).toBe(404)
    const got = (await as['vertrouwenspersoon@branding.demo']!.get(`/api/v1/incidents/${id}`)).json()
    expect(got.confidential).toBe(true)
    expect(got.versions.at(-1).changes).toEqual([{ field: 'confidential', from: false, to: true }])
  })

  it('a draft is the author’s alone until submitted', async () => {
    const author = as['leerkracht@branding.demo']!
    const { id } = (await json(author, 'POST', '/api/v1/incidents', note({ submit: false }))).json()
    expect((await author.get(`/api/v1/incidents/${id}`)).json().status).toBe('draft')
    expect((await as['ib@branding.demo']!.get(`/api/v1/incidents/${id}`)).status).toBe(404)
    const submitted = await json(author, 'PATCH', `/api/v1/incidents/${id}`, { submit: true })
    expect(submitted.status).toBe(200)
    expect((await as['ib@branding.demo']!.get(`/api/v1/incidents/${id}`)).json().status).toBe('submitted')
    expect((await json(author, 'PATCH', `/api/v1/incidents/${id}`, { submit: false })).status).toBe(400)
  })
})

describe('versions', () => {
  it('every change is kept: who, when, what changed; lowering needs a reason; stale edits are refused', async () => {
    const ib = as['ib@branding.demo']!
    const { id } = (await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/incidents', note())).json()
    const lower = await json(ib, 'PATCH', `/api/v1/incidents/${id}`, { severity: 'overig' })
    expect(lower.status).toBe(400)
    expect(lower.json().errors).toEqual([{ path: 'severityReason', message: expect.stringContaining('reden') }])
    const ok = await json(ib, 'PATCH', `/api/v1/incidents/${id}`, {
      severity: 'overig',
      severityReason: 'Spel dat uit de hand liep; beide leerlingen erkennen dat.',
      agreements: 'Excuses aangeboden en aanvaard.',
      expectedVersion: 1,
    })
    expect(ok.status).toBe(200)
    expect(ok.json().version).toBe(2)
    const stale = await json(ib, 'PATCH', `/api/v1/incidents/${id}`, { analysis: 'x', expectedVersion: 1 })
    expect(stale.status).toBe(409)
    const got = (await ib.get(`/api/v1/incidents/${id}`)).json()
    expect(got.severity).toBe('overig')
    expect(got.suggestedSeverity).toBe('ernstig')
    expect(got.severityReason).toMatch(/Spel/)
    expect(got.versions).toHaveLength(2)
    const v2 = got.versions[1]
    expect(v2.changedBy).toBe('Sanne Kuipers')
    expect(v2.changes.map((c: { field: string }) => c.field).sort(), JSON.stringify(v2.changes)).toEqual(['agreements', 'severity', 'severityReason'])
    expect(v2.changes.find((c: { field: string }) => c.field === 'severity')).toMatchObject({ from: 'ernstig', to: 'overig' })
  })
})

describe('bad input is refused with a clear error and saves nothing', () => {
  const cases: [string, () => Record<string, unknown>, string][] = [
    ['missing date', () => note({ occurredAt: undefined }), 'occurredAt'],
    ['a date years ahead', () => note({ occurredAt: `${Number(dutchToday().slice(0, 4)) + 5}-05-01T10:00:00Z` }), 'occurredAt'],
    ['an unknown pupil', () => note({ persons: [{ role: 'dader', kind: 'leerling', studentId: '00000000-0000-4000-8000-000000000000' }] }), 'persons.0.studentId'],
    ['a pupil of another school', () => note({ persons: [{ role: 'dader', kind: 'leerling', studentId: lyceumPupil }] }), 'persons.0.studentId'],
    ['20,000 characters of text', () => note({ situation: 'x'.repeat(20_000) }), 'situation'],
    ['an unknown IRIS code', () => note({ voorval: [999] }), 'voorval.0'],
    ['no persons', () => note({ persons: [] }), 'persons'],
    ['an outsider without description', () => note({ persons: [{ role: 'dader', kind: 'externe' }] }), 'persons.0.description'],
    ['an unknown field', () => note({ hacked: true }), 'hacked'],
  ]
  it.each(cases)('%s', async (_label, body, path) => {
    const teacher = as['leerkracht@branding.demo']!
    const before = (await teacher.get('/api/v1/incidents?pageSize=1')).json().total
    const res = await json(teacher, 'POST', '/api/v1/incidents', body())
    expect(res.status).toBe(400)
    const errors = res.json().errors as { path: string; message: string }[]
    expect(errors.map((e) => e.path)).toContain(path)
    for (const e of errors) expect(e.message.length).toBeGreaterThan(3)
    expect((await teacher.get('/api/v1/incidents?pageSize=1')).json().total).toBe(before)
  })

  it('a body over the route’s limit (1 MB for an incident) is a 413 with the API’s errors, and saves nothing', async () => {
    const teacher = as['leerkracht@branding.demo']!
    const before = (await teacher.get('/api/v1/incidents?pageSize=1')).json().total
    const res = await json(teacher, 'POST', '/api/v1/incidents', note({ situation: 'x'.repeat(1024 * 1024) }))
    expect(res.status).toBe(413)
    expect(res.json().errors[0].message).toMatch(/te groot: hier past hoogstens 1 MB/)
    expect((await teacher.get('/api/v1/incidents?pageSize=1')).json().total).toBe(before)
  })

  it('malformed JSON is a 400, not a 500', async () => {
    const res = await as['leerkracht@branding.demo']!.request('POST', '/api/v1/incidents', {
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
  })
})

describe('dossier', () => {
  it('lists the pupil’s incidents with their role, newest first', async () => {
    const pupil = groep6[2]!
    const { id } = (
      await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/incidents', note({ persons: [{ role: 'slachtoffer', kind: 'leerling', studentId: pupil.id }, { role: 'dader', kind: 'externe', description: 'onbekende jongere' }] }))
    ).json()
    const dossier = (await as['ib@branding.demo']!.get(`/api/v1/students/${pupil.id}/dossier`)).json()
    expect(dossier.student.id).toBe(pupil.id)
    const entry = dossier.entries.find((e: { incidentId: string }) => e.incidentId === id)
    expect(entry).toMatchObject({ kind: 'incident', role: 'slachtoffer', types: ['fysiek geweld'] })
    const times = dossier.entries.map((e: { at: string }) => Date.parse(e.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/students/${pupil.id}/dossier`)).status).toBe(404)
  })
})

describe('the board', () => {
  it('sees counts per school but no incident', async () => {
    const board = as['bestuur@kompas.demo']!
    // The schooljaar before today's: a whole year of demo incidents.
    const year = previousSchoolYear()
    const res = await board.get(`/api/v1/stichting/incident-counts?schooljaar=${year}`)
    expect(res.status).toBe(200)
    const { schools } = res.json()
    expect(schools.map((s: { name: string }) => s.name).sort()).toEqual(['Kompas Lyceum', 'Kompas Vakcollege', 'OBS De Branding'])
    for (const s of schools) {
      expect(s.total).toBe(s.overig + s.ernstig + s.zeerErnstig)
      expect(s.total).toBeGreaterThan(100)
    }
    expect((await board.get('/api/v1/incidents')).status).toBe(403)
    expect((await board.get('/api/v1/stichting/incident-counts?schooljaar=2025')).status).toBe(400)
    for (const email of ['directeur@branding.demo', 'ib@branding.demo', 'politie@wijkteam.demo']) {
      expect((await as[email]!.get(`/api/v1/stichting/incident-counts?schooljaar=${year}`)).status, email).toBe(403)
    }
  })
})

describe('per-participant view', () => {
  it('names the pupil and redacts the other pupils, in the situation text too', async () => {
    const [a, b] = [groep6[3]!, groep6[4]!]
    const pupils = (await as['ib@branding.demo']!.get('/api/v1/students?pageSize=200')).json().items
    const nameOf = (id: string) => pupils.find((p: { id: string }) => p.id === id).displayName as string
    const { id } = (
      await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/incidents', note({
        situation: `${nameOf(b.id)} duwt ${nameOf(a.id)} van het klimrek.`,
        persons: [
          { role: 'slachtoffer', kind: 'leerling', studentId: a.id },
          { role: 'dader', kind: 'leerling', studentId: b.id },
        ],
      }))
    ).json()
    const view = await as['ib@branding.demo']!.get(`/api/v1/incidents/${id}/participants/${a.id}`)
    expect(view.status).toBe(200)
    const body = view.text
    expect(body).toContain(nameOf(a.id))
    expect(body).not.toContain(nameOf(b.id))
    expect(body).toMatch(/leerling A/i)
    // A pupil not in the incident, and another school's director: 404.
    expect((await as['ib@branding.demo']!.get(`/api/v1/incidents/${id}/participants/${groep6[5]!.id}`)).status).toBe(404)
    expect((await as['directeur@horizon.demo']!.get(`/api/v1/incidents/${id}/participants/${a.id}`)).status).toBe(404)
    const page = await as['ib@branding.demo']!.get(`/incidenten/${id}/leerling/${a.id}`)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain(nameOf(b.id))
  })
})
