// Password login with one generic failure message, throttled per account and address pair, per
// account, per address and site-wide (login-throttle.ts, ADR 014).
import { hashPassword, schema, verifyPassword, withContext, type Database, type Tx } from '@baken/db'
import { and, count, eq, gt, inArray, lt, max, or, sql } from 'drizzle-orm'
import { LOGIN_THROTTLE, throttleVerdict, type FailureCounts, type LoginThrottlePolicy } from './login-throttle.ts'
import { hashToken } from './tokens.ts'

export * from './login-throttle.ts'

/** A spray has just been noticed: the first attempt in a window to see it says so, once. */
export interface SprayAlert {
  failures: number
  windowMinutes: number
}

export type LoginResult = (
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }
) & { sprayAlert?: SprayAlert }

// A hash to verify against when the account does not exist, so both paths take equally long.
let dummyHash: Promise<string> | undefined

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

// The keys of login_failures: SHA-256 hex, so no e-mail address or client address is stored in clear.
function failureKeys(email: string, ip: string) {
  return {
    /** One row per failure of this account from this address. */
    pair: hashToken(`pair:${ip}\n${email}`),
    /** One row per failure of this account, from anywhere. */
    account: hashToken(`account:${email}`),
    /** One row per account that newly failed from this address within the window. */
    address: hashToken(`address-accounts:${ip}`),
    /** One row per failure anywhere. */
    site: hashToken('site:failures'),
    /** One row per window in which a spray was reported. */
    sprayAlert: hashToken('site:spray-alert'),
  }
}
type FailureKeys = ReturnType<typeof failureKeys>

/** Attempts with the same key queue behind each other until the transaction ends. */
async function lock(tx: Tx, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`)
}

async function readCounts(tx: Tx, keys: FailureKeys, now: number, policy: LoginThrottlePolicy): Promise<FailureCounts> {
  const lf = schema.loginFailures
  const rows = await tx
    .select({ key: lf.key, n: count(), last: max(lf.at) })
    .from(lf)
    .where(
      or(
        and(inArray(lf.key, [keys.pair, keys.account]), gt(lf.at, new Date(now - policy.memoryMs))),
        and(inArray(lf.key, [keys.address, keys.site]), gt(lf.at, new Date(now - policy.windowMs))),
      ),
    )
    .groupBy(lf.key)
  const of = (key: string) => {
    const row = rows.find((r) => r.key === key)
    return { n: row?.n ?? 0, last: row?.last ? new Date(row.last).getTime() : null }
  }
  const pair = of(keys.pair)
  const account = of(keys.account)
  const address = of(keys.address)
  return {
    pair: { failures: pair.n, last: pair.last },
    account: { failures: account.n, last: account.last },
    address: { accounts: address.n, last: address.last },
    siteFailures: of(keys.site).n,
  }
}

/**
 * Checks the throttle and, if the attempt may go ahead, records it as a failure before the password
 * is verified; a correct password then withdraws the rows. Checking and recording happen under
 * advisory locks on the address and the account (always in that order), so parallel attempts cannot
 * slip past a count, and the locks are held for a few queries only, not for the password hash.
 */
export async function attemptLogin(
  db: Database,
  input: { email: string; password: string; ip: string },
  policy: LoginThrottlePolicy = LOGIN_THROTTLE,
): Promise<LoginResult> {
  const email = normaliseEmail(input.email)
  const keys = failureKeys(email, input.ip)
  const lf = schema.loginFailures
  const now = Date.now()

  const reserved = await withContext(db, { loginEmail: email }, async (tx) => {
    await lock(tx, keys.address)
    await lock(tx, keys.account)
    // Forget failures past the memory, a bounded batch of the oldest rows per attempt.
    const oldest = tx.select({ id: lf.id }).from(lf).orderBy(lf.id).limit(100)
    await tx.delete(lf).where(and(inArray(lf.id, oldest), lt(lf.at, new Date(now - policy.memoryMs))))

    const counts = await readCounts(tx, keys, now, policy)
    const verdict = throttleVerdict(policy, counts, now)
    const sprayAlert = verdict.spray ? await claimSprayAlert(tx, keys, counts.siteFailures, now, policy) : undefined
    if (verdict.refusedUntil !== null) return { refused: true as const, until: verdict.refusedUntil, sprayAlert }

    const [user] = await tx.select().from(schema.users).where(eq(schema.users.email, email))
    const at = new Date(now)
    const newForAddress = counts.pair.last === null || counts.pair.last <= now - policy.windowMs
    const rows = [keys.pair, keys.account, keys.site, ...(newForAddress ? [keys.address] : [])].map((key) => ({ key, at }))
    const ids = (await tx.insert(lf).values(rows).returning({ id: lf.id })).map((r) => r.id)
    return { refused: false as const, user, ids, sprayAlert }
  })
  const sprayAlert = reserved.sprayAlert ? { sprayAlert: reserved.sprayAlert } : {}
  if (reserved.refused) {
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: Math.max(1, Math.ceil((reserved.until - now) / 1000)), ...sprayAlert }
  }

  const { user, ids } = reserved
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password')), input.password), false)
  if (!user || !valid || user.disabledAt) return { ok: false, reason: 'invalid', ...sprayAlert }

  // Not a failure after all: withdraw this attempt's rows and forget this pair's earlier failures
  // (the owner's own typing errors from here). The account's count stays until it ages out.
  await withContext(db, { loginEmail: email }, (tx) => tx.delete(lf).where(or(inArray(lf.id, ids), eq(lf.key, keys.pair))))
  return { ok: true, userId: user.id, ...sprayAlert }
}

/** The first attempt in a window to see a spray reports it; later ones in that window do not. */
async function claimSprayAlert(tx: Tx, keys: FailureKeys, failures: number, now: number, policy: LoginThrottlePolicy) {
  await lock(tx, keys.sprayAlert)
  const [seen] = await tx
    .select({ n: count() })
    .from(schema.loginFailures)
    .where(and(eq(schema.loginFailures.key, keys.sprayAlert), gt(schema.loginFailures.at, new Date(now - policy.windowMs))))
  if ((seen?.n ?? 0) > 0) return undefined
  await tx.insert(schema.loginFailures).values({ key: keys.sprayAlert, at: new Date(now) })
  return { failures, windowMinutes: Math.round(policy.windowMs / 60_000) }
}
