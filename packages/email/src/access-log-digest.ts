// The daily digest of the access log (ADR 021): for every stichting and finished day (Dutch time)
// with a signed checkpoint, the day's last checkpoint is queued through the outbox to each active
// privacyfunctionaris of the stichting, once (the access_log_digests row per stichting and day is
// the guard; SQL access_log_queue_digest). Run by the web server's sealer after each pass; days
// missed while no server ran (up to a week) are caught up.
import { APP_ROLE, resultRows, type Database } from '@baken/db'
import { sql } from 'drizzle-orm'
import { accessLogDigest } from './templates.ts'

/** The calendar day in Dutch time, YYYY-MM-DD. Pure. */
export function dutchDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

export interface DigestResult {
  /** Stichting-days whose digest was queued now. */
  digests: number
  /** Messages queued (one per privacyfunctionaris). */
  messages: number
}

/**
 * Queues the digests of the days before `before` (default: today in Dutch time, so only finished
 * days) that have none yet. Idempotent: a second call, or another process, queues nothing more.
 */
export async function queueAccessLogDigests(db: Database, options: { now?: Date; before?: string } = {}): Promise<DigestResult> {
  const before = options.before ?? dutchDay(options.now ?? new Date())
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`)
    const due = resultRows<{ chain_key: string; stichting_name: string; day: string; checkpoint_id: string | number; seq: string | number; hash: string; at_text: string; key_id: string; signature: string }>(
      await tx.execute(sql`select chain_key::text as chain_key, stichting_name, day::text as day, checkpoint_id, seq, hash,
          to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text, key_id, signature
        from access_log_digests_due(${before}::date)`),
    )
    const result: DigestResult = { digests: 0, messages: 0 }
    for (const d of due) {
      const mail = accessLogDigest({ stichtingName: d.stichting_name, day: d.day, seq: Number(d.seq), hash: d.hash, signature: d.signature, keyId: d.key_id, atText: d.at_text })
      const [queued] = resultRows<{ n: number }>(
        await tx.execute(sql`select access_log_queue_digest(${d.chain_key}::uuid, ${d.day}::date, ${Number(d.checkpoint_id)}::bigint, ${mail.subject}, ${mail.text}, ${mail.html}) as n`),
      )
      result.digests++
      result.messages += Number(queued?.n ?? 0)
    }
    return result
  })
}
