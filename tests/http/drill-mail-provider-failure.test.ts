// Failure drill: the mail provider fails in every way it can — 500s, a request that hangs past the
// transport's time-out, a 429 with Retry-After — before it accepts. The real server (its own mail
// worker, on a Postgres server) sends its demo mail and invitations made through the API to the
// local stand-in for Resend, which gives every message that sequence. The outbox keeps every
// message pending through it and sends each exactly once (one delivery per Idempotency-Key), the
// Retry-After is honoured from the provider's answer, nothing is marked failed and every message
// ends 'sent'. Skipped with a message without a Postgres server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeResend, type FakeResend } from '../../packages/email/test/support/fake-resend.ts'
import { Client } from './support/client.ts'
import { brandingId, invite, outboxRows, resendEnv, until, type OutboxRow } from './support/mail-drill.ts'
import { createSharedDatabase, type SharedDatabase } from './support/own-database.ts'
import { pgServerReachable } from './support/pg-server.ts'
import { startServer, type RunningServer } from './support/server.ts'

const reachable = await pgServerReachable('the mail-provider failure drill')

const RETRY_AFTER_SECONDS = 2
// The transport's time-out: short for the drill, with room for a busy machine's ordinary answers.
const TIMEOUT_MS = 1000
/** What every message meets, attempt by attempt: two 500s, a hang, a 429, then acceptance. */
const ANSWERS = [500, 500, 'hang', 429, 200]

describe.skipIf(!reachable)('drill: the mail provider fails, then recovers', () => {
  let db: SharedDatabase
  let resend: FakeResend
  let server: RunningServer
  /** What was failed before the drill (the demo has one message the provider refused). */
  let failedBefore: OutboxRow[]

  beforeAll(async () => {
    resend = await startFakeResend()
    resend.perKey = [
      { kind: 'error', status: 500, name: 'internal_server_error', message: 'Unexpected error.' },
      { kind: 'error', status: 500, name: 'internal_server_error', message: 'Unexpected error.' },
      // Held well past the transport's time-out, then cut: no answer at all.
      { kind: 'hang', ms: 2.5 * TIMEOUT_MS },
      { kind: 'error', status: 429, name: 'rate_limit_exceeded', message: 'Too many requests.', headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    ]
    db = await createSharedDatabase('baken_drill_mail')
    server = await startServer({ ...db.serverEnv(), ...resendEnv(resend, { RESEND_TIMEOUT_MS: String(TIMEOUT_MS) }) })
    // The provider has refused nothing for good yet and nothing has had eight attempts: any failed
    // row now was failed before.
    failedBefore = (await outboxRows(db.owner)).filter((r) => r.status === 'failed')
  }, 240_000)
  afterAll(async () => {
    await server?.stop()
    await resend?.close()
    await db?.drop()
  })

  it('keeps every message through 500s, a hang and a 429, and sends each exactly once, honouring Retry-After', async () => {
    // Real mail made by a request while the provider is failing: three invitations.
    const beheer = new Client(server.baseUrl)
    await beheer.login('beheer@kompas.demo')
    const school = await brandingId(beheer)
    const invitees = ['storing.een@branding.demo', 'storing.twee@branding.demo', 'storing.drie@branding.demo']
    for (const email of invitees) await invite(beheer, email, school)

    // Done when nothing is pending any more (the demo's pending mail and the invitations).
    const pending = async () =>
      `the outbox has nothing pending; still pending: ${JSON.stringify((await outboxRows(db.owner)).filter((r) => r.status === 'pending'))}; ` +
      `requests: ${JSON.stringify(resend.requests.map((r) => [r.headers['idempotency-key'], r.answer, r.receivedAt]))}; log: ${server.output().slice(-2000)}`
    const rows = await until(pending, async () => {
      const all = await outboxRows(db.owner)
      return all.every((r) => r.status !== 'pending') && all
    }, 45_000)

    // What went to the provider: the demo's pending mail (one per school) and the invitations.
    const keys = [...new Set(resend.requests.map((r) => r.headers['idempotency-key'] as string))]
    const sentHere = rows.filter((r) => keys.includes(r.id))
    expect(sentHere).toHaveLength(keys.length)
    for (const email of invitees) expect(sentHere.map((r) => r.to_address)).toContain(email)
    expect(sentHere.length).toBeGreaterThan(invitees.length)

    for (const row of sentHere) {
      const tries = resend.requestsWith(row.id)
      // Every attempt met its answer, in order, and after acceptance nothing was sent again.
      expect(tries.map((t) => t.answer), row.to_address).toEqual(ANSWERS)
      const delivered = resend.deliveries.filter((d) => d.idempotencyKey === row.id)
      expect(delivered, row.to_address).toHaveLength(1)
      expect(delivered[0]!.to).toEqual([row.to_address])
      expect(row).toMatchObject({ status: 'sent', attempts: ANSWERS.length, provider_message_id: delivered[0]!.id, last_error: null, locked_until: null })
      // The hang lasted past the transport's time-out; the worker gave up on it and tried again.
      const hang = tries[2]!
      expect(hang.answeredAt! - hang.receivedAt).toBeGreaterThan(2 * TIMEOUT_MS)
      expect(tries[3]!.receivedAt).toBeGreaterThanOrEqual(hang.receivedAt + TIMEOUT_MS)
      // Retry-After: the next attempt was scheduled, and made, no sooner than asked after the 429.
      const refused = tries[3]!
      const asked = refused.answeredAt! + RETRY_AFTER_SECONDS * 1000
      expect(row.next_attempt_at.getTime()).toBeGreaterThanOrEqual(asked)
      expect(tries[4]!.receivedAt).toBeGreaterThanOrEqual(row.next_attempt_at.getTime())
    }

    // Nothing was marked failed by the drill; what had failed before was not tried again.
    expect(failedBefore.length).toBeGreaterThan(0)
    expect(rows.filter((r) => r.status === 'failed')).toEqual(failedBefore)
    for (const row of failedBefore) expect(keys).not.toContain(row.id)
    expect(resend.deliveries).toHaveLength(sentHere.length)
    // The worker itself never failed (it logs a run that fails, e.g. on the database).
    expect(server.output()).not.toContain('[mail] outbox run failed')
  })
})
