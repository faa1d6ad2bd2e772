// Account mail through the real server on a Postgres server: invitations of a partner
// organisation's users, the recovery-code notice and the reset link of users without a stichting go
// out under no stichting, and no message body is readable from the outbox table by the app role —
// only through outbox_message_body, which never returns an invitation, reset link or account notice.
// An owner connection beside the server reads the outbox (no mail worker runs).
import type postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCode, totpKeyFromText, totpStep } from '../../packages/domain/src/auth/mfa/totp.ts'
import { Client } from './support/client.ts'
import { startOwnDatabase, type OwnDatabase } from './support/own-database.ts'
import type { RunningServer } from './support/server.ts'

const GOOD_PASSWORD = 'fietsbel regent zacht oranje'

let own: OwnDatabase | undefined
let server: RunningServer
let owner: postgres.Sql

beforeAll(async () => {
  own = await startOwnDatabase('baken_account_mail', { BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0' })
  server = own.server
  owner = own.owner
}, 180_000)
afterAll(() => own?.stop())

const signedIn = async (email: string) => {
  const c = new Client(server.baseUrl)
  await c.login(email)
  return c
}
const mailsTo = (email: string) =>
  owner`select id, stichting_id, school_id, subject_ref, text from outbox where to_address = ${email} order by created_at desc`
async function tokenFor(email: string): Promise<string> {
  const [row] = await mailsTo(email)
  const token = /\/uitnodiging\/([a-z0-9]+)/.exec(String(row?.text))?.[1]
  if (!token) throw new Error(`no invitation mail to ${email}`)
  return token
}

describe('message bodies', () => {
  it('are not readable from the table by the app role, whatever the policy lets it see', async () => {
    const refused = await owner
      .begin(async (sql) => {
        await sql`select set_config('role', 'baken_app', true)`
        return sql`select text from outbox limit 1`
      })
      .then(
        () => 'ok',
        (e: Error) => e.message,
      )
    expect(refused).toMatch(/permission denied/)
  })

  it('of ordinary mail are shown to the board through outbox_message_body; of account mail never', async () => {
    const [ordinary] = await owner`select o.id, o.text from outbox o join stichtingen s on s.id = o.stichting_id
                                   where s.name like '%Kompas%' and o.subject_ref not like 'invitation:%' and o.subject_ref not like 'password-reset:%'
                                   order by o.created_at limit 1`
    expect(ordinary).toBeDefined()
    const board = await signedIn('bestuur@kompas.demo')
    const shown = await board.get(`/berichten?bericht=${ordinary!.id}`)
    expect(shown.status).toBe(200)
    const firstLine = String(ordinary!.text).split('\n').find((l) => l.trim().length > 20)!.trim()
    expect(shown.text).toContain(firstLine.slice(0, 20).replace(/&/g, '&amp;'))
    // An invitation under the same stichting: the envelope, never the link.
    const schoolId = (await owner`select m.school_id from memberships m join users u on u.id = m.user_id where u.email = 'directeur@branding.demo'`)[0]!.school_id as string
    const beheer = await signedIn('beheer@kompas.demo')
    expect((await beheer.request('POST', '/api/v1/admin/invitations', { json: { email: 'lezer@branding.demo', memberships: [{ role: 'leerkracht', schoolId }] } })).status).toBe(201)
    const token = await tokenFor('lezer@branding.demo')
    const [invitation] = await mailsTo('lezer@branding.demo')
    const envelope = await board.get(`/berichten?bericht=${invitation!.id}`)
    expect(envelope.text).toContain('Uitnodiging voor Baken')
    expect(envelope.text).not.toContain(token)
  })
})

describe("a partner organisation's users", () => {
  it('the platform invites the first user; the mail is account mail; the user invites colleagues in their own role only', async () => {
    const platform = await signedIn('platform@baken.demo')
    const created = await platform.request('POST', '/api/v1/platform/partners', { json: { name: 'Politie Eenheid Test', kind: 'police_unit' } })
    expect(created.status).toBe(201)
    const partnerId = created.json().id as string
    // The kind decides the role.
    const wrongRole = await platform.request('POST', '/api/v1/admin/invitations', { json: { email: 'agent1@politie-test.nl', partnerId, memberships: [{ role: 'halt_medewerker' }] } })
    expect(wrongRole.status).toBe(400)
    const first = await platform.request('POST', '/api/v1/admin/invitations', { json: { email: 'agent1@politie-test.nl', partnerId, memberships: [{ role: 'politie' }] } })
    expect(first.status).toBe(201)
    const [mail] = await mailsTo('agent1@politie-test.nl')
    expect(mail).toMatchObject({ stichting_id: null, school_id: null })
    // The invitation page names the organisation; accepting it signs the officer in, for the unit.
    const officer = new Client(server.baseUrl)
    const token = await tokenFor('agent1@politie-test.nl')
    const page = await officer.get(`/uitnodiging/${token}`)
    expect(page.status).toBe(200)
    expect((await officer.post(`/uitnodiging/${token}`, { name: 'Eerste Agent', password: GOOD_PASSWORD })).status).toBe(302)
    const me = (await officer.get('/api/v1/me')).json()
    expect(JSON.stringify(me)).toContain('politie')
    // A second first user: refused, the unit has a member now.
    const second = await platform.request('POST', '/api/v1/admin/invitations', { json: { email: 'agent2@politie-test.nl', partnerId, memberships: [{ role: 'politie' }] } })
    expect(second.status).toBe(409)
    // The officer's home page offers inviting a colleague; the colleague gets the officer's role.
    expect((await officer.get('/')).text).toContain('Collega uitnodigen')
    expect((await officer.get('/beheer/gebruikers/uitnodigen')).status).toBe(200)
    const colleague = await officer.request('POST', '/api/v1/admin/invitations', { json: { email: 'agent2@politie-test.nl', memberships: [{ role: 'politie' }] } })
    expect(colleague.status).toBe(201)
    expect(colleague.json()).toMatchObject({ memberships: [{ role: 'politie', partnerId, stichtingId: null }] })
    const higher = await officer.request('POST', '/api/v1/admin/invitations', { json: { email: 'baas@politie-test.nl', memberships: [{ role: 'stichtingbeheerder' }] } })
    expect(higher.status).toBe(403)
    // A Halt worker of another organisation cannot reach this unit's invitations.
    const halt = await signedIn('halt@haltnoord.demo')
    const elsewhere = await halt.request('POST', '/api/v1/admin/invitations', { json: { email: 'x@politie-test.nl', partnerId, memberships: [{ role: 'halt_medewerker' }] } })
    expect(elsewhere.status).toBe(201)
    expect(elsewhere.json().memberships[0].partnerId).not.toBe(partnerId)
    // School staff still cannot invite for a partner organisation.
    const directeur = await signedIn('directeur@branding.demo')
    const forged = await directeur.request('POST', '/api/v1/admin/invitations', { json: { email: 'y@politie-test.nl', partnerId, memberships: [{ role: 'politie' }] } })
    expect(forged.status).toBe(403)
  })
})

describe('users without a stichting', () => {
  it('get the recovery-code notice, as account mail to their own address', async () => {
    const platform = await signedIn('platform@baken.demo')
    expect((await platform.post('/account/tweede-factor', { intent: 'begin' })).status).toBe(302)
    const keyText = /data-testid="totp-key">([A-Z2-7 ]+)</.exec((await platform.get('/account/tweede-factor')).text)![1]!
    const confirmed = await platform.post('/account/tweede-factor', { intent: 'confirm', code: totpCode(totpKeyFromText(keyText), totpStep(Date.now())), redirectTo: '/' })
    const codes = [...confirmed.text.matchAll(/<code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code>/g)].map((m) => m[1]!)
    expect(codes).toHaveLength(10)
    const again = await signedIn('platform@baken.demo')
    expect((await again.post('/login/tweede-stap', { code: codes[0]!, redirectTo: '/' })).status).toBe(302)
    const [notice] = await mailsTo('platform@baken.demo')
    expect(notice).toMatchObject({ stichting_id: null, subject_ref: expect.stringMatching(/^account-notice:/) })
    expect(String(notice!.text)).toContain('herstelcode')
  })

  it('get a reset link: a Halt worker has no stichting and still receives it', async () => {
    const before = (await mailsTo('halt@haltnoord.demo')).length
    const res = await new Client(server.baseUrl).request('POST', '/wachtwoord-vergeten', { form: { email: 'halt@haltnoord.demo' } })
    expect(res.status).toBeLessThan(400)
    const after = await mailsTo('halt@haltnoord.demo')
    expect(after.length).toBe(before + 1)
    expect(after[0]).toMatchObject({ stichting_id: null, subject_ref: expect.stringMatching(/^password-reset:/) })
  })
})
