// How failed logins slow further attempts (ADR 014). Pure: counts in, a verdict out.
//
// - Per account and address pair: a few free failures, then each attempt waits a window that
//   doubles with every further failure. That pair is the attacker's address guessing one account;
//   the account's owner elsewhere (at home, at school) is another pair and is not slowed.
// - Per account, over all addresses: once an account has had many failures, an address that has
//   failed on it waits until the account has had no failure for a while (a window that grows
//   slowly with the count). An address that has not failed on that account is never refused for
//   the account's sake, so nobody can lock the owner out by failing on her account.
// - Per address: the number of distinct accounts that failed from it, not the number of failures,
//   so a school behind one NAT address is not refused because its staff mistype; above a high
//   threshold the address waits, with backoff.
// - Site-wide: many failures in a short time (a password spray over many accounts and addresses)
//   lower the per-address threshold until it passes.

export interface LoginThrottlePolicy {
  /** Failures per pair and per account are remembered this long. */
  memoryMs: number
  /** The window for distinct accounts per address and for failures site-wide. */
  windowMs: number
  /** The first refusal window; each further step doubles it, up to backoffMaxMs. */
  backoffBaseMs: number
  backoffMaxMs: number
  /** Failures of one pair before its attempts wait. */
  pairFreeFailures: number
  /** Failures of one account (all addresses) before addresses that failed on it wait for the account. */
  accountFreeFailures: number
  /** Distinct accounts failed from one address within the window before the address waits. */
  addressFreeAccounts: number
  /** The same while a spray is under way. */
  addressFreeAccountsDuringSpray: number
  /** Failures site-wide within the window that mean a spray. */
  sprayFailures: number
}

const MINUTE = 60_000

export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  memoryMs: 24 * 60 * MINUTE,
  windowMs: 15 * MINUTE,
  backoffBaseMs: MINUTE,
  backoffMaxMs: 60 * MINUTE,
  pairFreeFailures: 5,
  accountFreeFailures: 20,
  addressFreeAccounts: 30,
  addressFreeAccountsDuringSpray: 5,
  sprayFailures: 100,
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name]?.trim()
  if (!text) return fallback
  if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`${name} must be a whole number (at least ${min}), not ${text}`)
  return Number(text)
}

/**
 * The policy with LOGIN_BACKOFF_BASE_SECONDS (60), LOGIN_BACKOFF_MAX_SECONDS (3600) and
 * LOGIN_SPRAY_FAILURES (100) applied; throws on a value that is not a whole number in range.
 */
export function loginThrottleFromEnv(env: NodeJS.ProcessEnv = process.env): LoginThrottlePolicy {
  const base = wholeNumber(env, 'LOGIN_BACKOFF_BASE_SECONDS', LOGIN_THROTTLE.backoffBaseMs / 1000, 1)
  const max = wholeNumber(env, 'LOGIN_BACKOFF_MAX_SECONDS', LOGIN_THROTTLE.backoffMaxMs / 1000, 1)
  if (max < base) throw new Error(`LOGIN_BACKOFF_MAX_SECONDS (${max}) must not be below LOGIN_BACKOFF_BASE_SECONDS (${base})`)
  return {
    ...LOGIN_THROTTLE,
    backoffBaseMs: base * 1000,
    backoffMaxMs: max * 1000,
    sprayFailures: wholeNumber(env, 'LOGIN_SPRAY_FAILURES', LOGIN_THROTTLE.sprayFailures, 1),
  }
}

/** The refusal window of backoff step `step` (1, 2, 3…): base, 2×base, 4×base…, at most the maximum. */
export function backoffMs(policy: LoginThrottlePolicy, step: number): number {
  return Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, step - 1))
}

/** What the log holds about one attempt's account, address and the site (times in ms since the epoch). */
export interface FailureCounts {
  /** Failures of this account from this address, within the memory. */
  pair: { failures: number; last: number | null }
  /** Failures of this account from any address, within the memory. */
  account: { failures: number; last: number | null }
  /** Distinct accounts that failed from this address within the window, and when the last was added. */
  address: { accounts: number; last: number | null }
  /** Failures anywhere within the window. */
  siteFailures: number
}

export interface ThrottleVerdict {
  /** When the attempt may be made (ms since the epoch), or null: it may be made now. */
  refusedUntil: number | null
  /** A spray is under way (stricter per-address threshold). */
  spray: boolean
}

export function throttleVerdict(policy: LoginThrottlePolicy, counts: FailureCounts, now: number): ThrottleVerdict {
  const spray = counts.siteFailures >= policy.sprayFailures
  const until: number[] = []
  const { pair, account, address } = counts

  const accountUnderAttack = account.failures >= policy.accountFreeFailures
  // Under attack, a pair waits after its first failure, and also waits for the account to be
  // quiet; a pair that has not failed is judged on its address alone.
  const pairFree = accountUnderAttack ? 1 : policy.pairFreeFailures
  if (pair.failures >= pairFree && pair.last !== null) until.push(pair.last + backoffMs(policy, pair.failures - pairFree + 1))
  if (accountUnderAttack && pair.failures > 0 && account.last !== null) {
    // Grows slowly: one doubling per further accountFreeFailures failures.
    const step = 1 + Math.floor((account.failures - policy.accountFreeFailures) / policy.accountFreeFailures)
    until.push(account.last + backoffMs(policy, step))
  }

  const addressFree = spray ? policy.addressFreeAccountsDuringSpray : policy.addressFreeAccounts
  if (address.accounts >= addressFree && address.last !== null) until.push(address.last + backoffMs(policy, address.accounts - addressFree + 1))

  const latest = Math.max(...until, -Infinity)
  return { refusedUntil: latest > now ? latest : null, spray }
}
