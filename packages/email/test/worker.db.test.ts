// The outbox from queueing to delivery, on PGlite and on a Postgres server: mail is written in the
// caller's transaction (and vanishes with it), the worker sends through the local transport or a
// local server speaking Resend's API, a provider outage leaves mail pending for a later run, a
// refusal marks it failed, and no message is ever sent twice — not by one worker, not by two.
import { type Database, withContext } from '@baken/db'
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type DemoFixture, loadDemoFixture } from '../../db/test/support/demo-fixture.ts'
import { attempt, describeEachDriver, rows } from '../../db/test/support/test-databases.ts'
import { enqueueMail, InvalidMailError, type MailInput } from '../src/enqueue.ts'
import { localTransport } from '../src/local-transport.ts'
import { resendTransport } from '../src/resend-transport.ts'
import { parentNotice } from '../src/templates.ts'
import { asMailer, processOutbox, startMailWorker } from '../src/worker.ts'
import { type FakeResend, startFakeResend } from './support/fake-resend.ts'

interface OutboxRow {
  id: string
  status: string
  attempts: number
  // Raw queries through drizzle return timestamps as text.
  next_attempt_at: string
  locked_until: string | null
  sent_at: string | null
  provider_message_id: string | null
  last_error: string | null
}

const MIN = 60_000
const later = (base: Date | string, ms: number) => new Date(new Date(base).getTime() + ms)
const time = (value: string) => new Date(value).getTime()

describeEachDriver('mail outbox and worker', (getDb, driver) => {
  let f: DemoFixture
  let resend: FakeResend
  /** The connection the worker uses: the app's, as in the web server. */
  let db: Database

  const mail = (patch: Partial<MailInput> = {}): MailInput => ({
    stichtingId: f.stichtingen.kompas,
    schoolId: f.schools.branding,
    subjectRef: 'test',
    to: 'ouder@example.nl',
    ...parentNotice({
      schoolName: 'OBS De Branding',
      guardianName: 'mevrouw De Vries',
      pupilName: 'Daan',
      topic: 'Time-out',
      paragraphs: ['Daan had vandaag een time-out.'],
      senderName: 'Henk Mulder',
      senderRole: 'directeur',
    }),
    ...patch,
  })
  const outbox = async (where: SQL = sql`true`) =>
    rows<OutboxRow>(await getDb().owner.execute(sql`select * from outbox where ${where} order by created_at, id`))
  const one = async (id: string) => (await outbox(sql`id = ${id}`))[0]!
  /** Queues as the directeur of De Branding, committed. */
  const enqueue = (patch: Partial<MailInput> = {}) => withContext(getDb().app, f.contextOf('directeur@branding.demo'), (tx) => enqueueMail(tx, mail(patch)))
  const resendFor = () => resendTransport({ apiKey: resend.apiKey, from: 'Baken <noreply@baken.test>', baseUrl: resend.baseUrl, timeoutMs: 2000 })

  beforeAll(async () => {
    const { owner, app, separateLoginRole } = getDb()
    f = await loadDemoFixture(owner)
    // As in production (infra/README.md): the app's login role may also become the worker's role.
    if (separateLoginRole) {
      const [me] = rows<{ name: string }>(await app.execute(sql`select current_user as name`))
      await owner.execute(sql`grant baken_mailer to ${sql.identifier(me!.name)}`)
    }
    db = app
    resend = await startFakeResend()
  })
  afterAll(() => resend?.close())
  beforeEach(async () => {
    // Each test starts from an empty outbox (the demo's pending mail would be sent too).
    await getDb().owner.execute(sql`delete from outbox`)
    resend.reset()
  })

  describe('enqueueMail', () => {
    it('writes one pending row in the caller’s transaction; a leerkracht may queue (without reading it back)', async () => {
      const { id } = await withContext(getDb().app, f.contextOf('leerkracht@branding.demo'), (tx) => enqueueMail(tx, mail({ createdById: f.users['leerkracht@branding.demo']! })))
      expect(await one(id)).toMatchObject({ status: 'pending', attempts: 0, sent_at: null, provider_message_id: null, locked_until: null })
    })

    it('a transaction that rolls back leaves nothing behind', async () => {
      const outcome = await withContext(getDb().app, f.contextOf('directeur@branding.demo'), async (tx) => {
        await enqueueMail(tx, mail({ subjectRef: 'rolled-back' }))
        throw new Error('the change failed')
      }).catch((e: Error) => e.message)
      expect(outcome).toBe('the change failed')
      expect(await outbox()).toEqual([])
    })

    it('an invalid address throws InvalidMailError (Dutch message) and takes the transaction down with it', async () => {
      const error = await withContext(getDb().app, f.contextOf('directeur@branding.demo'), async (tx) => {
        await enqueueMail(tx, mail({ subjectRef: 'first' }))
        await enqueueMail(tx, mail({ to: 'geen adres' }))
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidMailError)
      expect((error as InvalidMailError).errors).toEqual([{ path: 'to', message: 'Ongeldig e-mailadres' }])
      expect(await outbox()).toEqual([])
    })

    it('RLS refuses mail for another school', async () => {
      const outcome = await attempt(() => withContext(getDb().app, f.contextOf('directeur@branding.demo'), (tx) => enqueueMail(tx, mail({ schoolId: f.schools.lyceum }))))
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) expect(outcome.error.code).toBe('42501')
    })
  })

  describe('processOutbox', () => {
    it('the local transport: sent, with a local provider id, and never again', async () => {
      const { id } = await enqueue()
      const local = localTransport()
      const now = later(new Date(), 1000)
      expect(await processOutbox(db, local, { now })).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, released: 0 })
      expect(local.messages.map((m) => m.id)).toEqual([id])
      expect(local.messages[0]).toMatchObject({ to: 'ouder@example.nl', subject: 'Time-out – OBS De Branding' })
      expect(await one(id)).toMatchObject({ status: 'sent', attempts: 1, provider_message_id: `local-${id}`, locked_until: null, last_error: null })
      expect((await one(id)).sent_at).not.toBeNull()
      // Sent rows are never claimed again, however late it gets.
      expect((await processOutbox(db, local, { now: later(now, 48 * 60 * MIN) })).claimed).toBe(0)
      expect(local.messages).toHaveLength(1)
    })

    it('nothing is due before next_attempt_at', async () => {
      const { id } = await enqueue()
      const local = localTransport()
      expect((await processOutbox(db, local, { now: later(new Date(), -5 * MIN) })).claimed).toBe(0)
      expect((await one(id)).status).toBe('pending')
    })

    it('provider down (503): pending, attempts + 1, a later next_attempt_at; a later run sends it exactly once', async () => {
      const { id } = await enqueue()
      resend.fallback = { kind: 'error', status: 503, name: 'service_unavailable', message: 'Onderhoud' }
      const now = later(new Date(), 1000)
      expect(await processOutbox(db, resendFor(), { now, random: () => 0.5 })).toMatchObject({ claimed: 1, retried: 1, sent: 0 })
      const waiting = await one(id)
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1, locked_until: null, sent_at: null })
      expect(waiting.last_error).toBe('Resend 503 service_unavailable: Onderhoud')
      expect(time(waiting.next_attempt_at)).toBe(now.getTime() + MIN)
      expect(resend.deliveries).toHaveLength(0)

      // Not yet due again half a minute later.
      expect((await processOutbox(db, resendFor(), { now: later(now, 30_000) })).claimed).toBe(0)

      // The provider is back.
      resend.fallback = { kind: 'accept' }
      expect(await processOutbox(db, resendFor(), { now: later(now, 2 * MIN) })).toMatchObject({ claimed: 1, sent: 1 })
      expect(resend.deliveries).toHaveLength(1)
      expect(resend.deliveries[0]).toMatchObject({ idempotencyKey: id, to: ['ouder@example.nl'] })
      expect(await one(id)).toMatchObject({ status: 'sent', attempts: 2, provider_message_id: resend.deliveries[0]!.id, last_error: null })
      await processOutbox(db, resendFor(), { now: later(now, 24 * 60 * MIN) })
      expect(resend.deliveries).toHaveLength(1)
    })

    it('provider unreachable (nothing listening): pending and retried later, nothing lost', async () => {
      const { id } = await enqueue()
      const down = resendTransport({ apiKey: resend.apiKey, from: 'a@baken.test', baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 })
      const now = later(new Date(), 1000)
      expect(await processOutbox(db, down, { now })).toMatchObject({ retried: 1 })
      const row = await one(id)
      expect(row).toMatchObject({ status: 'pending', attempts: 1 })
      expect(row.last_error).toMatch(/^Resend onbereikbaar/)
      expect(time(row.next_attempt_at)).toBeGreaterThan(now.getTime())
    })

    it('a 429 with Retry-After waits at least that long', async () => {
      const { id } = await enqueue()
      resend.script = [{ kind: 'error', status: 429, name: 'rate_limit_exceeded', headers: { 'retry-after': '600' } }]
      const now = later(new Date(), 1000)
      await processOutbox(db, resendFor(), { now, random: () => 0.5 })
      expect(time((await one(id)).next_attempt_at)).toBe(now.getTime() + 10 * MIN)
    })

    it("a Retry-After counts from the provider's answer, not from the claim a slow batch earlier", async () => {
      await enqueue({ to: 'eerste@example.nl' })
      const { id } = await enqueue({ to: 'tweede@example.nl' })
      // The first message of the batch takes 1.2 s to be accepted; the second is then refused for
      // 2 minutes (longer than the first backoff step, so the Retry-After decides).
      resend.script = [
        { kind: 'accept', delayMs: 1200 },
        { kind: 'error', status: 429, name: 'rate_limit_exceeded', headers: { 'retry-after': '120' } },
      ]
      const before = Date.now()
      expect(await processOutbox(db, resendFor())).toMatchObject({ claimed: 2, sent: 1, retried: 1 })
      // Scheduled from the real clock: the answer came at least 1.2 s after the run began.
      expect(time((await one(id)).next_attempt_at)).toBeGreaterThanOrEqual(before + 1200 + 2 * MIN)
    })

    it('a 4xx refusal marks the message failed at once, and it is not tried again', async () => {
      const { id } = await enqueue()
      resend.fallback = { kind: 'error', status: 422, name: 'validation_error', message: 'Invalid `to` field.' }
      const now = later(new Date(), 1000)
      expect(await processOutbox(db, resendFor(), { now })).toMatchObject({ failed: 1 })
      expect(await one(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'Resend 422 validation_error: Invalid `to` field.', locked_until: null })
      resend.fallback = { kind: 'accept' }
      expect((await processOutbox(db, resendFor(), { now: later(now, 24 * 60 * MIN) })).claimed).toBe(0)
      expect(resend.deliveries).toHaveLength(0)
    })

    it('after maxAttempts failed attempts the message is marked failed', async () => {
      const { id } = await enqueue()
      resend.fallback = { kind: 'error', status: 500, name: 'internal_server_error' }
      let now = later(new Date(), 1000)
      for (let i = 1; i <= 3; i++) {
        await processOutbox(db, resendFor(), { now, maxAttempts: 3 })
        const row = await one(id)
        expect(row.attempts).toBe(i)
        expect(row.status).toBe(i < 3 ? 'pending' : 'failed')
        now = later(row.next_attempt_at, 1000)
      }
    })

    it('a transport that throws counts as a failed attempt to retry', async () => {
      const { id } = await enqueue()
      const broken = { name: 'broken', send: () => Promise.reject(new Error('kapot')) }
      expect(await processOutbox(db, broken, { now: later(new Date(), 1000) })).toMatchObject({ retried: 1 })
      expect(await one(id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Verzenden mislukt: kapot' })
    })

    it('a time-out is retried with the same Idempotency-Key: one delivery', async () => {
      const { id } = await enqueue()
      resend.script = [{ kind: 'accept', delayMs: 600 }]
      const slow = resendTransport({ apiKey: resend.apiKey, from: 'a@baken.test', baseUrl: resend.baseUrl, timeoutMs: 150 })
      const now = later(new Date(), 1000)
      expect(await processOutbox(db, slow, { now })).toMatchObject({ retried: 1 })
      await new Promise((r) => setTimeout(r, 700))
      expect(await processOutbox(db, resendFor(), { now: later(now, 5 * MIN) })).toMatchObject({ sent: 1 })
      expect(resend.deliveries).toHaveLength(1)
      expect(resend.requests).toHaveLength(2)
      expect(await one(id)).toMatchObject({ status: 'sent', provider_message_id: resend.deliveries[0]!.id })
    })

    it('a claimed (locked) message is left alone until its lock runs out', async () => {
      const { id } = await enqueue()
      const now = later(new Date(), 1000)
      await getDb().owner.execute(sql`update outbox set locked_until = ${later(now, 5 * MIN).toISOString()}::timestamptz where id = ${id}`)
      const local = localTransport()
      expect((await processOutbox(db, local, { now })).claimed).toBe(0)
      // A worker that died while holding it: taken over once the lock has passed.
      expect((await processOutbox(db, local, { now: later(now, 6 * MIN) })).sent).toBe(1)
      expect(local.messages.map((m) => m.id)).toEqual([id])
    })

    it('claims oldest first, at most batchSize', async () => {
      const ids: string[] = []
      for (let i = 0; i < 5; i++) ids.push((await enqueue({ subjectRef: `batch-${i}` })).id)
      const local = localTransport()
      const now = later(new Date(), 1000)
      expect((await processOutbox(db, local, { now, batchSize: 3 })).sent).toBe(3)
      expect((await processOutbox(db, local, { now, batchSize: 3 })).sent).toBe(2)
      expect(local.messages.map((m) => m.id)).toEqual(ids)
    })

    it('as baken_mailer only: the worker needs no tenant context and sees every tenant', async () => {
      await enqueue()
      await withContext(getDb().app, f.contextOf('directeur@horizon.demo'), (tx) =>
        enqueueMail(tx, mail({ stichtingId: f.stichtingen.horizon, schoolId: f.schools.horizon })),
      )
      const local = localTransport()
      expect((await processOutbox(db, local, { now: later(new Date(), 1000) })).sent).toBe(2)
      // And a tenant context cannot see what the worker sees.
      const seen = await withContext(getDb().app, f.contextOf('directeur@horizon.demo'), async (tx) =>
        rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from outbox`))[0]!.n,
      )
      expect(seen).toBe(1)
      expect(await asMailer(db, async (tx) => rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from outbox`))[0]!.n)).toBe(2)
    })
  })

  // PGlite is one connection: concurrency exists only on the server, so these are defined there only.
  if (driver.kind === 'postgres') describe('two workers at once (Postgres server)', () => {
    it('SKIP LOCKED: rows another worker is claiming are skipped, not waited for or taken', async () => {
      const ids: string[] = []
      for (let i = 0; i < 4; i++) ids.push((await enqueue({ subjectRef: `locked-${i}` })).id)
      const local = localTransport()
      const now = later(new Date(), 1000)
      // Another worker's claim transaction, still open, holding the first two rows.
      let release!: () => void
      const held = new Promise<void>((r) => (release = r))
      let locked!: () => void
      const isLocked = new Promise<void>((r) => (locked = r))
      const other = asMailer(db, async (tx) => {
        await tx.execute(sql`select id from outbox where id in (${ids[0]!}::uuid, ${ids[1]!}::uuid) for update`)
        locked()
        await held
      })
      await isLocked
      expect(await processOutbox(db, local, { now })).toMatchObject({ claimed: 2, sent: 2 })
      expect(local.messages.map((m) => m.id).sort()).toEqual([ids[2], ids[3]].sort())
      release()
      await other
      expect(await processOutbox(db, local, { now })).toMatchObject({ claimed: 2, sent: 2 })
      expect(local.messages.map((m) => m.id).sort()).toEqual([...ids].sort())
    })

    it('two concurrent workers send every message exactly once', async () => {
      const ids = new Set<string>()
      for (let i = 0; i < 40; i++) ids.add((await enqueue({ subjectRef: `race-${i}`, to: `ouder${i}@example.nl` })).id)
      // A provider that takes a moment per message, so the two workers overlap.
      resend.fallback = { kind: 'accept', delayMs: 15 }
      const now = later(new Date(), 1000)
      const worker = async () => {
        let sent = 0
        for (;;) {
          const r = await processOutbox(db, resendFor(), { now, batchSize: 5 })
          sent += r.sent
          if (r.claimed === 0) return sent
        }
      }
      const [a, b] = await Promise.all([worker(), worker()])
      expect(a + b).toBe(40)
      // Both did some of the work, …
      expect(a).toBeGreaterThan(0)
      expect(b).toBeGreaterThan(0)
      // … and the provider saw each message once: one request and one delivery per idempotency key.
      const keys = resend.requests.map((r) => r.headers['idempotency-key'])
      expect(keys).toHaveLength(40)
      expect(new Set(keys)).toEqual(ids)
      expect(resend.deliveries).toHaveLength(40)
      expect((await outbox(sql`status = 'sent'`)).length).toBe(40)
    })
  })

  describe('startMailWorker', () => {
    it('sends what is queued, keeps running, and stops', async () => {
      const local = localTransport()
      const runs: number[] = []
      const stop = startMailWorker(() => db, local, { intervalMs: 20, onRun: (r) => runs.push(r.sent) })
      try {
        const { id } = await enqueue()
        const deadline = Date.now() + 10_000
        while ((await one(id)).status !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
        expect((await one(id)).status).toBe('sent')
        expect(local.messages.map((m) => m.id)).toEqual([id])
      } finally {
        await stop()
      }
      const after = runs.length
      await new Promise((r) => setTimeout(r, 100))
      expect(runs.length).toBe(after)
    })

    it('reports a failing run and carries on', async () => {
      const local = localTransport()
      const errors: string[] = []
      let calls = 0
      const stop = startMailWorker(
        () => {
          if (++calls === 1) throw new Error('database not started')
          return db
        },
        local,
        { intervalMs: 20, onError: (e) => errors.push((e as Error).message) },
      )
      try {
        const { id } = await enqueue()
        const deadline = Date.now() + 10_000
        while ((await one(id)).status !== 'sent' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
        expect((await one(id)).status).toBe('sent')
        expect(errors).toEqual(['database not started'])
      } finally {
        await stop()
      }
    })
  })
})
