// Failure drill: the server is killed (SIGKILL: no shutdown, as a crash or an out-of-memory kill)
// while its mail worker sends, after the provider accepted a message and before the row could say
// so. A new server on the same database leaves the dead worker's claim alone until it passes
// (MAIL_WORKER_LOCK_MS), then sends the message again with the same Idempotency-Key; the provider,
// as Resend does, answers that with the first delivery instead of sending again. No mail is lost,
// none is sent twice. On a Postgres server; skipped with a message without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeResend, type FakeResend } from '../../packages/email/test/support/fake-resend.ts'
import { Client } from './support/client.ts'
import { brandingId, invite, outboxRows, resendEnv, until } from './support/mail-drill.ts'
import { createSharedDatabase, type SharedDatabase } from './support/own-database.ts'
import { pgServerReachable } from './support/pg-server.ts'
import { startServer, type RunningServer } from './support/server.ts'

const reachable = await pgServerReachable('the killed-mail-worker drill')

// Longer than a server takes to start, so the new server's worker meets the dead one's claim.
const LOCK_MS = 10_000

describe.skipIf(!reachable)('drill: the mail worker is killed between the provider’s acceptance and the row’s update', () => {
  let db: SharedDatabase
  let resend: FakeResend
  const servers: RunningServer[] = []
  const start = async () => {
    const server = await startServer({ ...db.serverEnv(), ...resendEnv(resend, { MAIL_WORKER_LOCK_MS: String(LOCK_MS), RESEND_TIMEOUT_MS: '500', MAIL_RETRY_BASE_MS: '400' }) })
    servers.push(server)
    return server
  }

  beforeAll(async () => {
    resend = await startFakeResend()
    db = await createSharedDatabase('baken_drill_kill')
  }, 30_000)
  afterAll(async () => {
    for (const server of servers) await server.stop()
    await resend?.close()
    await db?.drop()
  })

  it('loses no mail and sends none twice: the next server sends it again after the claim, with the same key', async () => {
    // The provider is down while three invitations are made, so all three wait in the outbox (the
    // first retry after 400 ms, doubling: eight attempts would take far longer than this part).
    resend.fallback = { kind: 'error', status: 503, name: 'service_unavailable', message: 'Service unavailable.' }
    const first = await start()
    const beheer = new Client(first.baseUrl)
    await beheer.login('beheer@kompas.demo')
    const school = await brandingId(beheer)
    const invitees = ['crash.een@branding.demo', 'crash.twee@branding.demo', 'crash.drie@branding.demo']
    for (const email of invitees) await invite(beheer, email, school)
    const invitations = (await outboxRows(db.owner)).filter((r) => invitees.includes(r.to_address))
    expect(invitations).toHaveLength(3)

    // Back up; the moment it has accepted the first invitation, before it answers, the server dies.
    let killed: { key: string; at: number } | null = null
    resend.onDelivery = (delivery) => {
      if (killed || !invitees.includes(delivery.to[0]!)) return
      process.kill(first.pid, 'SIGKILL')
      killed = { key: delivery.idempotencyKey!, at: Date.now() }
    }
    resend.fallback = { kind: 'accept' }
    await until('an invitation was accepted', () => killed !== null, 30_000)
    await first.kill()
    expect(first.signal()).toBe('SIGKILL')
    const victim = killed!

    // Delivered, but the row does not know: still pending, and claimed by a worker that is gone.
    const orphan = (await outboxRows(db.owner)).find((r) => r.id === victim.key)!
    expect(orphan.status).toBe('pending')
    expect(orphan.provider_message_id).toBeNull()
    expect(orphan.locked_until!.getTime()).toBeGreaterThan(victim.at)
    expect(resend.deliveries.filter((d) => d.idempotencyKey === victim.key)).toHaveLength(1)

    // A new server on the same database finishes the job, and is up while the claim still holds.
    await start()
    expect(Date.now(), 'the new server started only after the claim had passed').toBeLessThan(orphan.locked_until!.getTime())
    const rows = await until('every invitation is sent', async () => {
      const all = await outboxRows(db.owner)
      return all.every((r) => r.status !== 'pending') && all
    }, 45_000)

    for (const row of rows.filter((r) => invitees.includes(r.to_address))) {
      const delivered = resend.deliveries.filter((d) => d.idempotencyKey === row.id)
      expect(delivered, row.to_address).toHaveLength(1)
      expect(row).toMatchObject({ status: 'sent', provider_message_id: delivered[0]!.id, locked_until: null, last_error: null })
    }
    // The victim: tried again only once the dead worker's claim had passed, with the same key, and
    // answered from that key (the first delivery's id) instead of being sent again.
    const again = resend.requestsWith(victim.key).filter((r) => r.receivedAt > victim.at)
    expect(again.length).toBeGreaterThanOrEqual(1)
    expect(again[0]!.receivedAt).toBeGreaterThanOrEqual(orphan.locked_until!.getTime())
    expect(again.at(-1)!.answer).toBe(200)
    // And nothing that reached the provider was delivered twice.
    const keys = resend.deliveries.map((d) => d.idempotencyKey)
    expect(new Set(keys).size).toBe(keys.length)
    for (const row of rows.filter((r) => keys.includes(r.id))) expect(row.status).toBe('sent')
  })
})
