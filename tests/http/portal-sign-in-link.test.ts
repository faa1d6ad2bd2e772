// Sign-in by e-mail link for family accounts (ADR 042), through the real server on a Postgres server,
// with an owner connection beside it to read the outbox (no mail worker runs, so the mail stays there)
// and to move a link's clock back instead of waiting 15 minutes. Behind a pretend proxy
// (TRUST_PROXY=1), so each test asks from a client address of its own.
import type postgres from 'postgres'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { totpCode, totpKeyFromText, totpStep } from '../../packages/domain/src/auth/mfa/totp.ts'
import { Client } from './support/client.ts'
import { startOwnDatabase, type OwnDatabase } from './support/own-database.ts'
import type { RunningServer } from './support/server.ts'

const ANSWER = 'Als dit adres bij ons bekend is als ouder of leerling'
const GUARDIAN = 'ouder@branding.demo'
const PUPIL = 'leerling@vakcollege.demo'

let server: RunningServer
let own: OwnDatabase | undefined
let owner: postgres.Sql

beforeAll(async () => {
  own = await startOwnDatabase('baken_link', { BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0', TRUST_PROXY: '1' })
  server = own.server
  owner = own.owner
}, 180_000)

afterAll(() => own?.stop())
// Each test asks afresh: the throttle's counts of the tests before it are forgotten.
beforeEach(async () => {
  await owner`delete from login_failures`
})

function ask(email: string, from: string) {
  return new Client(server.baseUrl).request('POST', '/login/link', { form: { email }, headers: { 'x-forwarded-for': from } })
}
const mailsTo = async (email: string) => owner`select id, stichting_id, subject_ref, text from outbox where to_address = ${email} order by created_at desc, id desc`
/** The token in the last sign-in mail to the address, as the outbox holds it. */
async function tokenFor(email: string): Promise<string> {
  const [row] = await mailsTo(email)
  const token = /\/login\/link\/([a-z0-9]+)/.exec(String(row?.text))?.[1]
  if (!token) throw new Error(`no sign-in mail to ${email}`)
  return token
}
/** The page without what differs per response anyway (the CSP nonce). */
function normalised(html: string): string {
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1]
  return nonce ? html.replaceAll(nonce, 'NONCE') : html
}

describe('sign-in by e-mail link', () => {
  it('a family address, a staff address and an unknown one get the same answer; only the family one gets a mail, under no stichting', async () => {
    const family = await ask(GUARDIAN, '203.0.113.1')
    const staff = await ask('directeur@branding.demo', '203.0.113.1')
    const unknown = await ask('niemand@branding.demo', '203.0.113.1')
    expect(family.status).toBe(200)
    expect(family.text).toContain(ANSWER)
    expect(family.headers.get('cache-control')).toBe('no-store')
    for (const other of [staff, unknown]) {
      expect(other.status).toBe(family.status)
      expect(normalised(other.text)).toBe(normalised(family.text))
    }
    const mails = await mailsTo(GUARDIAN)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ stichting_id: null, subject_ref: expect.stringMatching(/^sign-in-link:/) })
    // Staff keep their password, passkey and single sign-on: no link is made for them.
    expect(await mailsTo('directeur@branding.demo')).toHaveLength(0)
    expect(await mailsTo('niemand@branding.demo')).toHaveLength(0)
    expect(await owner`select 1 from sign_in_links l join users u on u.id = l.user_id where u.email <> ${GUARDIAN}`).toHaveLength(0)

    const token = await tokenFor(GUARDIAN)
    const [stored] = await owner`select token_hash, expires_at - created_at as lifetime from sign_in_links`
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored!.token_hash).not.toBe(token)
    // The application role cannot read the table; only the SECURITY DEFINER functions can.
    await expect(
      owner.begin(async (tx) => {
        await tx`set local role baken_app`
        return tx`select token_hash from sign_in_links`
      }),
    ).rejects.toThrow(/permission denied/)
    // The database refuses a link that lives longer than 15 minutes.
    await expect(owner`update sign_in_links set expires_at = created_at + interval '16 minutes'`).rejects.toThrow(/sign_in_links_expiry/)
  })

  it('opening the link spends nothing; the button signs in to the portal once, and the spent link says so', async () => {
    expect((await ask(GUARDIAN, '203.0.113.2')).status).toBe(200)
    const token = await tokenFor(GUARDIAN)
    const c = new Client(server.baseUrl)
    // A mail filter or preview opening the link twice does not use it up.
    for (let i = 0; i < 2; i++) {
      const page = await c.get(`/login/link/${token}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain(GUARDIAN)
      expect(page.headers.get('referrer-policy')).toMatch(/(^|, )no-referrer$/)
      expect(page.headers.get('cache-control')).toBe('no-store')
    }
    expect(c.cookie).toBeNull()
    const signedIn = await c.post(`/login/link/${token}`)
    expect(signedIn.status).toBe(302)
    expect(signedIn.location).toBe('/')
    expect(c.cookie).not.toBeNull()
    const portal = await c.get('/api/v1/portal')
    expect(portal.status).toBe(200)
    expect(portal.json().children.length).toBeGreaterThan(0)
    const [session] = await owner`select s.method from sessions s join users u on u.id = s.user_id where u.email = ${GUARDIAN} order by s.created_at desc limit 1`
    expect(session!.method).toBe('email_link')

    const again = new Client(server.baseUrl)
    const spent = await again.post(`/login/link/${token}`)
    expect(spent.status).toBe(410)
    expect(spent.text).toContain('al gebruikt')
    expect(spent.text).toContain('href="/login/link"')
    expect(again.cookie).toBeNull()
    expect((await again.get(`/login/link/${token}`)).status).toBe(410)
  })

  it('a newer link spends the older ones with it when used', async () => {
    expect((await ask(GUARDIAN, '203.0.113.3')).status).toBe(200)
    const older = await tokenFor(GUARDIAN)
    expect((await ask(GUARDIAN, '203.0.113.3')).status).toBe(200)
    const newer = await tokenFor(GUARDIAN)
    expect(newer).not.toBe(older)
    expect((await new Client(server.baseUrl).post(`/login/link/${newer}`)).status).toBe(302)
    expect((await new Client(server.baseUrl).post(`/login/link/${older}`)).status).toBe(410)
  })

  it('a link works for 15 minutes: one 14 minutes old signs in, one 15 minutes old is expired; an unknown one does not exist', async () => {
    expect((await ask(PUPIL, '203.0.113.4')).status).toBe(200)
    const fresh = await tokenFor(PUPIL)
    // The link's clock moved back: created 14 minutes ago, so one minute is left.
    await owner`update sign_in_links set created_at = created_at - interval '14 minutes', expires_at = expires_at - interval '14 minutes' where used_at is null`
    expect((await new Client(server.baseUrl).get(`/login/link/${fresh}`)).status).toBe(200)
    expect((await new Client(server.baseUrl).post(`/login/link/${fresh}`)).status).toBe(302)

    expect((await ask(PUPIL, '203.0.113.4')).status).toBe(200)
    const late = await tokenFor(PUPIL)
    await owner`update sign_in_links set created_at = created_at - interval '15 minutes', expires_at = expires_at - interval '15 minutes' where used_at is null`
    const c = new Client(server.baseUrl)
    const refused = await c.post(`/login/link/${late}`)
    expect(refused.status).toBe(410)
    expect(refused.text).toContain('verlopen')
    expect(refused.text).toContain('Een nieuwe inloglink aanvragen')
    expect(c.cookie).toBeNull()
    expect((await c.get(`/login/link/${late}`)).text).toContain('verlopen')

    const unknown = await new Client(server.baseUrl).get('/login/link/onbekend')
    expect(unknown.status).toBe(404)
    expect(unknown.text).toContain('bestaat niet')
    expect((await new Client(server.baseUrl).post('/login/link/onbekend')).status).toBe(404)
  })

  it('a link made while the account was family-only is refused once the account also holds a staff role', async () => {
    expect((await ask(GUARDIAN, '203.0.113.5')).status).toBe(200)
    const token = await tokenFor(GUARDIAN)
    const [membership] = await owner`
      insert into memberships (user_id, role, stichting_id, school_id)
      select u.id, 'leerkracht', m.stichting_id, m.school_id from users u join memberships m on m.user_id = u.id
      where u.email = ${GUARDIAN} limit 1 returning id`
    try {
      const c = new Client(server.baseUrl)
      const refused = await c.post(`/login/link/${token}`)
      expect(refused.status).toBe(410)
      expect(refused.text).toContain('niet inloggen')
      expect(c.cookie).toBeNull()
    } finally {
      await owner`delete from memberships where id = ${membership!.id}`
    }
  })

  it('an account with a second factor is still asked for it after the link', async () => {
    const c = new Client(server.baseUrl)
    await c.login(PUPIL)
    expect((await c.post('/account/tweede-factor', { intent: 'begin' })).status).toBe(302)
    const keyText = /data-testid="totp-key">([A-Z2-7 ]+)</.exec((await c.get('/account/tweede-factor')).text)?.[1]
    const key = totpKeyFromText(keyText!)
    expect((await c.post('/account/tweede-factor', { intent: 'confirm', code: totpCode(key, totpStep(Date.now())), redirectTo: '/' })).status).toBe(200)

    expect((await ask(PUPIL, '203.0.113.6')).status).toBe(200)
    const token = await tokenFor(PUPIL)
    const linked = new Client(server.baseUrl)
    expect((await linked.post(`/login/link/${token}`)).status).toBe(302)
    const portal = await linked.get('/ouders')
    expect(portal.status).toBe(302)
    expect(portal.location).toBe(`/login/tweede-stap?redirectTo=${encodeURIComponent('/ouders')}`)
    expect((await linked.get('/api/v1/portal')).json().errors[0]).toMatchObject({ code: 'second_factor_required' })
    const next = await linked.post('/login/tweede-stap', { code: totpCode(key, totpStep(Date.now()) + 1), redirectTo: '/ouders' })
    expect(next.status).toBe(302)
    expect((await linked.get('/ouders')).status).toBe(200)
  })

  it('requests are throttled per e-mail address, known or not, and from one client address', async () => {
    for (const email of [PUPIL, 'onbekend@branding.demo']) {
      for (let i = 0; i < 3; i++) expect((await ask(email, `198.51.100.${i + 1}`)).status).toBe(200)
      const refused = await ask(email, '198.51.100.9')
      expect(refused.status).toBe(429)
      expect(refused.text).toContain('te veel aanvragen')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(await owner`select 1 from sign_in_links l join users u on u.id = l.user_id where u.email = ${PUPIL} and l.used_at is null and l.created_at > now() - interval '1 minute'`).toHaveLength(3)
    // One client address asking for many addresses is refused after thirty.
    for (let i = 0; i < 30; i++) expect((await ask(`iemand${i}@elders.demo`, '192.0.2.7')).status).toBe(200)
    expect((await ask('nog-iemand@elders.demo', '192.0.2.7')).status).toBe(429)
  }, 60_000)

  it('bad input gets a Dutch error and no mail', async () => {
    const res = await ask('geen adres', '203.0.113.8')
    expect(res.status).toBe(400)
    expect(res.text).toContain('Vul een geldig e-mailadres in')
  })
})
