// The throttle on second-factor attempts (TOTP codes, recovery codes, passkeys): ADR 014's verdict
// over rows of login_failures under their own hashed keys, per user and address pair and per user.
// A passkey sign-in, before its user is known, is counted per address under a key of its own.
// The rows are open only in a login context (0003): callers run inside one.
import { schema, type Tx } from '@baken/db'
import { and, count, eq, gt, inArray, lt, max, sql } from 'drizzle-orm'
import { throttleVerdict, type LoginThrottlePolicy } from '../login-throttle.ts'
import { hashToken } from '../tokens.ts'

export interface FactorThrottleKeys {
  /** Failures of this pair (a user and an address, or an address alone) wait with backoff. */
  pair: string
  /** Failures of the user from anywhere; absent while the user is unknown. */
  account?: string
}

export function userFactorKeys(userId: string, ip: string): Required<FactorThrottleKeys> {
  return { pair: hashToken(`mfa-pair:${ip}\n${userId}`), account: hashToken(`mfa-account:${userId}`) }
}

export function passkeyAddressKeys(ip: string): FactorThrottleKeys {
  return { pair: hashToken(`passkey-address:${ip}`) }
}

/**
 * Locks the keys for the rest of the transaction (parallel attempts queue) and answers how many
 * seconds the attempt must wait, or null when it may go ahead.
 */
export async function factorThrottleWait(tx: Tx, keys: FactorThrottleKeys, now: Date, policy: LoginThrottlePolicy): Promise<number | null> {
  const t = now.getTime()
  const all = [keys.pair, ...(keys.account ? [keys.account] : [])]
  for (const key of all) await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`)
  const lf = schema.loginFailures
  const rows = await tx
    .select({ key: lf.key, n: count(), last: max(lf.at) })
    .from(lf)
    .where(and(inArray(lf.key, all), gt(lf.at, new Date(t - policy.memoryMs))))
    .groupBy(lf.key)
  const of = (key: string | undefined) => {
    const row = key ? rows.find((r) => r.key === key) : undefined
    return { failures: row?.n ?? 0, last: row?.last ? new Date(row.last).getTime() : null }
  }
  const verdict = throttleVerdict(policy, { pair: of(keys.pair), account: of(keys.account), address: { accounts: 0, last: null }, siteFailures: 0 }, t)
  return verdict.refusedUntil === null ? null : Math.max(1, Math.ceil((verdict.refusedUntil - t) / 1000))
}

export async function recordFactorFailure(tx: Tx, keys: FactorThrottleKeys, now: Date) {
  await tx.insert(schema.loginFailures).values([keys.pair, ...(keys.account ? [keys.account] : [])].map((key) => ({ key, at: now })))
}

/** A right factor forgets this pair's failures (the owner's own slips); the user's count ages out. */
export async function clearFactorPair(tx: Tx, keys: FactorThrottleKeys, now: Date) {
  await tx.delete(schema.loginFailures).where(and(eq(schema.loginFailures.key, keys.pair), lt(schema.loginFailures.at, new Date(now.getTime() + 1))))
}
