// Drill: two web processes, each with its own mail worker, on one Postgres database — the
// horizontal picture, where a load balancer sends each request to either. What one process knows,
// the other must too, because it lives in the database and nowhere else: a session made on A works
// on B and ends on both when signed out on B; failed logins counted through A limit the same account
// on B (the limits are in Postgres, migration 0066); and mail made through both is sent exactly
// once, while both workers are sending at the same moment (FOR UPDATE SKIP LOCKED: never the same
// row). On a Postgres server; skipped with a message without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeResend, type FakeResend } from '../../packages/email/test/support/fake-resend.ts'
import { Client, DEMO_PASSWORD } from './support/client.ts'
import { brandingId, invite, outboxRows, resendEnv, until } from './support/mail-drill.ts'
import { createSharedDatabase, type SharedDatabase } from './support/own-database.ts'
import { pgServerReachable } from './support/pg-server.ts'
import { startServer, type RunningServer } from './support/server.ts'

const reachable = await pgServerReachable('the two-process drill')

const MESSAGES = 30

describe.skipIf(!reachable)('drill: two web processes and two mail workers on one database', () => {
  let db: SharedDatabase
  let resend: FakeResend
  let a: RunningServer
  let b: RunningServer

  beforeAll(async () => {
    resend = await startFakeResend()
    db = await createSharedDatabase('baken_drill_two')
    // Long enough for a send held open below while the other worker sends too.
    const env = resendEnv(resend, { RESEND_TIMEOUT_MS: '20000' })
    // One after the other: the first migrates (and seeds, without a seeded template); the second
    // finds the migrations applied.
    a = await startServer({ ...db.serverEnv(), ...env })
    b = await startServer({ ...db.serverEnv(), ...env })
  }, 240_000)
  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    await resend?.close()
    await db?.drop()
  })

  /** The same browser, sent to the other process by the load balancer. */
  const onOther = (client: Client, server: RunningServer) => {
    const other = new Client(server.baseUrl)
    other.cookie = client.cookie
    return other
  }

  it('a session made on A works on B, and signing out on B ends it on A', async () => {
    const onA = new Client(a.baseUrl)
    await onA.login('leerkracht@branding.demo')
    const onB = onOther(onA, b)
    const me = await onB.get('/api/v1/me')
    expect(me.status, me.text).toBe(200)
    expect(me.json().user.email).toBe('leerkracht@branding.demo')
    expect((await onB.get('/incidenten')).status).toBe(200)

    expect((await onB.post('/logout')).status).toBe(302)
    expect((await onA.get('/api/v1/me')).status).toBe(401)
  })

  it('failed logins counted through A hold on B: the right password is refused there too', async () => {
    const email = 'directeur@vakcollege.demo'
    const attempt = (server: RunningServer, password: string) => new Client(server.baseUrl).post('/login', { email, password })
    for (let i = 0; i < 5; i++) expect((await attempt(a, `fout-${i}`)).status).toBe(401)
    const refused = await attempt(b, DEMO_PASSWORD)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Te veel mislukte pogingen')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Another account from the same address is not affected, on either process.
    expect((await new Client(b.baseUrl).post('/login', { email: 'directeur@branding.demo', password: DEMO_PASSWORD })).status).toBe(302)
  })

  it(`${MESSAGES} messages made through both are sent exactly once, by both workers at once`, async () => {
    // Accepted sends are held open until both workers have one in flight: then each is sending a
    // message while the other is, and every message made meanwhile is up for grabs by either.
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    resend.fallback = { kind: 'accept', until: gate }
    const sentBefore = new Set(resend.deliveries.map((d) => d.idempotencyKey))

    const beheerA = new Client(a.baseUrl)
    await beheerA.login('beheer@kompas.demo')
    const beheerB = onOther(beheerA, b)
    const school = await brandingId(beheerA)
    const invitees = Array.from({ length: MESSAGES }, (_, i) => `tweeling.${i + 1}@branding.demo`)
    let both = false
    for (const [i, email] of invitees.entries()) {
      await invite(i % 2 === 0 ? beheerA : beheerB, email, school)
      if (!both && resend.inFlight >= 2) {
        both = true
        release()
      }
    }
    await until(`both workers sending at once (at most ${resend.maxInFlight} in flight)`, () => resend.inFlight >= 2 || resend.maxInFlight >= 2, 30_000)
    release()
    resend.fallback = { kind: 'accept' }

    const rows = await until('all invitations sent', async () => {
      const all = (await outboxRows(db.owner)).filter((r) => invitees.includes(r.to_address))
      return all.length === MESSAGES && all.every((r) => r.status === 'sent') && all
    }, 45_000)
    expect(resend.maxInFlight).toBeGreaterThanOrEqual(2)
    for (const row of rows) {
      // One request per message: no row was ever claimed by both workers (the Idempotency-Key would
      // have saved the delivery, but a second request would show here).
      expect(resend.requestsWith(row.id).map((r) => r.answer), row.to_address).toEqual([200])
      const delivered = resend.deliveries.filter((d) => d.idempotencyKey === row.id)
      expect(delivered, row.to_address).toHaveLength(1)
      expect(delivered[0]!.to).toEqual([row.to_address])
      expect(row).toMatchObject({ status: 'sent', attempts: 1, provider_message_id: delivered[0]!.id, locked_until: null })
    }
    // Also the demo's pending mail, sent when the processes started: once each, nothing left.
    const keys = resend.deliveries.map((d) => d.idempotencyKey)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.filter((k) => !sentBefore.has(k))).toHaveLength(MESSAGES)
    expect((await outboxRows(db.owner)).filter((r) => r.status === 'pending')).toEqual([])
  })
})
