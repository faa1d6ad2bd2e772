// Input the real server refuses, with a 400 (or 415) and a Dutch message, instead of a 500 or a
// silent guess: control characters such as NUL in text (Postgres cannot store them), dates that do
// not exist, yes/no values that are not one, JSON sent as another media type, and a change that
// changes nothing. Nothing is saved, and the submitted text never reaches the server's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, type Reply } from './support/client.ts'
import { dutchToday, plusDays } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const TEACHER = 'leerkracht@branding.demo'
const DIR = 'directeur@branding.demo'
const BEHEER = 'beheer@kompas.demo'
const PRIVACY = 'privacy@kompas.demo'
const HALT = 'halt@haltnoord.demo'
const VAK = 'directeur@vakcollege.demo'
const ACCOUNTS = [TEACHER, DIR, BEHEER, PRIVACY, HALT, VAK, 'politie@wijkteam.demo']
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })

const today = dutchToday()
const year = Number(today.slice(0, 4))
const CONTROL_MESSAGE = /onzichtbaar stuurteken/

let pupils: { id: string }[] = []
let incidentId: string
let dirUserId: string
let brandingSchool: string
let vakcollegeSchool: string
let wijkteam: string
let haltCase: string

/** 'YYYY-MM-DDTHH:MM' in Dutch local time, as a datetime-local field sends it. */
function localInput(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(at).replace(' ', 'T')
}

function note(overrides: Record<string, unknown> = {}) {
  return {
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    locationCode: 21,
    voorval: [3],
    situation: 'Twee leerlingen duwen elkaar op het plein; een van hen valt.',
    physicalAggression: true,
    physicalForm: 'duwen',
    persons: [
      { role: 'dader', kind: 'leerling', studentId: pupils[0]!.id },
      { role: 'slachtoffer', kind: 'leerling', studentId: pupils[1]!.id },
    ],
    submit: true,
    ...overrides,
  }
}

function incidentForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    occurredAt: localInput(new Date(Date.now() - 3600_000)),
    voorval: '3',
    situation: 'Twee leerlingen duwen elkaar op het plein.',
    'persons.0.role': 'dader',
    'persons.0.kind': 'leerling',
    'persons.0.studentId': pupils[0]!.id,
    intent: 'draft',
    ...overrides,
  }
}

const incidentTotal = async () => (await as[TEACHER]!.get('/api/v1/incidents?pageSize=1')).json().total as number
const versionsOf = async (id: string) => (await as[TEACHER]!.get(`/api/v1/incidents/${id}`)).json().versions.length as number

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  pupils = (await as[TEACHER]!.get('/api/v1/students?pageSize=200')).json().items.filter((p: { groupName: string }) => p.groupName === 'groep 6')
  const created = await json(as[TEACHER]!, 'POST', '/api/v1/incidents', note())
  expect(created.status, created.text).toBe(201)
  incidentId = created.json().id
  const me = (await as[DIR]!.get('/api/v1/me')).json()
  dirUserId = me.user.id
  brandingSchool = me.organisation.id
  vakcollegeSchool = (await as[VAK]!.get('/api/v1/me')).json().organisation.id
  wijkteam = (await as['politie@wijkteam.demo']!.get('/api/v1/me')).json().organisation.id
  const queue = (await as[HALT]!.get('/api/v1/halt/referrals')).json().items as { id: string; status: string }[]
  haltCase = queue.find((q) => q.status === 'lopend' || q.status === 'intake_gepland' || q.status === 'geaccepteerd')!.id
})
afterAll(() => server?.stop())

describe('control characters in text', () => {
  let n = 0
  /** Text with a NUL in it, and a marker that must not reach the log. */
  const poisoned = () => {
    const marker = `Geheimtekst${++n}Sahin`
    return { marker, value: `${marker} bedreigde een medeleerling\u0000 op het plein` }
  }

  type Row = {
    route: string
    field: string
    api: boolean
    send: (text: string) => Promise<Reply>
    /** A count that a saved write would change. */
    count?: () => Promise<number>
  }
  const rows: Row[] = [
    // Pages (form posts, session cookie): the error comes back on the form.
    { route: 'POST /incidenten/nieuw', field: 'situation', api: false, send: (t) => as[TEACHER]!.post('/incidenten/nieuw', incidentForm({ situation: t })), count: incidentTotal },
    {
      route: 'POST /incidenten/:id/bewerken',
      field: 'situation',
      api: false,
      send: (t) => as[TEACHER]!.post(`/incidenten/${incidentId}/bewerken`, incidentForm({ situation: t, intent: 'submit' })),
      count: () => versionsOf(incidentId),
    },
    {
      route: 'POST /incidenten/:id (taak)',
      field: 'title',
      api: false,
      send: (t) => as[DIR]!.post(`/incidenten/${incidentId}`, { intent: 'add-task', kind: 'overig', title: t, ownerId: dirUserId, dueOn: plusDays(today, 3) }),
    },
    {
      route: 'POST /maatregelen/nieuw',
      field: 'reasons',
      api: false,
      send: (t) => as[DIR]!.post('/maatregelen/nieuw', { kind: 'adempauze', studentId: pupils[2]!.id, reasons: t }),
    },
    { route: 'POST /meldplicht/nieuw', field: 'summary', api: false, send: (t) => as[TEACHER]!.post('/meldplicht/nieuw', { kind: 'zedendelict_medewerker', summary: t }) },
    {
      route: 'POST /privacy (verzoek)',
      field: 'details',
      api: false,
      send: (t) =>
        as[DIR]!.post('/privacy', { intent: 'request', studentId: pupils[0]!.id, kind: 'inzage', requestedBy: 'ouders', requesterName: 'Ouder', receivedOn: today, details: t }),
    },
    {
      route: 'POST /kalender',
      field: 'name',
      api: false,
      send: (t) => as[BEHEER]!.post('/kalender', { intent: 'create', schooljaar: schoolYear(), kind: 'vrije_dag', name: t, startsOn: today, endsOn: today, scope: 'regio:noord' }),
    },
    {
      route: 'POST /halt/spreekuren',
      field: 'location',
      api: false,
      send: (t) => as[HALT]!.post('/halt/spreekuren', { schoolId: vakcollegeSchool, location: t, weekday: '2', startsAt: '13:00', endsAt: '15:00', validFrom: today }),
    },
    { route: 'POST /sjablonen', field: 'body', api: false, send: (t) => as[BEHEER]!.post('/sjablonen', { intent: 'save', kind: 'schorsing', body: `${t} {{leerling}}` }) },
    // The JSON API: {errors:[{path,message}]} with the field's path.
    { route: 'POST /api/v1/incidents', field: 'situation', api: true, send: (t) => json(as[TEACHER]!, 'POST', '/api/v1/incidents', note({ situation: t })), count: incidentTotal },
    {
      route: 'POST /api/v1/incidents (persoon)',
      field: 'persons.2.description',
      api: true,
      send: (t) => json(as[TEACHER]!, 'POST', '/api/v1/incidents', note({ persons: [...note().persons, { role: 'getuige', kind: 'externe', description: t }] })),
      count: incidentTotal,
    },
    {
      route: 'PATCH /api/v1/incidents/:id',
      field: 'situation',
      api: true,
      send: (t) => json(as[TEACHER]!, 'PATCH', `/api/v1/incidents/${incidentId}`, { situation: t }),
      count: () => versionsOf(incidentId),
    },
    {
      route: 'POST /api/v1/incidents/:id/tasks',
      field: 'title',
      api: true,
      send: (t) => json(as[DIR]!, 'POST', `/api/v1/incidents/${incidentId}/tasks`, { kind: 'overig', title: t, ownerId: dirUserId, dueOn: plusDays(today, 3) }),
    },
    { route: 'POST /api/v1/measures', field: 'reasons', api: true, send: (t) => json(as[DIR]!, 'POST', '/api/v1/measures', { kind: 'adempauze', studentId: pupils[2]!.id, reasons: t }) },
    {
      route: 'POST /api/v1/subject-requests',
      field: 'requesterName',
      api: true,
      send: (t) =>
        json(as[DIR]!, 'POST', '/api/v1/subject-requests', { studentId: pupils[0]!.id, kind: 'inzage', requestedBy: 'ouders', requesterName: t, receivedOn: today, details: 'Graag alle gegevens.' }),
    },
    {
      route: 'POST /api/v1/agreements',
      field: 'title',
      api: true,
      send: (t) =>
        json(as[PRIVACY]!, 'POST', '/api/v1/agreements', {
          partnerId: wijkteam,
          schoolId: brandingSchool,
          title: t,
          publicInterest: 'Voorkomen en aanpakken van strafbare feiten rond de school.',
          partnership: 'De school en het wijkteam werken samen aan een veilige school.',
          purposes: ['strafbare_feiten'],
          dataCategories: ['datum', 'type'],
          conditions: 'Alleen bij een concreet incident.',
          recipients: 'De wijkagenten.',
          legalBasis: 'AVG art. 6 lid 1 sub e',
          validFrom: today,
          validUntil: plusDays(today, 365),
          retentionDays: 120,
        }),
    },
    {
      route: 'PUT /api/v1/halt/referrals/:id/components',
      field: 'components.0.note',
      api: true,
      send: (t) => json(as[HALT]!, 'PUT', `/api/v1/halt/referrals/${haltCase}/components`, { components: [{ component: 'reflectie', done: false, note: t }] }),
    },
    { route: 'GET /api/v1/students?q=', field: 'q', api: true, send: (t) => as[DIR]!.get(`/api/v1/students?q=${encodeURIComponent(t)}`) },
  ]

  it.each(rows)('$route: 400 with a Dutch message at $field, nothing saved, nothing logged', async (row) => {
    const { marker, value } = poisoned()
    const before = await row.count?.()
    const res = await row.send(value)
    expect(res.status, res.text.slice(0, 500)).toBe(400)
    if (row.api) {
      expect(res.json().errors).toContainEqual({ path: row.field, message: expect.stringMatching(CONTROL_MESSAGE) })
    } else {
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(res.text).toMatch(CONTROL_MESSAGE)
    }
    if (row.count) expect(await row.count()).toBe(before)
    expect(server.output()).not.toContain(marker)
  })

  it('other control characters too; tab, newline and carriage return are text', async () => {
    for (const c of ['\u0001', '\u0008', '\u000B', '\u001B', '\u001F']) {
      const res = await json(as[TEACHER]!, 'PATCH', `/api/v1/incidents/${incidentId}`, { analysis: `Analyse${c}tekst` })
      expect(res.status, JSON.stringify(c)).toBe(400)
      expect(res.json().errors).toEqual([{ path: 'analysis', message: expect.stringMatching(CONTROL_MESSAGE) }])
    }
    const ok = await json(as[TEACHER]!, 'PATCH', `/api/v1/incidents/${incidentId}`, { analysis: 'Eerste regel\r\n\tTweede regel' })
    expect(ok.status, ok.text).toBe(200)
    expect((await as[TEACHER]!.get(`/api/v1/incidents/${incidentId}`)).json().analysis).toBe('Eerste regel\r\n\tTweede regel')
  })
})

function schoolYear(): string {
  const start = today.slice(5) >= '08-01' ? year : year - 1
  return `${start}-${start + 1}`
}

describe('dates that do not exist', () => {
  it('the incident form refuses an impossible or malformed date and time with a 400 at the field', async () => {
    for (const occurredAt of [`${year - 1}-02-30T10:00`, `${year - 1}-13-45T10:00`, `${year - 1}-04-31T10:00`, `${year - 1}-06-01T25:00`, 'abc']) {
      const before = await incidentTotal()
      const res = await as[TEACHER]!.post('/incidenten/nieuw', incidentForm({ occurredAt }))
      expect(res.status, occurredAt).toBe(400)
      expect(res.text).toContain('Vul een geldige datum en tijd in')
      expect(await incidentTotal()).toBe(before)
    }
  })

  it('the API refuses 30 February instead of storing 2 March', async () => {
    const res = await json(as[TEACHER]!, 'POST', '/api/v1/incidents', note({ occurredAt: `${year - 1}-02-30T10:00:00Z` }))
    expect(res.status, res.text).toBe(400)
    expect(res.json().errors).toEqual([{ path: 'occurredAt', message: 'Vul een geldige datum en tijd in' }])
    const parents = await json(as[TEACHER]!, 'PATCH', `/api/v1/incidents/${incidentId}`, { parentsContacted: true, parentsContactedAt: `${year - 1}-02-30T10:00:00+01:00` })
    expect(parents.status, parents.text).toBe(400)
    expect(parents.json().errors).toEqual([{ path: 'parentsContactedAt', message: 'Vul een geldige datum in' }])
  })

  it('a Halt appointment on 30 February is refused', async () => {
    const res = await json(as[HALT]!, 'POST', `/api/v1/halt/referrals/${haltCase}/appointments`, { kind: 'spreekuur', startsAt: `${year}-02-30T13:30` })
    expect(res.status, res.text).toBe(400)
    expect(res.json().errors[0].path).toBe('startsAt')
  })

  it('a real date and time in Dutch local time is stored as that moment', async () => {
    const res = await json(as[TEACHER]!, 'POST', '/api/v1/incidents', note({ occurredAt: `${year - 1}-11-24T10:00`, submit: false }))
    expect(res.status, res.text).toBe(201)
    expect((await as[TEACHER]!.get(`/api/v1/incidents/${res.json().id}`)).json().occurredAt).toBe(`${year - 1}-11-24T09:00:00.000Z`)
  })
})

describe('numbers', () => {
  it('a filter code outside the list is a 400, not a database error', async () => {
    for (const voorval of ['99999999999', '12345', 'drie']) {
      const res = await as[DIR]!.get(`/api/v1/incidents?voorval=${voorval}`)
      expect(res.status, voorval).toBe(400)
      expect(res.json().errors[0].path).toBe('voorval')
    }
    expect((await as[DIR]!.get('/api/v1/incidents?voorval=3')).status).toBe(200)
  })
})

describe('yes or no', () => {
  it('"false" is false and "true" is true; another word is refused', async () => {
    const res = await json(as[TEACHER]!, 'POST', '/api/v1/incidents', note({ confidential: 'false', submit: 'false', physicalAggression: 'true' }))
    expect(res.status, res.text).toBe(201)
    const got = (await as[TEACHER]!.get(`/api/v1/incidents/${res.json().id}`)).json()
    expect(got.confidential).toBe(false)
    expect(got.status).toBe('draft')
    expect(got.physicalAggression).toBe(true)
    const bad = await json(as[TEACHER]!, 'POST', '/api/v1/incidents', note({ confidential: 'misschien' }))
    expect(bad.status).toBe(400)
    expect(bad.json().errors).toEqual([{ path: 'confidential', message: expect.stringMatching(/ja of nee/) }])
  })
})

describe('JSON bodies', () => {
  const raw = (method: string, path: string, body: BodyInit, contentType?: string) => {
    const c = as[TEACHER]!
    const headers: Record<string, string> = { cookie: `baken_session=${c.cookie}`, origin: server.baseUrl }
    if (contentType) headers['content-type'] = contentType
    return fetch(server.baseUrl + path, { method, headers, body })
  }

  it('are refused with 415 unless sent as application/json; nothing is saved', async () => {
    const body = JSON.stringify(note())
    const before = await incidentTotal()
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', undefined]) {
      const res = type ? await raw('POST', '/api/v1/incidents', body, type) : await raw('POST', '/api/v1/incidents', new Blob([body]))
      expect(res.status, String(type)).toBe(415)
      expect(await res.json()).toEqual({ errors: [{ path: '', message: expect.stringMatching(/Content-Type: application\/json/) }] })
    }
    const patch = await raw('PATCH', `/api/v1/incidents/${incidentId}`, JSON.stringify({ situation: 'Gewijzigd via text/plain.' }), 'text/plain')
    expect(patch.status).toBe(415)
    expect(await incidentTotal()).toBe(before)
    expect((await raw('POST', '/api/v1/incidents', body, 'application/json; charset=utf-8')).status).toBe(201)
  })
})

describe('a change that changes nothing', () => {
  it('an empty PATCH is refused and writes no version', async () => {
    const before = await versionsOf(incidentId)
    const res = await json(as[TEACHER]!, 'PATCH', `/api/v1/incidents/${incidentId}`, {})
    expect(res.status).toBe(400)
    expect(res.json().errors).toEqual([{ path: '', message: expect.stringMatching(/^Niets te wijzigen/) }])
    const version = (await as[TEACHER]!.get(`/api/v1/incidents/${incidentId}`)).json().version
    expect((await json(as[TEACHER]!, 'PATCH', `/api/v1/incidents/${incidentId}`, { expectedVersion: version })).status).toBe(400)
    expect(await versionsOf(incidentId)).toBe(before)
  })

  it('a PATCH with the stored values answers the current version and writes none', async () => {
    const current = (await as[TEACHER]!.get(`/api/v1/incidents/${incidentId}`)).json()
    const res = await json(as[TEACHER]!, 'PATCH', `/api/v1/incidents/${incidentId}`, { situation: current.situation, physicalAggression: current.physicalAggression })
    expect(res.status, res.text).toBe(200)
    expect(res.json()).toEqual({ id: incidentId, version: current.version })
    expect(await versionsOf(incidentId)).toBe(current.versions.length)
  })

  it('saving the edit form unchanged writes no version', async () => {
    const occurredAt = new Date(Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000)
    const created = await json(as[TEACHER]!, 'POST', '/api/v1/incidents', {
      occurredAt: occurredAt.toISOString(),
      voorval: [3],
      // As the form records it: choosing a type of physical violence is choosing physical aggression.
      physicalAggression: true,
      situation: 'Duwen bij de kapstokken.',
      persons: [{ role: 'dader', kind: 'leerling', studentId: pupils[0]!.id }],
      submit: true,
    })
    expect(created.status, created.text).toBe(201)
    const id = created.json().id
    const form = incidentForm({ occurredAt: localInput(occurredAt), situation: 'Duwen bij de kapstokken.', intent: 'submit', expectedVersion: '1' })
    const saved = await as[TEACHER]!.post(`/incidenten/${id}/bewerken`, form)
    expect(saved.status, saved.text.slice(0, 300)).toBe(302)
    expect(await versionsOf(id)).toBe(1)
  })
})
