// The access log's sealer (ADR 021). Readers only insert plain rows (migration 0040); this chains
// the committed ones per stichting (SQL access_log_seal: in (xid, id) order, below the oldest running
// transaction, at most `batchSize` rows per chain and call, heads locked with SKIP LOCKED so two
// sealers never chain one stichting at once) and, in the same transaction, records a checkpoint of
// every chain it extended, signed here with the audit key the database does not hold.
//
// The web server runs it every BAKEN_ACCESS_LOG_SEAL_INTERVAL_MS (default 2000) unless
// BAKEN_ACCESS_LOG_SEALER=0 (then another process must run it: the verifier reports rows left
// unsealed for longer than its bound).
import { sql } from 'drizzle-orm'
import { checkpointMessage, type AuditSigner } from './access-log-signing.ts'
import type { Database } from './client.ts'
import { APP_ROLE } from './context.ts'
import { startWorkerLoop } from './worker-loop.ts'
import { resultRows } from './result-rows.ts'

export const DEFAULT_SEAL_INTERVAL_MS = 2000
export const DEFAULT_SEAL_BATCH = 5000

export interface SealedChain {
  chainKey: string
  seq: number
  hash: string
  lastId: number
  sealed: number
  atText: string
}

export interface SealResult {
  /** Rows chained in this call, over all chains. */
  rows: number
  chains: SealedChain[]
  /** True when some chain had more than one batch waiting (call again at once). */
  more: boolean
}

/** One sealing pass: one transaction, as the application role (the SQL functions are security definer). */
export async function sealAccessLog(db: Database, signer: AuditSigner, options: { batchSize?: number } = {}): Promise<SealResult> {
  const batchSize = options.batchSize ?? DEFAULT_SEAL_BATCH
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`)
    const sealed = resultRows<{ chain_key: string; seq: string | number; hash: string; last_id: string | number; sealed: number; sealed_at: string }>(
      await tx.execute(sql`select chain_key::text as chain_key, seq, hash, last_id, sealed, sealed_at from access_log_seal(${batchSize}::int)`),
    )
    const chains: SealedChain[] = sealed.map((r) => ({
      chainKey: r.chain_key,
      seq: Number(r.seq),
      hash: r.hash,
      lastId: Number(r.last_id),
      sealed: Number(r.sealed),
      atText: r.sealed_at,
    }))
    for (const c of chains) {
      const signature = signer.sign(checkpointMessage(c))
      await tx.execute(
        sql`select access_log_add_checkpoint(${c.chainKey}::uuid, ${c.seq}::bigint, ${c.hash}, ${c.atText}::timestamptz, ${signer.keyId}, ${signature})`,
      )
    }
    return { rows: chains.reduce((n, c) => n + c.sealed, 0), chains, more: chains.some((c) => c.sealed >= batchSize) }
  })
}

/** Seals until nothing committed is left (tests, the benchmark, shutdown). */
export async function sealAll(db: Database, signer: AuditSigner, options: { batchSize?: number } = {}): Promise<number> {
  let total = 0
  for (;;) {
    const r = await sealAccessLog(db, signer, options)
    total += r.rows
    if (!r.more) return total
  }
}

export interface SealerSetup {
  /** Null when this process does not run the sealer. */
  intervalMs: number | null
  summary: string
}

/** BAKEN_ACCESS_LOG_SEALER ('0': off) and BAKEN_ACCESS_LOG_SEAL_INTERVAL_MS (default 2000, at least 10). */
export function sealerSetupFromEnv(env: NodeJS.ProcessEnv = process.env): SealerSetup {
  const text = env.BAKEN_ACCESS_LOG_SEAL_INTERVAL_MS?.trim() || String(DEFAULT_SEAL_INTERVAL_MS)
  if (!/^\d+$/.test(text) || Number(text) < 10) {
    throw new Error(`BAKEN_ACCESS_LOG_SEAL_INTERVAL_MS must be a whole number of milliseconds (at least 10), not ${text}`)
  }
  if (env.BAKEN_ACCESS_LOG_SEALER === '0') return { intervalMs: null, summary: 'Access log: no sealer in this process (BAKEN_ACCESS_LOG_SEALER=0)' }
  return { intervalMs: Number(text), summary: `Access log: sealer every ${text} ms` }
}

export interface SealerOptions {
  intervalMs: number
  batchSize?: number
  /** Run after every pass (e.g. queueing the daily digest); its errors are reported like the sealer's. */
  afterRun?: (db: Database, now: Date) => Promise<unknown>
  onError?: (error: unknown) => void
  onRun?: (result: SealResult) => void
}

/**
 * Seals now and then every intervalMs until stopped; never two passes at once in one process
 * (other processes are kept apart by the head locks). Returns stop(), which waits for the current
 * pass to finish.
 */
export function startAccessLogSealer(getDb: () => Database, signer: AuditSigner, options: SealerOptions): () => Promise<void> {
  let last = ''
  const report =
    options.onError ??
    ((error: unknown) => {
      let root: unknown = error
      while (root instanceof Error && root.cause instanceof Error) root = root.cause
      const message = root instanceof Error ? root.message : String(root)
      if (message === last) return
      last = message
      console.error(`[access-log] sealing failed: ${message}`)
    })
  return startWorkerLoop(
    async (stopped) => {
      for (let round = 0; round < 10 && !stopped(); round++) {
        const result = await sealAccessLog(getDb(), signer, options.batchSize === undefined ? {} : { batchSize: options.batchSize })
        options.onRun?.(result)
        if (!result.more) break
      }
      if (!stopped() && options.afterRun) await options.afterRun(getDb(), new Date())
    },
    options.intervalMs,
    report,
  )
}
