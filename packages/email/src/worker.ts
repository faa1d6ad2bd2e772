// The outbox worker. Each run, as the role baken_mailer (migration 0011: reads and updates every
// outbox row, nothing else):
//   1. claim: one short transaction picks due messages with FOR UPDATE SKIP LOCKED and sets
//      locked_until, then commits, so two workers never take the same row and no database lock is
//      held while talking to the provider;
//   2. send each message;
//   3. record the answer in its own short transaction: sent (never claimed again), a retry with
//      exponential backoff, or failed (a permanent refusal, or maxAttempts reached).
// A worker that dies between 2 and 3 leaves the row locked until locked_until passes; the next
// worker sends it again with the same Idempotency-Key (the outbox id), which the provider answers
// without sending twice.
import { type Database, type Tx, resultRows, startWorkerLoop } from '@baken/db'
import { sql } from 'drizzle-orm'
import { RETRY_BASE_MS, retryDelayMs } from './backoff.ts'
import type { MailTransport, OutgoingMessage, SendResult } from './transport.ts'

export const MAILER_ROLE = 'baken_mailer'
/** How long a claim holds by default (MAIL_WORKER_LOCK_MS): far longer than a batch of sends. */
export const DEFAULT_LOCK_MS = 10 * 60_000

export interface ProcessOptions {
  /** The clock for due dates and backoff (default: now). */
  now?: Date
  /** Messages claimed per run (default 20). */
  batchSize?: number
  /** After this many failed attempts a message is marked failed (default 8). */
  maxAttempts?: number
  /** How long a claim holds (default 10 minutes); must exceed a batch's sending time. */
  lockMs?: number
  /** The first retry's wait, doubled per failure (default RETRY_BASE_MS, one minute). */
  retryBaseMs?: number
  /** For the backoff jitter (default Math.random). */
  random?: () => number
}

export interface ProcessResult {
  claimed: number
  sent: number
  retried: number
  failed: number
  /** Claimed but handed back unsent because the claim was about to run out. */
  released: number
}

interface ClaimedRow {
  id: string
  to_address: string
  subject: string
  text: string
  html: string | null
  attempts: number
}

/** Runs fn in a transaction as baken_mailer (transaction-local, like applyContext for the app). */
export function asMailer<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${MAILER_ROLE}, true)`)
    return fn(tx)
  })
}

/** Sends what is due, once. Returns what happened; throws only when the database fails. */
export async function processOutbox(db: Database, transport: MailTransport, options: ProcessOptions = {}): Promise<ProcessResult> {
  const now = options.now ?? new Date()
  const batchSize = options.batchSize ?? 20
  const maxAttempts = options.maxAttempts ?? 8
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS
  const retryBaseMs = options.retryBaseMs ?? RETRY_BASE_MS
  const random = options.random ?? Math.random
  // When an answer came: a wait the provider asks for (Retry-After) counts from its answer, not
  // from the claim, which can be a whole batch of slow sends earlier. A fixed clock stays fixed.
  const answeredAt = () => options.now ?? new Date()
  const nowIso = now.toISOString()
  const lockIso = new Date(now.getTime() + lockMs).toISOString()
  const result: ProcessResult = { claimed: 0, sent: 0, retried: 0, failed: 0, released: 0 }

  const claimed = await asMailer(db, async (tx) =>
    resultRows<ClaimedRow>(
      await tx.execute(sql`
        with due as (
          select id from outbox
          where status = 'pending'
            and next_attempt_at <= ${nowIso}::timestamptz
            and (locked_until is null or locked_until < ${nowIso}::timestamptz)
          order by next_attempt_at, created_at
          limit ${batchSize}
          for update skip locked
        )
        update outbox o set locked_until = ${lockIso}::timestamptz
        from due where o.id = due.id
        returning o.id, o.to_address, o.subject, o.text, o.html, o.attempts`),
    ),
  )
  result.claimed = claimed.length

  // Wall-clock guard: stop sending when less than a fifth of the claim is left, and hand the rest
  // back, so a slow provider cannot let another worker take a message this one is still sending.
  const startedAt = Date.now()
  const sendUntil = startedAt + lockMs * 0.8
  for (const [index, row] of claimed.entries()) {
    if (Date.now() > sendUntil) {
      const rest = claimed.slice(index).map((r) => r.id)
      await asMailer(db, (tx) =>
        tx.execute(sql`update outbox set locked_until = null
          where id in (${sql.join(rest.map((id) => sql`${id}::uuid`), sql`, `)})
            and status = 'pending' and locked_until = ${lockIso}::timestamptz`),
      )
      result.released = rest.length
      break
    }
    const message: OutgoingMessage = { id: row.id, to: row.to_address, subject: row.subject, text: row.text, html: row.html }
    let outcome: SendResult
    try {
      outcome = await transport.send(message)
    } catch (error) {
      outcome = { kind: 'retry', error: `Verzenden mislukt: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) }
    }
    // Only while this worker still holds the claim, and never over a row already sent.
    const ours = sql`id = ${row.id}::uuid and status = 'pending' and locked_until = ${lockIso}::timestamptz`
    if (outcome.kind === 'sent') {
      await asMailer(db, (tx) =>
        tx.execute(sql`update outbox set status = 'sent', sent_at = ${answeredAt().toISOString()}::timestamptz,
            provider_message_id = ${outcome.providerMessageId}, attempts = attempts + 1,
            locked_until = null, last_error = null
          where ${ours}`),
      )
      result.sent++
      continue
    }
    const failures = row.attempts + 1
    if (outcome.kind === 'failed' || failures >= maxAttempts) {
      await asMailer(db, (tx) =>
        tx.execute(sql`update outbox set status = 'failed', attempts = attempts + 1,
            last_error = ${outcome.error}, locked_until = null
          where ${ours}`),
      )
      result.failed++
      continue
    }
    const delay = Math.max(retryDelayMs(failures, random, retryBaseMs), outcome.retryAfterMs ?? 0)
    await asMailer(db, (tx) =>
      tx.execute(sql`update outbox set attempts = attempts + 1, last_error = ${outcome.error},
          next_attempt_at = ${new Date(answeredAt().getTime() + delay).toISOString()}::timestamptz, locked_until = null
        where ${ours}`),
    )
    result.retried++
  }
  return result
}

export interface MailWorkerOptions {
  /** Pause between runs (a full batch is followed at once by the next). */
  intervalMs: number
  batchSize?: number
  maxAttempts?: number
  lockMs?: number
  retryBaseMs?: number
  /** Where errors go (default console.error, once per distinct message in a row). */
  onError?: (error: unknown) => void
  /** Called after every run, e.g. for tests and logs. */
  onRun?: (result: ProcessResult) => void
}

/**
 * Runs processOutbox now and then every intervalMs until stopped; never two runs at once in one
 * process (other processes are kept apart by SKIP LOCKED). Returns stop(), which waits for the
 * current run to finish.
 */
export function startMailWorker(getDb: () => Database, transport: MailTransport, options: MailWorkerOptions): () => Promise<void> {
  const batchSize = options.batchSize ?? 20
  const report = options.onError ?? consoleReporter()
  // Drain a backlog in batches, but give the event loop (and stop()) a chance every 10 batches.
  return startWorkerLoop(
    async (stopped) => {
      for (let round = 0; round < 10 && !stopped(); round++) {
        const result = await processOutbox(getDb(), transport, {
          batchSize,
          ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
          ...(options.lockMs === undefined ? {} : { lockMs: options.lockMs }),
          ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
        })
        options.onRun?.(result)
        if (result.claimed < batchSize) break
      }
    },
    options.intervalMs,
    report,
  )
}

/** console.error, but a failure that repeats every run (database down) is reported once. */
function consoleReporter(): (error: unknown) => void {
  let last = ''
  return (error) => {
    // drizzle wraps the driver's error ("Failed query: …"); the driver's own message is the cause.
    let root: unknown = error
    while (root instanceof Error && root.cause instanceof Error) root = root.cause
    const message = root instanceof Error ? root.message : String(root)
    if (message === last) return
    last = message
    const hint = /permission denied to set role/i.test(message)
      ? ` (the database login role needs: grant ${MAILER_ROLE} to <login role>)`
      : ''
    console.error(`[mail] outbox run failed: ${message}${hint}`)
  }
}
