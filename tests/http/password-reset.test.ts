// Password reset through the real server on a Postgres server, with an owner connection beside it to
// read the outbox (no mail worker runs, so the reset mail stays there) and to move a link's expiry
// into the past instead of waiting an hour. Behind a pretend proxy (TRUST_PROXY=1: the last
// X-Forwarded-For entry is the client address), so each test asks from an address of its own.
import type postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD } from './support/client.ts'
import { startOwnDatabase, type OwnDatabase } from './support/own-database.ts'
import type { RunningServer } from './support/server.ts'

const GOOD_PASSWORD = 'fietsbel regent zacht oranje'
const ANSWER = 'Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail'

let server: RunningServer
let own: OwnDatabase | undefined
let owner: postgres.Sql

beforeAll(async () => {
  own = await startOwnDatabase('baken_reset', { BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0', TRUST_PROXY: '1' })
  server = own.server
  owner = own.owner
}, 180_000)

afterAll(() => own?.stop())

function ask(email: string, from: string) {
  return new Client(server.baseUrl).request('POST', '/wachtwoord-vergeten', { form: { email }, headers: { 'x-forwarded-for': from } })
}
const mailsTo = async (email: string) => owner`select id, subject_ref, text from outbox where to_address = ${email} order by created_at desc`
/** The token in the last reset mail to the address, as the outbox holds it. */
async function tokenFor(email: string): Promise<string> {
  const [row] = await mailsTo(email)
  const token = /\/wachtwoord-herstellen\/([a-z0-9]+)/.exec(String(row?.text))?.[1]
  if (!token) throw new Error(`no reset mail to ${email}`)
  return token
}
/** The page without what differs per response anyway (the CSP nonce). */
function normalised(html: string): string {
  const nonce = /nonce="([^"]+)"/.exec(html)?.[1]
  return nonce ? html.replaceAll(nonce, 'NONCE') : html
}

describe('password reset', () => {
  it('a known and an unknown address get the same answer; only the known one gets a mail, whose body /berichten hides', async () => {
    const known = await ask('leerkracht2@branding.demo', '203.0.113.1')
    const unknown = await ask('niemand@branding.demo', '203.0.113.1')
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(known.status)
    expect(known.text).toContain(ANSWER)
    expect(normalised(unknown.text)).toBe(normalised(known.text))
    expect(known.headers.get('cache-control')).toBe('no-store')

    const mails = await mailsTo('leerkracht2@branding.demo')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject_ref).toMatch(/^password-reset:/)
    expect(await mailsTo('niemand@branding.demo')).toHaveLength(0)
    expect(await owner`select 1 from password_resets r join users u on u.id = r.user_id where u.email = 'niemand@branding.demo'`).toHaveLength(0)

    const token = await tokenFor('leerkracht2@branding.demo')
    const [stored] = await owner`select token_hash from password_resets order by created_at desc limit 1`
    expect(stored!.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored!.token_hash).not.toBe(token)
    // The application role cannot read the table at all; only the SECURITY DEFINER functions can.
    await expect(
      owner.begin(async (tx) => {
        await tx`set local role baken_app`
        return tx`select token_hash from password_resets`
      }),
    ).rejects.toThrow(/permission denied/)
    // The reset mail is account mail, under no stichting: whoever reads the stichting's outbox does
    // not even find it there.
    const [envelope] = await owner`select stichting_id from outbox where id = ${mails[0]!.id}`
    expect(envelope!.stichting_id).toBeNull()
    const board = new Client(server.baseUrl)
    await board.login('bestuur@kompas.demo')
    const shown = await board.get(`/berichten?bericht=${mails[0]!.id}`)
    expect(shown.status).toBe(404)
    expect(shown.text).not.toContain(token)
  })

  it('the link works once, refuses a weak password in Dutch without changing anything, and signs the user out everywhere', async () => {
    const email = 'directeur@branding.demo'
    const before = new Client(server.baseUrl)
    await before.login(email)
    expect((await before.get('/api/v1/me')).status).toBe(200)
    expect((await ask(email, '203.0.113.2')).status).toBe(200)
    const token = await tokenFor(email)

    const page = await new Client(server.baseUrl).get(`/wachtwoord-herstellen/${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(email)
    expect(page.headers.get('referrer-policy')).toMatch(/(^|, )no-referrer$/)
    expect(page.headers.get('cache-control')).toBe('no-store')

    const [{ password_hash: oldHash }] = (await owner`select password_hash from users where email = ${email}`) as unknown as [{ password_hash: string }]
    const weak = await new Client(server.baseUrl).post(`/wachtwoord-herstellen/${token}`, { password: 'welkom123456', confirm: 'welkom123456' })
    expect(weak.status).toBe(400)
    expect(weak.text).toContain('te makkelijk te raden')
    const mismatch = await new Client(server.baseUrl).post(`/wachtwoord-herstellen/${token}`, { password: GOOD_PASSWORD, confirm: `${GOOD_PASSWORD}!` })
    expect(mismatch.status).toBe(400)
    expect(mismatch.text).toContain('niet gelijk')
    expect((await owner`select password_hash from users where email = ${email}`)[0]!.password_hash).toBe(oldHash)
    expect((await before.get('/api/v1/me')).status).toBe(200)

    const ok = await new Client(server.baseUrl).post(`/wachtwoord-herstellen/${token}`, { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD })
    expect(ok.status).toBe(302)
    expect(ok.location).toBe('/login?wachtwoord=hersteld')
    expect((await new Client(server.baseUrl).get(ok.location!)).text).toContain('Uw wachtwoord is gewijzigd')
    // The old session cookie is dead; the old password no longer works, the new one does.
    expect((await before.get('/api/v1/me')).status).toBe(401)
    expect((await new Client(server.baseUrl).post('/login', { email, password: DEMO_PASSWORD })).status).toBe(401)
    await new Client(server.baseUrl).login(email, { password: GOOD_PASSWORD })

    const again = await new Client(server.baseUrl).post(`/wachtwoord-herstellen/${token}`, { password: 'nog een heel ander wachtwoord zeg', confirm: 'nog een heel ander wachtwoord zeg' })
    expect(again.status).toBe(410)
    expect(again.text).toContain('al gebruikt')
    expect((await new Client(server.baseUrl).get(`/wachtwoord-herstellen/${token}`)).status).toBe(410)
  })

  it('an expired and an unknown link get their own messages', async () => {
    const email = 'leerkracht2@branding.demo'
    expect((await ask(email, '203.0.113.3')).status).toBe(200)
    const token = await tokenFor(email)
    await owner`update password_resets set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where used_at is null`
    const late = await new Client(server.baseUrl).post(`/wachtwoord-herstellen/${token}`, { password: GOOD_PASSWORD, confirm: GOOD_PASSWORD })
    expect(late.status).toBe(410)
    expect(late.text).toContain('verlopen')
    expect((await new Client(server.baseUrl).get(`/wachtwoord-herstellen/${token}`)).text).toContain('verlopen')
    const unknown = await new Client(server.baseUrl).get('/wachtwoord-herstellen/onbekend')
    expect(unknown.status).toBe(404)
    expect(unknown.text).toContain('bestaat niet')
    // The database itself refuses a link that lives longer than an hour.
    await expect(owner`update password_resets set expires_at = created_at + interval '2 hours'`).rejects.toThrow(/password_resets_expiry/)
  })

  it('requests are throttled per e-mail address, known or not, and from one client address', async () => {
    for (const email of ['leerkracht@branding.demo', 'onbekend@branding.demo']) {
      for (let i = 0; i < 3; i++) expect((await ask(email, `198.51.100.${i + 1}`)).status).toBe(200)
      const refused = await ask(email, '198.51.100.9')
      expect(refused.status).toBe(429)
      expect(refused.text).toContain('te veel aanvragen')
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(await mailsTo('leerkracht@branding.demo')).toHaveLength(3)
    // One client address asking for many addresses is refused after thirty.
    for (let i = 0; i < 30; i++) expect((await ask(`iemand${i}@elders.demo`, '192.0.2.7')).status).toBe(200)
    expect((await ask('nog-iemand@elders.demo', '192.0.2.7')).status).toBe(429)
  }, 60_000)
})
