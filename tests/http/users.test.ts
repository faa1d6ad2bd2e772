// Invitations, memberships and deactivation through the real server on a Postgres server, with an
// owner connection beside it to read the outbox (no mail worker runs, so the invitation mail stays
// there) and to move an invitation's expiry into the past instead of waiting 72 hours. Every refusal
// the accounts work promises: an expired, used or revoked link, a role above one's own (through the
// API and written straight into the database as the app role), a directeur inviting outside its
// school, another stichting's user (404), a deactivated user's old cookie and token (401), and a
// weak password (Dutch message).
import type postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startOwnDatabase, type OwnDatabase } from './support/own-database.ts'
import type { RunningServer } from './support/server.ts'

const GOOD_PASSWORD = 'fietsbel regent zacht oranje'

let server: RunningServer
let own: OwnDatabase | undefined
let owner: postgres.Sql
const as: Record<string, Client> = {}

beforeAll(async () => {
  own = await startOwnDatabase('baken_users', { BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0' })
  server = own.server
  owner = own.owner
  for (const email of ['beheer@kompas.demo', 'directeur@branding.demo', 'leerkracht2@branding.demo']) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
}, 180_000)

afterAll(() => own?.stop())

const userId = async (email: string) => (await owner`select id from users where email = ${email}`)[0]!.id as string
const schoolOf = async (email: string) =>
  (await owner`select m.school_id from memberships m join users u on u.id = m.user_id where u.email = ${email}`)[0]!.school_id as string

async function invite(c: Client, body: unknown) {
  return c.request('POST', '/api/v1/admin/invitations', { json: body })
}
/** The link in the last mail to the address, as the outbox holds it. */
async function tokenFor(email: string): Promise<string> {
  const [row] = await owner`select text from outbox where to_address = ${email} order by created_at desc limit 1`
  const token = /\/uitnodiging\/([a-z0-9]+)/.exec(String(row?.text))?.[1]
  if (!token) throw new Error(`no invitation mail to ${email}`)
  return token
}

describe('invitations', () => {
  it('the beheerder invites, the mail holds the link, the invitee sets a password and is signed in; the link works once', async () => {
    const schoolId = await schoolOf('directeur@branding.demo')
    const res = await invite(as['beheer@kompas.demo']!, { email: 'nieuw@branding.demo', memberships: [{ role: 'leerkracht', schoolId }] })
    expect(res.status).toBe(201)
    const token = await tokenFor('nieuw@branding.demo')
    const [stored] = await owner`select token_hash from invitations where email = 'nieuw@branding.demo'`
    expect(stored!.token_hash).not.toBe(token)
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/)
    // Nobody reading the stichting's outbox sees the link (they could accept it in the invitee's name).
    const [mail] = await owner`select id from outbox where to_address = 'nieuw@branding.demo'`
    const board = new Client(server.baseUrl)
    await board.login('bestuur@kompas.demo')
    const shown = await board.get(`/berichten?bericht=${mail!.id}`)
    expect(shown.status).toBe(200)
    expect(shown.text).toContain('Uitnodiging voor Baken')
    expect(shown.text).not.toContain(token)

    const invitee = new Client(server.baseUrl)
    const page = await invitee.get(`/uitnodiging/${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Ruud Verhoef')
    // The last policy in the list wins (Fetch: the last valid token), so the page's own no-referrer applies.
    expect(page.headers.get('referrer-policy')).toMatch(/(^|, )no-referrer$/)

    const weak = await invitee.post(`/uitnodiging/${token}`, { name: 'Nieuwe Collega', password: 'welkom123456' })
    expect(weak.status).toBe(400)
    expect(weak.text).toContain('te makkelijk te raden')
    expect(await owner`select 1 from users where email = 'nieuw@branding.demo'`).toHaveLength(0)

    const ok = await invitee.post(`/uitnodiging/${token}`, { name: 'Nieuwe Collega', password: GOOD_PASSWORD })
    expect(ok.status).toBe(302)
    const me = (await invitee.get('/api/v1/me')).json()
    expect(me.membership).toMatchObject({ role: 'leerkracht' })

    const again = await new Client(server.baseUrl).post(`/uitnodiging/${token}`, { name: 'Iemand', password: GOOD_PASSWORD })
    expect(again.status).toBe(409)
    expect(again.text).toContain('al gebruikt')
    expect((await new Client(server.baseUrl).get(`/uitnodiging/${token}`)).status).toBe(410)
  })

  it('an expired and a revoked link get their own messages', async () => {
    const director = as['directeur@branding.demo']!
    expect((await invite(director, { email: 'laat@branding.demo', memberships: [{ role: 'leerkracht' }] })).status).toBe(201)
    expect((await invite(director, { email: 'weg@branding.demo', memberships: [{ role: 'leerkracht' }] })).status).toBe(201)
    await owner`update invitations set created_at = now() - interval '73 hours', expires_at = now() - interval '1 hour' where email = 'laat@branding.demo'`
    await owner`update invitations set revoked_at = now() where email = 'weg@branding.demo'`
    const late = await new Client(server.baseUrl).post(`/uitnodiging/${await tokenFor('laat@branding.demo')}`, { name: 'Laat', password: GOOD_PASSWORD })
    expect(late.status).toBe(409)
    expect(late.text).toContain('verlopen')
    const gone = await new Client(server.baseUrl).get(`/uitnodiging/${await tokenFor('weg@branding.demo')}`)
    expect(gone.status).toBe(410)
    expect(gone.text).toContain('ingetrokken')
    expect((await new Client(server.baseUrl).get('/uitnodiging/bestaatniet')).status).toBe(404)
  })

  it('an open invitation is revoked from the page or the API: the link stops at once; twice, accepted or out of reach is refused', async () => {
    const beheer = as['beheer@kompas.demo']!
    const schoolId = await schoolOf('directeur@branding.demo')
    expect((await invite(beheer, { email: 'ingetrokken@branding.demo', memberships: [{ role: 'leerkracht', schoolId }] })).status).toBe(201)
    expect((await invite(beheer, { email: 'pagina@branding.demo', memberships: [{ role: 'leerkracht', schoolId }] })).status).toBe(201)
    const [viaApi] = await owner`select id from invitations where email = 'ingetrokken@branding.demo'`
    const [viaPage] = await owner`select id from invitations where email = 'pagina@branding.demo'`
    // Out of reach: a leerkracht may not; another stichting's directeur finds nothing.
    expect((await as['leerkracht2@branding.demo']!.request('DELETE', `/api/v1/admin/invitations/${viaApi!.id}`)).status).toBe(403)
    const horizon = new Client(server.baseUrl)
    await horizon.login('directeur@horizon.demo')
    expect((await horizon.request('DELETE', `/api/v1/admin/invitations/${viaApi!.id}`)).status).toBe(404)
    expect((await owner`select revoked_at from invitations where id = ${viaApi!.id}`)[0]!.revoked_at).toBeNull()
    const revoked = await beheer.request('DELETE', `/api/v1/admin/invitations/${viaApi!.id}`)
    expect(revoked.status).toBe(200)
    expect(revoked.json()).toMatchObject({ id: viaApi!.id, revokedAt: expect.any(String) })
    expect((await beheer.request('DELETE', `/api/v1/admin/invitations/${viaApi!.id}`)).status).toBe(409)
    const gone = await new Client(server.baseUrl).post(`/uitnodiging/${await tokenFor('ingetrokken@branding.demo')}`, { name: 'Te Laat', password: GOOD_PASSWORD })
    expect(gone.status).toBe(409)
    expect(gone.text).toContain('ingetrokken')
    expect(await owner`select 1 from users where email = 'ingetrokken@branding.demo'`).toHaveLength(0)
    // On the page: the button, then the list no longer shows it.
    const list = await beheer.get('/beheer/gebruikers')
    expect(list.text).toContain('Uitnodiging aan pagina@branding.demo intrekken')
    const done = await beheer.post('/beheer/gebruikers', { intent: 'revoke-invitation', id: viaPage!.id })
    expect(done.status).toBe(200)
    expect(done.text).toContain('de link werkt niet meer')
    expect((await beheer.get('/beheer/gebruikers')).text).not.toContain('pagina@branding.demo')
    const trail = (await beheer.get('/api/v1/admin/audit?subjectType=invitation')).json().items
    expect(trail.filter((a: { action: string }) => a.action === 'invitation.revoked')).toHaveLength(2)
  })

  it('nobody offers a role above their own, and a directeur only its own school’s roles', async () => {
    const director = as['directeur@branding.demo']!
    const lyceum = await schoolOf('directeur@lyceum.demo')
    const above = await invite(director, { email: 'x@branding.demo', memberships: [{ role: 'stichtingbeheerder' }] })
    expect(above.status).toBe(403)
    expect(above.json().errors[0]).toMatchObject({ path: 'memberships.0.role' })
    expect((await invite(director, { email: 'x@branding.demo', memberships: [{ role: 'leerkracht', schoolId: lyceum }] })).status).toBe(403)
    expect((await invite(as['leerkracht2@branding.demo']!, { email: 'x@branding.demo', memberships: [{ role: 'leerkracht' }] })).status).toBe(403)
    expect(await owner`select 1 from invitations where email = 'x@branding.demo'`).toHaveLength(0)
  })

  it('the database refuses the same grant written directly as the app role', async () => {
    const directeur = await userId('directeur@branding.demo')
    const [m] = await owner`select m.stichting_id, m.school_id from memberships m where m.user_id = ${directeur}`
    const target = await userId('leerkracht2@branding.demo')
    const forged = owner.begin(async (tx) => {
      await tx`select set_config('role', 'baken_app', true), set_config('app.user_id', ${directeur}, true), set_config('app.role', 'directeur', true),
                      set_config('app.stichting_id', ${m!.stichting_id}, true), set_config('app.school_id', ${m!.school_id}, true)`
      await tx`insert into memberships (user_id, role, stichting_id) values (${target}, 'stichtingbeheerder', ${m!.stichting_id})`
    })
    await expect(forged).rejects.toThrow(/row-level security/)
  })
})

describe('users and memberships', () => {
  it('another stichting’s user and membership answer 404', async () => {
    const foreign = await userId('directeur@horizon.demo')
    const beheer = as['beheer@kompas.demo']!
    expect((await beheer.get(`/api/v1/admin/users/${foreign}`)).status).toBe(404)
    expect((await beheer.request('POST', `/api/v1/admin/users/${foreign}/deactivate`)).status).toBe(404)
    const [fm] = await owner`select id from memberships where user_id = ${foreign}`
    expect((await beheer.request('DELETE', `/api/v1/admin/memberships/${fm!.id}`)).status).toBe(404)
    expect((await beheer.get(`/api/v1/admin/users/${await userId('leerkracht2@branding.demo')}`)).status).toBe(200)
  })

  it('a role change above one’s own is refused; within it, it is made and audited', async () => {
    const director = as['directeur@branding.demo']!
    const ib = await userId('ib@branding.demo')
    const [m] = await owner`select id from memberships where user_id = ${ib}`
    expect((await director.request('PATCH', `/api/v1/admin/memberships/${m!.id}`, { json: { role: 'bestuurder' } })).status).toBe(400)
    const ok = await director.request('PATCH', `/api/v1/admin/memberships/${m!.id}`, { json: { role: 'vertrouwenspersoon' } })
    expect(ok.status).toBe(200)
    expect(await owner`select action from admin_audit where subject_id = ${m!.id}`).toEqual([{ action: 'membership.role_changed' }])
  })

  it('deactivation makes the old cookie and API token answer 401 at once', async () => {
    const teacher = as['leerkracht2@branding.demo']!
    const membershipId = (await teacher.get('/api/v1/me')).json().membership.id
    const minted = await teacher.post('/account', { intent: 'create-token', name: 'Koppeling', days: '7', membershipId })
    const token = /bkn_[a-z2-7]{32}/.exec(minted.text)?.[0]
    expect(token).toBeDefined()
    const bearer = new Client(server.baseUrl, { bearer: token!, origin: null })
    expect((await bearer.get('/api/v1/me')).status).toBe(200)

    const id = await userId('leerkracht2@branding.demo')
    const res = await as['directeur@branding.demo']!.request('POST', `/api/v1/admin/users/${id}/deactivate`)
    expect(res.status).toBe(200)
    expect(res.json()).toMatchObject({ active: false, changed: true })
    expect((await teacher.get('/api/v1/me')).status).toBe(401)
    expect((await bearer.get('/api/v1/me')).status).toBe(401)
    expect((await new Client(server.baseUrl).post('/login', { email: 'leerkracht2@branding.demo', password: 'veilig-demo-2026' })).status).toBe(401)
    // One's own account: refused.
    const self = await as['directeur@branding.demo']!.request('POST', `/api/v1/admin/users/${await userId('directeur@branding.demo')}/deactivate`)
    expect(self.status).toBe(409)
    expect((await as['directeur@branding.demo']!.request('POST', `/api/v1/admin/users/${id}/reactivate`)).json()).toMatchObject({ active: true })
  })
})

describe('the account page’s sessions', () => {
  it('lists the devices with “dit apparaat” marked; one is revoked, then all others', async () => {
    const phone = new Client(server.baseUrl)
    await phone.request('POST', '/login', { form: { email: 'ib@branding.demo', password: 'veilig-demo-2026' }, headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1' } })
    const laptop = new Client(server.baseUrl)
    await laptop.request('POST', '/login', { form: { email: 'ib@branding.demo', password: 'veilig-demo-2026' }, headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0 Safari/537.36' } })
    const desk = new Client(server.baseUrl)
    await desk.login('ib@branding.demo')
    const page = (await desk.get('/account')).text
    expect(page).toContain('Safari op iPhone')
    expect(page).toContain('Chrome op Windows')
    expect(page).toContain('dit apparaat')
    const ids = [...page.matchAll(/name="sessionId" value="([0-9a-f]{64})"/g)].map((m) => m[1]!)
    expect(ids.length).toBeGreaterThanOrEqual(2)
    // Someone else's session id changes nothing.
    expect((await as['directeur@branding.demo']!.post('/account', { intent: 'revoke-session', sessionId: ids[0]! })).status).toBe(404)
    expect((await desk.post('/account', { intent: 'revoke-session', sessionId: ids[0]! })).status).toBe(200)
    const still = [phone, laptop].map(async (c) => (await c.get('/api/v1/me')).status)
    expect((await Promise.all(still)).sort()).toEqual([200, 401])
    expect((await desk.post('/account', { intent: 'revoke-other-sessions' })).status).toBe(200)
    expect((await phone.get('/api/v1/me')).status).toBe(401)
    expect((await laptop.get('/api/v1/me')).status).toBe(401)
    expect((await desk.get('/api/v1/me')).status).toBe(200)
  })
})

describe('changing one’s password on the account page', () => {
  it('needs the current one, refuses a weak one in Dutch, and ends the other sessions', async () => {
    const email = 'vertrouwenspersoon@branding.demo'
    const other = new Client(server.baseUrl)
    await other.login(email)
    const here = new Client(server.baseUrl)
    await here.login(email)
    const wrong = await here.post('/account', { intent: 'change-password', current: 'niet-mijn-wachtwoord', next: GOOD_PASSWORD })
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('huidige wachtwoord klopt niet')
    const weak = await here.post('/account', { intent: 'change-password', current: 'veilig-demo-2026', next: 'wachtwoord12' })
    expect(weak.status).toBe(400)
    expect(weak.text).toContain('te makkelijk te raden')
    expect((await other.get('/api/v1/me')).status).toBe(200)
    const ok = await here.post('/account', { intent: 'change-password', current: 'veilig-demo-2026', next: GOOD_PASSWORD })
    expect(ok.status).toBe(200)
    expect((await other.get('/api/v1/me')).status).toBe(401)
    expect((await here.get('/api/v1/me')).status).toBe(200)
    await new Client(server.baseUrl).login(email, { password: GOOD_PASSWORD })
  })
})
