// Follow-up tasks, the parents' "voor gezien" and the parents' report through the JSON API of the real
// server: who may plan, complete and see what; refusals; the PDF and its redaction; other schools.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../../packages/domain/test/support/pdf-text.ts'
import { Client } from './support/client.ts'
import { dutchToday, plusDays } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = [
  'leerkracht@branding.demo',
  'leerkracht2@branding.demo',
  'ib@branding.demo',
  'directeur@branding.demo',
  'directeur@lyceum.demo',
  'bestuur@kompas.demo',
]
interface Pupil {
  id: string
  firstName: string
  lastName: string
  displayName: string
  groupName: string
}
let dader: Pupil, victim: Pupil, witness: Pupil, outsider: Pupil
const userId: Record<string, string> = {}
let ernstigId: string
let zeerErnstigId: string

const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })

/** Today in the Netherlands, plus n days, as YYYY-MM-DD. */
function dutchDay(n = 0): string {
  return plusDays(dutchToday(), n)
}

/** The PDF as bytes (the test client reads bodies as text). */
async function getPdf(c: Client, path: string) {
  const res = await fetch(server.baseUrl + path, { headers: { cookie: `baken_session=${c.cookie}` } })
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) }
}

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
    userId[email] = (await as[email].get('/api/v1/me')).json().user.id
  }
  const pupils: Pupil[] = (await as['ib@branding.demo']!.get('/api/v1/students?pageSize=200')).json().items
  const groep6 = pupils.filter((p) => p.groupName === 'groep 6')
  // Three pupils whose first and last names all differ, so a leaked name cannot hide behind another's.
  victim = groep6[0]!
  const distinct = (p: Pupil, from: Pupil[]) => from.every((q) => q.firstName !== p.firstName && q.lastName !== p.lastName)
  dader = groep6.find((p) => distinct(p, [victim]))!
  witness = groep6.find((p) => distinct(p, [victim, dader]))!
  outsider = groep6.find((p) => ![victim, dader, witness].includes(p))!
  const register = async (overrides: Record<string, unknown>) => {
    const res = await json(as['leerkracht@branding.demo']!, 'POST', '/api/v1/incidents', {
      occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
      locationCode: 21,
      voorval: [3],
      physicalAggression: true,
      physicalForm: 'duwen en slaan',
      persons: [
        { role: 'dader', kind: 'leerling', studentId: dader.id },
        { role: 'slachtoffer', kind: 'leerling', studentId: victim.id },
      ],
      submit: true,
      ...overrides,
    })
    expect(res.status, res.text).toBe(201)
    return res.json().id as string
  }
  ernstigId = await register({ situation: 'Twee leerlingen duwen elkaar op het plein.' })
  zeerErnstigId = await register({
    severity: 'zeer_ernstig',
    situation: `${dader.firstName} slaat ${victim.firstName} op het plein; ${witness.displayName} ziet het en haalt de pleinwacht.`,
    agreements: `${dader.firstName} en ${victim.firstName} spelen voorlopig apart; evaluatie over twee weken.`,
    persons: [
      { role: 'dader', kind: 'leerling', studentId: dader.id },
      { role: 'slachtoffer', kind: 'leerling', studentId: victim.id, injury: 'bloedneus' },
      { role: 'getuige', kind: 'leerling', studentId: witness.id },
    ],
  })
})
afterAll(() => server?.stop())

describe('tasks', () => {
  it('the IB sees the §4 proposal, plans a task for the teacher, who completes it with a note', async () => {
    const ib = as['ib@branding.demo']!
    const listed = await ib.get(`/api/v1/incidents/${ernstigId}/tasks`)
    expect(listed.status).toBe(200)
    expect(listed.json().items).toEqual([])
    const proposals = listed.json().proposals
    expect(proposals[0]).toMatchObject({ kind: 'gesprek_slachtoffer', dueOn: dutchDay(), planned: false })

    const created = await json(ib, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, {
      kind: 'gesprek_slachtoffer',
      title: proposals[0].title,
      ownerId: userId['leerkracht@branding.demo'],
      dueOn: dutchDay(2),
    })
    expect(created.status, created.text).toBe(201)
    const taskId = created.json().id
    expect(created.headers.get('location')).toBe(`/api/v1/incidents/${ernstigId}/tasks/${taskId}`)

    const teacher = as['leerkracht@branding.demo']!
    const mine = (await teacher.get(`/api/v1/incidents/${ernstigId}/tasks`)).json()
    expect(mine.items).toMatchObject([{ id: taskId, ownerName: 'Joyce Smit', canUpdate: true, doneAt: null }])
    // A teacher plans nothing, so gets no proposal.
    expect(mine.proposals).toEqual([])

    const done = await json(teacher, 'PATCH', `/api/v1/incidents/${ernstigId}/tasks/${taskId}`, { done: true, note: 'Gesprek gevoerd.' })
    expect(done.status, done.text).toBe(200)
    const after = (await ib.get(`/api/v1/incidents/${ernstigId}/tasks`)).json()
    expect(after.items[0]).toMatchObject({ id: taskId, note: 'Gesprek gevoerd.', doneById: userId['leerkracht@branding.demo'], doneByName: 'Joyce Smit' })
    expect(after.items[0].doneAt).toEqual(expect.any(String))
    expect(after.proposals[0].planned).toBe(true)
  })

  it('a teacher plans nothing, reassigns nothing and completes no colleague’s task', async () => {
    const teacher = as['leerkracht@branding.demo']!
    const body = { kind: 'overig', title: 'Nagesprek', ownerId: userId['leerkracht@branding.demo'], dueOn: dutchDay(3) }
    expect((await json(teacher, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, body)).status).toBe(403)
    const { id } = (await json(as['directeur@branding.demo']!, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, { ...body, ownerId: userId['ib@branding.demo'] })).json()
    const patch = (b: unknown) => json(teacher, 'PATCH', `/api/v1/incidents/${ernstigId}/tasks/${id}`, b)
    expect((await patch({ done: true })).status).toBe(403)
    expect((await patch({ ownerId: userId['leerkracht@branding.demo'] })).status).toBe(403)
    // The IB moves the due date.
    const moved = await json(as['ib@branding.demo']!, 'PATCH', `/api/v1/incidents/${ernstigId}/tasks/${id}`, { dueOn: dutchDay(7) })
    expect(moved.status, moved.text).toBe(200)
  })

  it('bad input is a 400 naming the fields, and nothing is saved', async () => {
    const ib = as['ib@branding.demo']!
    const before = (await ib.get(`/api/v1/incidents/${ernstigId}/tasks`)).json().items.length
    const res = await json(ib, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, {
      kind: 'gesprek_slachtoffer',
      title: '',
      ownerId: userId['bestuur@kompas.demo'],
      dueOn: dutchDay(-5),
    })
    expect(res.status).toBe(400)
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['title'])
    const owner = await json(ib, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, {
      kind: 'overig',
      title: 'Iets',
      ownerId: userId['bestuur@kompas.demo'],
      dueOn: dutchDay(-5),
    })
    expect(owner.status).toBe(400)
    expect(owner.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['dueOn', 'ownerId'])
    expect((await json(ib, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, 'geen object')).status).toBe(400)
    expect((await ib.get(`/api/v1/incidents/${ernstigId}/tasks`)).json().items.length).toBe(before)
  })
})

describe('overdue tasks', () => {
  it('an open task due yesterday is on the list for the IB and the directeur, not for the board', async () => {
    const ib = as['ib@branding.demo']!
    const created = await json(ib, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, {
      kind: 'ouders_slachtoffer_informeren',
      title: 'Ouders van het slachtoffer informeren',
      ownerId: userId['directeur@branding.demo'],
      dueOn: dutchDay(-1),
    })
    expect(created.status, created.text).toBe(201)
    const id = created.json().id
    for (const email of ['ib@branding.demo', 'directeur@branding.demo']) {
      const res = await as[email]!.get('/api/v1/tasks/overdue')
      expect(res.status).toBe(200)
      const item = res.json().items.find((t: { id: string }) => t.id === id)
      expect(item, email).toMatchObject({ incidentId: ernstigId, dueOn: dutchDay(-1), overdue: true, ownerName: 'Henk Mulder', incidentSeverity: 'ernstig' })
      expect(res.json().items.every((t: { overdue: boolean; doneAt: unknown }) => t.overdue && t.doneAt === null)).toBe(true)
    }
    expect((await as['bestuur@kompas.demo']!.get('/api/v1/tasks/overdue')).status).toBe(403)
    // Another school's directeur does not see it; once done it leaves the list.
    expect((await as['directeur@lyceum.demo']!.get('/api/v1/tasks/overdue')).json().items.some((t: { id: string }) => t.id === id)).toBe(false)
    expect((await json(as['directeur@branding.demo']!, 'PATCH', `/api/v1/incidents/${ernstigId}/tasks/${id}`, { done: true })).status).toBe(200)
    expect((await ib.get('/api/v1/tasks/overdue')).json().items.some((t: { id: string }) => t.id === id)).toBe(false)
  })

  it('comes in pages, the oldest first, with the total; a bad page size is a 400', async () => {
    const ib = as['ib@branding.demo']!
    for (const n of [1, 2, 3]) {
      const created = await json(ib, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, { kind: 'overig', title: `Te late taak ${n}`, ownerId: userId['directeur@branding.demo'], dueOn: dutchDay(-1) })
      expect(created.status, created.text).toBe(201)
    }
    const all = (await ib.get('/api/v1/tasks/overdue?pageSize=200')).json()
    expect(all.total).toBe(all.items.length)
    expect(all.total).toBeGreaterThanOrEqual(3)
    const dues = all.items.map((t: { dueOn: string }) => t.dueOn)
    expect(dues).toEqual([...dues].sort())
    const first = (await ib.get('/api/v1/tasks/overdue?pageSize=2')).json()
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 })
    expect(first.items.map((t: { id: string }) => t.id)).toEqual(all.items.slice(0, 2).map((t: { id: string }) => t.id))
    const second = (await ib.get('/api/v1/tasks/overdue?pageSize=2&page=2')).json()
    expect(second.items.map((t: { id: string }) => t.id)).toEqual(all.items.slice(2, 4).map((t: { id: string }) => t.id))
    const bad = await ib.get('/api/v1/tasks/overdue?pageSize=100000')
    expect(bad.status).toBe(400)
    expect(bad.json().errors[0].path).toBe('pageSize')
  })
})

describe('voor gezien', () => {
  const body = () => ({ studentId: victim.id, guardianName: 'Linda Bakker', acknowledgedOn: dutchDay(), method: 'op school getekend' })

  it('is refused for an incident that is not zeer ernstig, with the reason in Dutch', async () => {
    const res = await json(as['ib@branding.demo']!, 'POST', `/api/v1/incidents/${ernstigId}/acknowledgements`, body())
    expect(res.status).toBe(409)
    expect(res.json().errors).toEqual([{ path: 'severity', message: expect.stringMatching(/^Alleen bij een zeer ernstig incident tekenen de ouders/) }])
    expect((await as['ib@branding.demo']!.get(`/api/v1/incidents/${ernstigId}/acknowledgements`)).json().items).toEqual([])
  })

  it('is recorded for a zeer ernstig incident and listed', async () => {
    const res = await json(as['ib@branding.demo']!, 'POST', `/api/v1/incidents/${zeerErnstigId}/acknowledgements`, body())
    expect(res.status, res.text).toBe(201)
    const bad = await json(as['ib@branding.demo']!, 'POST', `/api/v1/incidents/${zeerErnstigId}/acknowledgements`, { ...body(), method: 'per duif' })
    expect(bad.status).toBe(400)
    expect(bad.json().errors[0].path).toBe('method')
    const list = (await as['directeur@branding.demo']!.get(`/api/v1/incidents/${zeerErnstigId}/acknowledgements`)).json().items
    expect(list).toMatchObject([{ studentId: victim.id, guardianName: 'Linda Bakker', method: 'op school getekend', recordedByName: 'Sanne Kuipers' }])
  })
})

describe('the parents’ report', () => {
  it('is a PDF for a pupil of the incident: their name, the others as leerling A and B, never by name', async () => {
    const pdf = await getPdf(as['ib@branding.demo']!, `/api/v1/incidents/${zeerErnstigId}/parent-report.pdf?studentId=${victim.id}`)
    expect(pdf.status).toBe(200)
    expect(pdf.type).toBe('application/pdf')
    expect(pdf.disposition).toMatch(/^attachment; filename="incidentverslag-\d{4}-\d{2}-\d{2}\.pdf"$/)
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const text = await pdfText(pdf.bytes)
    expect(text).toContain(`Voor de ouder(s)/verzorger(s) van ${victim.displayName}`)
    expect(text).toContain('leerling A — dader')
    expect(text).toContain('leerling B — getuige')
    expect(text).toContain(`Leerling A slaat ${victim.firstName} op het plein; leerling B ziet het`)
    for (const other of [dader, witness]) {
      expect(text).not.toContain(other.firstName)
      expect(text).not.toContain(other.lastName)
    }
  })

  it('is not found for a pupil outside the incident; a missing pupil is a 400; not for an ernstig incident', async () => {
    const ib = as['ib@branding.demo']!
    const notIn = await ib.get(`/api/v1/incidents/${zeerErnstigId}/parent-report.pdf?studentId=${outsider.id}`)
    expect(notIn.status).toBe(404)
    expect(notIn.json().errors[0].path).toBe('studentId')
    expect((await ib.get(`/api/v1/incidents/${zeerErnstigId}/parent-report.pdf`)).status).toBe(400)
    expect((await ib.get(`/api/v1/incidents/${ernstigId}/parent-report.pdf?studentId=${victim.id}`)).status).toBe(409)
  })
})

describe('other schools and roles', () => {
  it('another school’s directeur gets 404 for everything about the incident', async () => {
    const lyceum = as['directeur@lyceum.demo']!
    const [task] = (await as['ib@branding.demo']!.get(`/api/v1/incidents/${ernstigId}/tasks`)).json().items
    expect((await lyceum.get(`/api/v1/incidents/${ernstigId}/tasks`)).status).toBe(404)
    const plan = await json(lyceum, 'POST', `/api/v1/incidents/${ernstigId}/tasks`, {
      kind: 'overig',
      title: 'x',
      ownerId: userId['directeur@lyceum.demo'],
      dueOn: dutchDay(1),
    })
    expect(plan.status).toBe(404)
    expect((await json(lyceum, 'PATCH', `/api/v1/incidents/${ernstigId}/tasks/${task.id}`, { done: false })).status).toBe(404)
    expect((await json(lyceum, 'POST', `/api/v1/incidents/${zeerErnstigId}/acknowledgements`, { guardianName: 'x', acknowledgedOn: dutchDay(), method: 'digitaal' })).status).toBe(404)
    expect((await lyceum.get(`/api/v1/incidents/${zeerErnstigId}/acknowledgements`)).status).toBe(404)
    expect((await lyceum.get(`/api/v1/incidents/${zeerErnstigId}/parent-report.pdf?studentId=${victim.id}`)).status).toBe(404)
  })

  it('a teacher of another group cannot read the incident’s tasks; the board may not use tasks at all', async () => {
    expect((await as['leerkracht2@branding.demo']!.get(`/api/v1/incidents/${ernstigId}/tasks`)).status).toBe(404)
    expect((await as['bestuur@kompas.demo']!.get(`/api/v1/incidents/${ernstigId}/tasks`)).status).toBe(403)
    expect((await as['bestuur@kompas.demo']!.get(`/api/v1/incidents/${zeerErnstigId}/parent-report.pdf?studentId=${victim.id}`)).status).toBe(403)
  })
})
