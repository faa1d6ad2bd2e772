// The parents' portal through the real server on a Postgres server (ADR 033), with an owner
// connection beside it to read the outbox (no mail worker runs). A directeur invites a pupil's
// guardian from the roster; the guardian accepts by the mailed link; a leerkracht may not release,
// the directeur releases the pupil's redacted report; the guardian reads it, acknowledges it with a
// reaction and files an inzage request; the IB sees the acknowledgement and the FG the request with
// its deadline. A guardian gets 404 for another child's item and shares, for another school's
// pupil and for staff routes; staff get 404 in the portal; an ended link closes at once; a family
// session is at most 7 days.
import type postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startOwnDatabase, type OwnDatabase } from './support/own-database.ts'
import type { RunningServer } from './support/server.ts'

const GOOD_PASSWORD = 'fietsbel regent zacht oranje'
const DAY = 86_400_000

let server: RunningServer
let own: OwnDatabase | undefined
let owner: postgres.Sql
const as: Record<string, Client> = {}
const guardian = { client: null as unknown as Client, email: '', name: '' }
let pupil = { id: '', name: '', incidentId: '', otherNames: [] as string[] }
let demoChild = ''
let lyceumPupil = ''

beforeAll(async () => {
  own = await startOwnDatabase('baken_portal', { BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0' })
  server = own.server
  owner = own.owner
  for (const email of ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'privacy@kompas.demo', 'ouder@branding.demo', 'leerling@vakcollege.demo']) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  demoChild = (await owner`select l.student_id from guardian_links l join users u on u.id = l.user_id where u.email = 'ouder@branding.demo'`)[0]!.student_id
  lyceumPupil = (await owner`select s.id from students s join schools sc on sc.id = s.school_id where sc.name = 'Kompas Lyceum' limit 1`)[0]!.id
  // A pupil of De Branding (not the demo guardian's child) in a submitted, not confidential, zeer
  // ernstig incident with another pupil, and with a guardian on the roster.
  const [row] = await owner`
    select s.id, s.first_name || ' ' || coalesce(s.infix || ' ', '') || s.last_name as name, i.id as incident_id
    from incidents i
    join incident_persons p on p.incident_id = i.id
    join students s on s.id = p.student_id
    join schools sc on sc.id = i.school_id
    where sc.name = 'OBS De Branding' and i.severity = 'zeer_ernstig' and i.status = 'submitted' and not i.confidential
      and s.id <> ${demoChild}
      and exists (select 1 from incident_persons q where q.incident_id = i.id and q.student_id is not null and q.student_id <> s.id)
      and exists (select 1 from student_guardians g join guardians gu on gu.id = g.guardian_id where g.student_id = s.id and gu.email is not null)
    order by i.occurred_at desc limit 1`
  pupil = { id: row!.id, name: row!.name, incidentId: row!.incident_id, otherNames: [] }
  pupil.otherNames = (
    await owner`select s.first_name || ' ' || s.last_name as name from incident_persons p join students s on s.id = p.student_id
      where p.incident_id = ${pupil.incidentId} and s.id <> ${pupil.id}`
  ).map((r) => r.name as string)
}, 240_000)

afterAll(() => own?.stop())

async function lastMailTo(email: string): Promise<string> {
  const [row] = await owner`select subject, text from outbox where to_address = ${email} order by created_at desc limit 1`
  return `${row?.subject ?? ''}\n${row?.text ?? ''}`
}

describe('the parents portal, end to end over HTTP', () => {
  let itemId = ''

  it('the directeur invites the guardian from the roster; the guardian accepts by the mailed link', async () => {
    const [g] = await owner`select gu.id, gu.email, gu.name from student_guardians sg join guardians gu on gu.id = sg.guardian_id
      where sg.student_id = ${pupil.id} and gu.email is not null order by gu.name limit 1`
    guardian.email = String(g!.email).toLowerCase()
    guardian.name = g!.name
    // A leerkracht may not invite.
    const teacher = await as['leerkracht@branding.demo']!.request('POST', `/api/v1/students/${pupil.id}/guardian-invitations`, { json: { kind: 'ouder', guardianId: g!.id } })
    expect(teacher.status).toBe(403)
    // A pupil under 16 gets no own account.
    const young = await as['directeur@branding.demo']!.request('POST', `/api/v1/students/${pupil.id}/guardian-invitations`, { json: { kind: 'leerling', email: 'kind@ouders.demo' } })
    expect(young.status).toBe(409)
    expect(young.json().errors[0].message).toContain('UAVG art. 5')
    const res = await as['directeur@branding.demo']!.request('POST', `/api/v1/students/${pupil.id}/guardian-invitations`, { json: { kind: 'ouder', guardianId: g!.id } })
    expect(res.status).toBe(201)
    const mail = await lastMailTo(guardian.email)
    const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mail)?.[1]
    expect(token).toBeTruthy()
    // The invitation names no pupil.
    expect(mail).not.toContain(pupil.name.split(' ')[0]!)
    guardian.client = new Client(server.baseUrl)
    const accepted = await guardian.client.post(`/uitnodiging/${token}`, { name: guardian.name, password: GOOD_PASSWORD })
    expect(accepted.status).toBe(302)
    // Single use.
    expect((await new Client(server.baseUrl).post(`/uitnodiging/${token}`, { name: 'Iemand', password: GOOD_PASSWORD })).status).toBe(409)
    const me = (await guardian.client.get('/api/v1/me')).json()
    expect(me.role).toBe('ouder')
    const portal = (await guardian.client.get('/api/v1/portal')).json()
    expect(portal.children.map((c: { id: string }) => c.id)).toEqual([pupil.id])
    // Nothing is exposed before a release.
    expect(portal.items).toEqual([])
  })

  it('a leerkracht may not release; the directeur releases the redacted report and the guardian gets a mail without content', async () => {
    const path = `/api/v1/incidents/${pupil.incidentId}/participants/${pupil.id}/release`
    expect((await as['leerkracht@branding.demo']!.request('POST', path, { json: {} })).status).toBe(403)
    const res = await as['directeur@branding.demo']!.request('POST', path, { json: {} })
    expect(res.status, res.text).toBe(201)
    itemId = res.json().id
    expect(res.json().notified).toBe(1)
    const mail = await lastMailTo(guardian.email)
    expect(mail).toContain('/ouders')
    expect(mail).not.toContain(pupil.name.split(' ')[0]!)
    expect(mail).not.toMatch(/incident/i)
    // A second live release of the same report is refused.
    expect((await as['directeur@branding.demo']!.request('POST', path, { json: {} })).status).toBe(409)
  })

  it('the guardian reads the redacted report: other pupils appear only as "leerling A", …', async () => {
    const res = await guardian.client.get(`/api/v1/portal/items/${itemId}`)
    expect(res.status).toBe(200)
    const report = res.json().item.report
    expect(report.pupil.name).toBe(pupil.name.replace(/\s+/g, ' ').trim())
    expect(report.persons.some((p: { who: string }) => /^leerling [A-Z]$/.test(p.who))).toBe(true)
    for (const name of pupil.otherNames) expect(res.text).not.toContain(name)
  })

  it('gives "voor gezien" with a reaction; the IB sees it as a digital acknowledgement with the reaction', async () => {
    const res = await guardian.client.request('POST', `/api/v1/portal/items/${itemId}/acknowledgements`, { json: { reaction: 'Wij praten er thuis over.' } })
    expect(res.status).toBe(201)
    const acks = (await as['ib@branding.demo']!.get(`/api/v1/incidents/${pupil.incidentId}/acknowledgements`)).json().items
    const digital = acks.find((a: { portalItemId: string | null }) => a.portalItemId === itemId)
    expect(digital).toMatchObject({ method: 'digitaal', reaction: 'Wij praten er thuis over.', studentId: pupil.id, guardianName: guardian.name })
    // Bad input: a clear error, nothing saved.
    const long = await guardian.client.request('POST', `/api/v1/portal/items/${itemId}/acknowledgements`, { json: { reaction: 'x'.repeat(4001) } })
    expect(long.status).toBe(400)
    expect(long.json().errors[0].path).toBe('reaction')
  })

  it('files an inzage request; the FG sees it with its one-month deadline', async () => {
    const res = await guardian.client.request('POST', '/api/v1/portal/requests', { json: { studentId: pupil.id, kind: 'inzage', details: 'Ik wil het dossier van mijn kind inzien.' } })
    expect(res.status).toBe(201)
    const { dueOn, id } = res.json()
    const today = new Date()
    const due = new Date(`${dueOn}T12:00:00Z`)
    expect(due.getTime() - today.getTime()).toBeGreaterThan(26 * DAY)
    expect(due.getTime() - today.getTime()).toBeLessThan(33 * DAY)
    const fg = (await as['privacy@kompas.demo']!.get('/api/v1/subject-requests')).json().items
    expect(fg.find((r: { id: string }) => r.id === id)).toMatchObject({ kind: 'inzage', requestedBy: 'ouders', dueOn, status: 'open' })
    // Another child: not found, nothing filed.
    const other = await guardian.client.request('POST', '/api/v1/portal/requests', { json: { studentId: demoChild, kind: 'inzage', details: 'Ik wil het dossier inzien.' } })
    expect(other.status).toBe(404)
  })

  it('a guardian gets 404 for another child, another school’s pupil and staff routes; staff get 404 in the portal', async () => {
    const demo = as['ouder@branding.demo']!
    expect((await demo.get(`/api/v1/portal/items/${itemId}`)).status).toBe(404)
    expect((await demo.get(`/api/v1/portal/students/${pupil.id}/shares`)).status).toBe(404)
    expect((await demo.get(`/api/v1/portal/students/${lyceumPupil}/shares`)).status).toBe(404)
    const ownShares = await demo.get(`/api/v1/portal/students/${demoChild}/shares`)
    expect(ownShares.status).toBe(200)
    expect(ownShares.json().shares.map((s: { recipient: string }) => s.recipient)).toContain('Wijkteam Centrum')
    for (const path of [`/api/v1/students/${demoChild}`, `/api/v1/students/${lyceumPupil}`, '/api/v1/students', `/api/v1/incidents/${pupil.incidentId}`, `/api/v1/incidents/${pupil.incidentId}/acknowledgements`, '/api/v1/subject-requests', '/leerlingen', `/leerlingen/${demoChild}`, '/incidenten', '/privacy']) {
      expect((await demo.get(path)).status, path).toBe(404)
    }
    expect((await demo.request('POST', '/api/v1/subject-requests', { json: {} })).status).toBe(404)
    for (const staff of ['directeur@branding.demo', 'privacy@kompas.demo']) {
      expect((await as[staff]!.get('/api/v1/portal')).status, staff).toBe(404)
      expect((await as[staff]!.get(`/api/v1/portal/items/${itemId}`)).status, staff).toBe(404)
      expect((await as[staff]!.get('/ouders')).status, staff).toBe(404)
    }
    // The home page takes the family to the portal.
    const home = await demo.get('/')
    expect(home.status).toBe(302)
    expect(home.location).toBe('/ouders')
    expect((await demo.get('/ouders')).status).toBe(200)
  })

  it('the pupil of 17 sees their own data and files in their own name', async () => {
    const student = as['leerling@vakcollege.demo']!
    const portal = (await student.get('/api/v1/portal')).json()
    expect(portal.children).toHaveLength(1)
    expect(portal.children[0]).toMatchObject({ kind: 'leerling', rightsHolder: 'leerling' })
    const res = await student.request('POST', '/api/v1/portal/requests', { json: { studentId: portal.children[0].id, kind: 'rectificatie', details: 'Mijn adres klopt niet.' } })
    expect(res.status).toBe(201)
    const [row] = await owner`select requested_by from subject_requests where id = ${res.json().id}`
    expect(row!.requested_by).toBe('leerling')
  })

  it('inzage: the directeur releases the pupil’s file as the AVG export builds it, without staff names; the IB may not', async () => {
    expect((await as['ib@branding.demo']!.request('POST', `/api/v1/students/${pupil.id}/portal-file`, { json: {} })).status).toBe(404)
    const res = await as['directeur@branding.demo']!.request('POST', `/api/v1/students/${pupil.id}/portal-file`, { json: {} })
    expect(res.status, res.text).toBe(201)
    const item = await guardian.client.get(`/api/v1/portal/items/${res.json().id}`)
    expect(item.status).toBe(200)
    const file = item.json().item.file
    expect(file.student.id).toBe(pupil.id)
    expect(file.incidents.some((i: { id: string }) => i.id === pupil.incidentId)).toBe(true)
    expect(file).not.toHaveProperty('accessHistory')
    expect(file).not.toHaveProperty('generatedBy')
    for (const name of pupil.otherNames) expect(item.text).not.toContain(name)
    // Who looked at it, and who moved a measure along, are not named.
    for (const m of file.measures) for (const t of m.transitions) expect(t).not.toHaveProperty('by')
  })

  it('a family session lasts at most 7 days, sliding', async () => {
    const [s] = await owner`select s.expires_at from sessions s join users u on u.id = s.user_id where u.email = ${guardian.email} order by s.created_at desc limit 1`
    const left = new Date(s!.expires_at).getTime() - Date.now()
    expect(left).toBeLessThanOrEqual(7 * DAY + 60_000)
    expect(left).toBeGreaterThan(6 * DAY)
  })

  it('a family membership never becomes a staff role through the API, nor a staff one a family role', async () => {
    const directeur = as['directeur@branding.demo']!
    const [family] = await owner`select m.id from memberships m join users u on u.id = m.user_id where u.email = 'ouder@branding.demo'`
    const [staff] = await owner`select m.id from memberships m join users u on u.id = m.user_id where u.email = 'leerkracht@branding.demo'`
    const promoted = await directeur.request('PATCH', `/api/v1/admin/memberships/${family!.id}`, { json: { role: 'leerkracht' } })
    expect(promoted.status).toBe(409)
    expect(promoted.json().errors[0]).toMatchObject({ path: 'id', message: expect.stringContaining('ouder- of leerlingaccount') })
    const ended = await directeur.request('DELETE', `/api/v1/admin/memberships/${family!.id}`)
    expect(ended.status).toBe(409)
    for (const role of ['ouder', 'leerling']) {
      const demoted = await directeur.request('PATCH', `/api/v1/admin/memberships/${staff!.id}`, { json: { role } })
      expect(demoted.status, role).toBe(400)
      expect(demoted.json().errors[0]).toMatchObject({ path: 'role', message: expect.stringContaining('wordt geen ouder of leerling') })
    }
    // Nor is a family role offered in a staff invitation: the pupil's page invites families.
    const invited = await directeur.request('POST', '/api/v1/admin/invitations', { json: { email: 'nieuwe-ouder@voorbeeld.nl', memberships: [{ role: 'ouder' }] } })
    expect(invited.status).toBe(400)
    expect(invited.json().errors[0]).toMatchObject({ path: 'memberships.0.role', message: expect.stringContaining('pagina van de leerling') })
    // Nothing changed.
    expect((await owner`select role from memberships where id = ${family!.id}`)[0]!.role).toBe('ouder')
    expect((await owner`select role from memberships where id = ${staff!.id}`)[0]!.role).toBe('leerkracht')
    expect(await owner`select 1 from invitations where email = 'nieuwe-ouder@voorbeeld.nl'`).toHaveLength(0)
  })

  it('an ended link closes the portal for that child at once', async () => {
    const [link] = await owner`select l.id from guardian_links l join users u on u.id = l.user_id where u.email = ${guardian.email}`
    const ended = await as['directeur@branding.demo']!.request('POST', `/api/v1/guardian-links/${link!.id}/end`, { json: { reason: 'Gezag gewijzigd' } })
    expect(ended.status).toBe(200)
    expect((await guardian.client.get(`/api/v1/portal/items/${itemId}`)).status).toBe(404)
    expect((await guardian.client.get('/api/v1/portal')).json().children).toEqual([])
  })
})
