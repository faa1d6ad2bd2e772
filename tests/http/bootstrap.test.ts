// A new installation from nothing: `pnpm admin:bootstrap` on an empty embedded database in
// production mode invites the first platform_beheerder by mail (through a local stand-in for
// Resend, the one outside service), refuses a second run, and --reissue replaces the link; then the
// production server starts on that database with its school years in place, and the invitee
// accepts the link from the mail, choosing a name and a password. Once someone is platform_beheerder,
// the command refuses even with --reissue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, schema, schoolYearsAround } from '../../packages/db/src/index.ts'
import { schoolYearOf } from '../../packages/domain/src/dates.ts'
import { startFakeResend, type FakeResend } from '../../packages/email/test/support/fake-resend.ts'
import { invitationToken, productionEnv, runBootstrap, tempDir, type TempDir } from '../support/production.ts'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

const EMAIL = 'eerste.beheerder@baken.example'
const GOOD_PASSWORD = 'fietsbel regent zacht oranje'

let dir: TempDir
let resend: FakeResend
let env: Record<string, string>
let server: RunningServer | undefined

beforeAll(async () => {
  dir = tempDir('baken-bootstrap-')
  resend = await startFakeResend()
  env = {
    ...productionEnv(),
    PGLITE_DATA_DIR: dir.path,
    RESEND_API_KEY: resend.apiKey,
    RESEND_API_URL: resend.baseUrl,
    MAIL_FROM: 'Baken <noreply@baken.example>',
    BAKEN_PUBLIC_URL: 'https://baken.example',
  }
})
afterAll(async () => {
  await server?.stop()
  await resend?.close()
  dir?.remove()
})

// The first invitation is made by the checkout's command (tsx, which compiles the workspace's sources first: on a
// busy 2-core machine that alone took over a minute, so these tests wait longer than the suite's
// default); every other run is the image's bundle (build/admin-bootstrap.js), which the suite builds.
const BUNDLED = { bundled: true }
describe('admin:bootstrap on an empty production database', { timeout: 240_000 }, () => {
  let firstToken: string
  let token: string

  it('refuses bad input with a usage line, before touching anything', async () => {
    const run = await runBootstrap(['--email', 'geen-adres', '--name', 'Fenna de Vries'], env, BUNDLED)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Ongeldig e-mailadres')
    expect(run.stderr).toContain('gebruik: pnpm admin:bootstrap')
    expect(resend.deliveries).toHaveLength(0)
  })

  it('migrates, invites by mail through Resend and does not print the link', async () => {
    const run = await runBootstrap(['--email', EMAIL.toUpperCase(), '--name', 'Fenna de Vries'], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Uitnodiging voor ${EMAIL} gemaild`)
    expect(run.stdout).not.toContain('/uitnodiging/')
    const mail = resend.lastTo(EMAIL)!
    expect(mail).toMatchObject({ from: 'Baken <noreply@baken.example>', subject: 'Uitnodiging: platformbeheer van Baken' })
    expect(mail.text).toContain('Goedendag Fenna de Vries,')
    expect(mail.text).toContain('https://baken.example/uitnodiging/')
    expect(mail.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/)
    firstToken = invitationToken(mail.text!)
  })

  it('a second run is refused while that invitation is open; --reissue sends a new link and revokes the old', async () => {
    const again = await runBootstrap(['--email', EMAIL, '--name', 'Fenna de Vries'], env, BUNDLED)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('Er is al een uitnodiging voor de eerste platformbeheerder')
    expect(again.stderr).toContain('--reissue')
    expect(resend.deliveries).toHaveLength(1)

    const reissued = await runBootstrap(['--email', EMAIL, '--name', 'Fenna de Vries', '--reissue'], env, BUNDLED)
    expect(reissued.code).toBe(0)
    expect(reissued.stdout).toContain(`De vorige uitnodiging (${EMAIL}) is ingetrokken.`)
    expect(resend.deliveries).toHaveLength(2)
    token = invitationToken(resend.lastTo(EMAIL)!.text!)
    expect(token).not.toBe(firstToken)
  })

  it('without RESEND_API_KEY the link is printed once instead', async () => {
    const { RESEND_API_KEY: _k, RESEND_API_URL: _u, MAIL_FROM: _f, ...withoutMail } = env
    const printed = await runBootstrap(['--email', EMAIL, '--name', 'Fenna de Vries', '--reissue'], withoutMail, BUNDLED)
    expect(printed.code).toBe(0)
    expect(printed.stdout).toContain('RESEND_API_KEY is niet gezet')
    expect(resend.deliveries).toHaveLength(2)
    const printedToken = invitationToken(printed.stdout)
    // That one is now the open one; send a fresh mail again for the rest of the path.
    const mailed = await runBootstrap(['--email', EMAIL, '--name', 'Fenna de Vries', '--reissue'], env, BUNDLED)
    expect(mailed.code).toBe(0)
    const mailedToken = invitationToken(resend.lastTo(EMAIL)!.text!)
    expect(new Set([firstToken, token, printedToken, mailedToken]).size).toBe(4)
    token = mailedToken
  })

  it('the production server starts on that database; the school years exist; old links are revoked, the last one works once', async () => {
    server = await startServer({ ...env, PGLITE_SNAPSHOT: '', BAKEN_MAIL_WORKER: '0' })
    expect(server.output()).toContain('mode production')

    const old = await new Client(server.baseUrl).get(`/uitnodiging/${firstToken}`)
    expect(old.status).toBe(410)
    expect(old.text).toContain('Deze uitnodiging is ingetrokken.')

    const page = await new Client(server.baseUrl).get(`/uitnodiging/${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/Baken(<!-- -->)? nodigt/)
    expect(page.text).toContain(EMAIL)

    const invitee = new Client(server.baseUrl)
    const accepted = await invitee.post(`/uitnodiging/${token}`, { name: 'Fenna de Vries', password: GOOD_PASSWORD })
    expect(accepted.status).toBe(302)
    expect(invitee.cookie).toBeTruthy()
    // Signed in, and in production a platform_beheerder must set up a second factor first.
    const me = await invitee.get('/api/v1/me')
    expect(me.status).toBe(401)
    expect(me.json().errors[0].code).toBe('second_factor_enrolment_required')
    expect((await invitee.get('/incidenten')).location).toMatch(/^\/account\/tweede-factor/)

    const reused = await new Client(server.baseUrl).post(`/uitnodiging/${token}`, { name: 'Iemand anders', password: GOOD_PASSWORD })
    expect(reused.status).toBe(409)
    expect(reused.text).toContain('Deze uitnodiging is al gebruikt.')

    await server.stop()
    server = undefined
    // The shared school years around today, made at the start: previous, current and next.
    const db = await openDatabase({ kind: 'pglite', dataDir: dir.path })
    try {
      const names = (await db.db.select({ name: schema.schoolYears.name }).from(schema.schoolYears)).map((r) => r.name).sort()
      expect(names).toEqual(schoolYearsAround(new Date()).map((y) => y.name))
      expect(names).toContain(schoolYearOf(new Date()))
      // The account the invitation made: the platform membership, and the acceptance in the audit trail.
      const user = (await db.db.select().from(schema.users)).find((u) => u.email === EMAIL)
      expect(user).toMatchObject({ name: 'Fenna de Vries', disabledAt: null })
      const memberships = (await db.db.select().from(schema.memberships)).filter((m) => m.userId === user!.id)
      expect(memberships).toEqual([expect.objectContaining({ role: 'platform_beheerder', stichtingId: null, schoolId: null, partnerId: null })])
      const audit = await db.db.select().from(schema.adminAudit)
      expect(audit.map((a) => [a.action, a.actorRole, a.stichtingId])).toEqual([['invitation.accepted', 'platform_beheerder', null]])
    } finally {
      await db.close()
    }
  })

  it('once a platform_beheerder exists, the command refuses, also with --reissue', async () => {
    for (const extra of [[], ['--reissue']]) {
      const run = await runBootstrap(['--email', 'tweede@baken.example', '--name', 'Tweede', ...extra], env, BUNDLED)
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(`Er is al een platformbeheerder (${EMAIL})`)
    }
    expect(resend.deliveries.map((d) => d.to[0])).not.toContain('tweede@baken.example')
  })
})
