// Tenants and organisations administered in the app, through the real server: the platform_beheerder
// creates a stichting and a partner organisation and sees counts but no names; a stichtingbeheerder
// adds a school, a group and a partner link (each in the admin audit trail, before → after), while
// another stichting's beheerder gets 404 on those ids and a directeur 403; suspending a stichting
// stops its members' cookies and tokens (403 tenant_suspended) and lifting it restores them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { currentSchoolYear } from './support/demo-dates.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
const as: Record<string, Client> = {}
const ACCOUNTS = ['platform@baken.demo', 'beheer@kompas.demo', 'privacy@kompas.demo', 'directeur@branding.demo', 'bestuur@horizon.demo']
const json = (c: Client, method: string, path: string, body?: unknown) => c.request(method, path, body === undefined ? {} : { json: body })
const SCHOOL = { name: 'IKC De Vlinder', brin: '98zx', sector: 'po', holidayRegion: 'midden', street: 'Bloemstraat 1', postcode: '3511ab', place: 'Utrecht' }

beforeAll(async () => {
  server = await startServer()
  for (const email of ACCOUNTS) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
})
afterAll(() => server?.stop())

describe('the platform_beheerder', () => {
  it('creates a stichting, refuses bad and taken numbers per field, and sees counts but no names', async () => {
    const p = as['platform@baken.demo']!
    const bad = await json(p, 'POST', '/api/v1/platform/stichtingen', { name: 'Stichting Nieuw', kvkNumber: '1234', bevoegdGezagNumber: 'abcde' })
    expect(bad.status).toBe(400)
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['bevoegdGezagNumber', 'kvkNumber'])
    const created = await json(p, 'POST', '/api/v1/platform/stichtingen', { name: 'Stichting Nieuw', kvkNumber: '8765 4321', bevoegdGezagNumber: '49999' })
    expect(created.status, created.text).toBe(201)
    expect(created.json()).toMatchObject({ name: 'Stichting Nieuw', kvkNumber: '87654321', bevoegdGezagNumber: '49999', suspendedAt: null })
    const taken = await json(p, 'POST', '/api/v1/platform/stichtingen', { name: 'Stichting Dubbel', kvkNumber: '87654321', bevoegdGezagNumber: '48888' })
    expect(taken.status).toBe(409)
    expect(taken.json().errors[0].path).toBe('kvkNumber')

    const list = await p.get('/api/v1/platform/stichtingen')
    expect(list.status).toBe(200)
    const body = list.json()
    expect(body.schoolYear).toBe(currentSchoolYear())
    const kompas = body.items.find((s: { name: string }) => s.name === 'Stichting Kompas')
    expect(kompas.counts.schools).toBe(3)
    expect(kompas.counts.pupils).toBeGreaterThan(20)
    expect(kompas.counts.users).toBeGreaterThan(5)
    expect(body.items.find((s: { name: string }) => s.name === 'Stichting Nieuw').counts).toEqual({ schools: 0, users: 0, pupils: 0, incidents: 0 })
    // Counts only: no pupil's or user's name anywhere in the answer or on the page.
    const pupil = (await as['directeur@branding.demo']!.get('/api/v1/students?pageSize=1')).json().items[0]
    const page = await p.get('/platform')
    expect(page.status).toBe(200)
    for (const text of [list.text, page.text]) {
      expect(text).not.toContain(pupil.lastName)
      expect(text).not.toContain('beheer@kompas.demo')
    }
    expect(page.text).toContain(`/beheer/gebruikers/uitnodigen?stichting=${created.json().id}`)
    // Nobody else sees the platform's list.
    expect((await as['beheer@kompas.demo']!.get('/api/v1/platform/stichtingen')).status).toBe(403)
  })

  it('creates a partner organisation; others may not', async () => {
    const created = await json(as['platform@baken.demo']!, 'POST', '/api/v1/platform/partners', { name: 'Halt Midden', kind: 'halt_region' })
    expect(created.status, created.text).toBe(201)
    expect((await json(as['beheer@kompas.demo']!, 'POST', '/api/v1/platform/partners', { name: 'Eigen partner', kind: 'other' })).status).toBe(403)
    const bad = await json(as['platform@baken.demo']!, 'POST', '/api/v1/platform/partners', { name: '', kind: 'bakkerij' })
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['kind', 'name'])
  })
})

describe('the stichtingbeheerder', () => {
  let schoolId = ''
  it('adds a school (BRIN and postcode normalised), refuses a taken BRIN at the field, and edits it', async () => {
    const b = as['beheer@kompas.demo']!
    const bad = await json(b, 'POST', '/api/v1/admin/schools', { ...SCHOOL, brin: '9ZZZ', postcode: '0123 AB', sector: 'hbo' })
    expect(bad.status).toBe(400)
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['brin', 'postcode', 'sector'])
    const taken = await json(b, 'POST', '/api/v1/admin/schools', { ...SCHOOL, brin: '45GH' }) // CBS De Horizon, of the other stichting
    expect(taken.status).toBe(409)
    expect(taken.json().errors[0]).toMatchObject({ path: 'brin', message: expect.stringContaining('BRIN-code is al in gebruik') })
    const created = await json(b, 'POST', '/api/v1/admin/schools', SCHOOL)
    expect(created.status, created.text).toBe(201)
    expect(created.json()).toMatchObject({ brin: '98ZX', postcode: '3511 AB', place: 'Utrecht' })
    schoolId = created.json().id
    const edited = await json(b, 'PUT', `/api/v1/admin/schools/${schoolId}`, { ...SCHOOL, name: 'IKC De Vlinder-Oost' })
    expect(edited.status, edited.text).toBe(200)
    expect((await b.get('/api/v1/admin/schools')).json().items.map((s: { name: string }) => s.name)).toContain('IKC De Vlinder-Oost')

    const audit = (await b.get('/api/v1/admin/audit?subjectType=school')).json().items
    expect(audit[0]).toMatchObject({ action: 'school.updated', before: { name: 'IKC De Vlinder' }, after: { name: 'IKC De Vlinder-Oost' }, actorRole: 'stichtingbeheerder' })
    expect(audit[1]).toMatchObject({ action: 'school.created', before: null, after: { brin: '98ZX' } })
    // The privacyfunctionaris reads the same trail; the directeur may not.
    expect((await as['privacy@kompas.demo']!.get('/api/v1/admin/audit?subjectType=school')).json().items).toHaveLength(2)
    expect((await as['directeur@branding.demo']!.get('/api/v1/admin/audit')).status).toBe(403)
  })

  it('adds a group and a partner link; another stichting gets 404, a directeur 403', async () => {
    const b = as['beheer@kompas.demo']!
    const group = await json(b, 'POST', '/api/v1/admin/groups', { schoolId, schoolYear: currentSchoolYear(), name: 'groep 1/2' })
    expect(group.status, group.text).toBe(201)
    const twice = await json(b, 'POST', '/api/v1/admin/groups', { schoolId, schoolYear: currentSchoolYear(), name: 'groep 1/2' })
    expect(twice.status).toBe(409)
    expect(twice.json().errors[0].path).toBe('name')
    expect((await b.get(`/api/v1/admin/groups?schoolId=${schoolId}`)).json().items.map((g: { name: string }) => g.name)).toEqual(['groep 1/2'])

    const partners = (await b.get('/api/v1/platform/partners')).json().items as { id: string; name: string }[]
    const halt = partners.find((p) => p.name === 'Halt Noord')!
    const link = await json(b, 'POST', '/api/v1/admin/partner-links', { partnerId: halt.id, schoolId })
    expect(link.status, link.text).toBe(201)
    const linkId = link.json().id
    expect((await b.get('/api/v1/admin/partner-links')).json().items.map((l: { id: string }) => l.id)).toContain(linkId)

    // Horizon's beheerder: none exists in Horizon (its account is the bestuurder; the RLS wall is the point).
    const horizon = as['bestuur@horizon.demo']!
    expect((await json(horizon, 'PUT', `/api/v1/admin/schools/${schoolId}`, SCHOOL)).status).toBe(403)
    const dir = as['directeur@branding.demo']!
    expect((await json(dir, 'POST', '/api/v1/admin/schools', { ...SCHOOL, brin: '97ZY' })).status).toBe(403)
    expect((await json(dir, 'DELETE', `/api/v1/admin/partner-links/${linkId}`)).status).toBe(403)

    const unlinked = await json(b, 'DELETE', `/api/v1/admin/partner-links/${linkId}`)
    expect(unlinked.status).toBe(204)
    expect((await json(b, 'DELETE', `/api/v1/admin/partner-links/${linkId}`)).status).toBe(404)
    const trail = (await b.get('/api/v1/admin/audit?subjectType=partner_link')).json().items
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['partner_link.removed', 'partner_link.created'])
  })
})

describe('suspension', () => {
  it('stops a member’s cookie and token with tenant_suspended, and lifting it restores both', async () => {
    const b = as['beheer@kompas.demo']!
    const me = (await b.get('/api/v1/me')).json()
    const minted = await b.post('/account', { intent: 'create-token', name: 'Koppeling', days: '7', membershipId: me.membership.id })
    const token = /bkn_[a-z2-7]{32}/.exec(minted.text)![0]
    const bearer = new Client(server.baseUrl, { bearer: token, origin: null })
    expect((await bearer.get('/api/v1/admin/schools')).status).toBe(200)

    const p = as['platform@baken.demo']!
    const kompas = (await p.get('/api/v1/platform/stichtingen')).json().items.find((s: { name: string }) => s.name === 'Stichting Kompas')
    const suspended = await json(p, 'PATCH', `/api/v1/platform/stichtingen/${kompas.id}`, { suspended: true })
    expect(suspended.status, suspended.text).toBe(200)
    expect(suspended.json().suspendedAt).not.toBeNull()

    for (const c of [b, bearer, as['directeur@branding.demo']!]) {
      const res = await c.get('/api/v1/admin/schools')
      expect(res.status).toBe(403)
      expect(res.json().code).toBe('tenant_suspended')
    }
    const page = await b.get('/beheer/scholen')
    expect(page.status).toBe(403)
    expect(page.text).toContain('opgeschort')
    // Nor can a member mint a token for the suspended stichting meanwhile; none is made.
    const refused = await b.post('/account', { intent: 'create-token', name: 'Tijdens opschorting', days: '7', membershipId: me.membership.id })
    expect(refused.status).toBe(403)
    expect(refused.text).not.toMatch(/bkn_[a-z2-7]{32}/)
    expect((await b.get('/account')).text).not.toContain('Tijdens opschorting')

    // Another stichting works on.
    expect((await as['bestuur@horizon.demo']!.get('/api/v1/stichting/settings')).status).toBe(200)

    expect((await json(p, 'PATCH', `/api/v1/platform/stichtingen/${kompas.id}`, { suspended: false })).status).toBe(200)
    expect((await b.get('/api/v1/admin/schools')).status).toBe(200)
    expect((await bearer.get('/api/v1/admin/schools')).status).toBe(200)
    const trail = (await b.get('/api/v1/admin/audit?subjectType=stichting')).json().items
    expect(trail.map((a: { action: string }) => a.action).slice(0, 2)).toEqual(['stichting.unsuspended', 'stichting.suspended'])
  })
})
