// The throttle's rules on counts alone (ADR 014).
import { describe, expect, it } from 'vitest'
import { backoffMs, LOGIN_THROTTLE as P, loginThrottleFromEnv, throttleVerdict, type FailureCounts } from '../src/auth/login-throttle.ts'

const now = 1_000_000_000_000
const MIN = 60_000
const quiet: FailureCounts = {
  pair: { failures: 0, last: null },
  account: { failures: 0, last: null },
  address: { accounts: 0, last: null },
  siteFailures: 0,
}
const counts = (c: Partial<FailureCounts>): FailureCounts => ({ ...quiet, ...c })

describe('throttleVerdict', () => {
  it('a pair gets 5 free failures, then a window that doubles per failure up to an hour', () => {
    expect(throttleVerdict(P, counts({ pair: { failures: 4, last: now } }), now).refusedUntil).toBeNull()
    const waits = [5, 6, 7, 8, 20].map((failures) => throttleVerdict(P, counts({ pair: { failures, last: now }, account: { failures, last: now } }), now).refusedUntil! - now)
    expect(waits).toEqual([1 * MIN, 2 * MIN, 4 * MIN, 8 * MIN, 60 * MIN])
    // Once the window has passed, the next attempt is judged.
    expect(throttleVerdict(P, counts({ pair: { failures: 5, last: now - MIN } }), now).refusedUntil).toBeNull()
  })

  it('an account under attack: an address that failed on it waits for the account; one that did not is never refused', () => {
    const account = { failures: 20, last: now - 1000 }
    expect(throttleVerdict(P, counts({ account }), now).refusedUntil).toBeNull()
    expect(throttleVerdict(P, counts({ account, pair: { failures: 1, last: now - 10 * MIN } }), now).refusedUntil).toBe(account.last + MIN)
    // Grows slowly: one doubling per further 20 failures (65: two), and still not for a clean pair.
    const heavier = { failures: 65, last: now - 1000 }
    expect(throttleVerdict(P, counts({ account: heavier, pair: { failures: 1, last: now - 10 * MIN } }), now).refusedUntil).toBe(heavier.last + 4 * MIN)
    expect(throttleVerdict(P, counts({ account: { failures: 10_000, last: now } }), now).refusedUntil).toBeNull()
  })

  it('an address waits only after 30 distinct accounts failed from it, 5 during a spray', () => {
    expect(throttleVerdict(P, counts({ address: { accounts: 29, last: now } }), now).refusedUntil).toBeNull()
    expect(throttleVerdict(P, counts({ address: { accounts: 30, last: now } }), now).refusedUntil).toBe(now + MIN)
    expect(throttleVerdict(P, counts({ address: { accounts: 32, last: now } }), now).refusedUntil).toBe(now + 4 * MIN)
    const spray = counts({ siteFailures: 100, address: { accounts: 5, last: now } })
    expect(throttleVerdict(P, spray, now)).toEqual({ refusedUntil: now + MIN, spray: true })
    expect(throttleVerdict(P, { ...spray, address: { accounts: 0, last: null } }, now)).toEqual({ refusedUntil: null, spray: true })
  })

  it('the longest window wins', () => {
    const c = counts({ pair: { failures: 7, last: now }, address: { accounts: 30, last: now } })
    expect(throttleVerdict(P, c, now).refusedUntil).toBe(now + 4 * MIN)
  })
})

describe('backoffMs and the environment', () => {
  it('never overflows', () => {
    expect(backoffMs(P, 10_000)).toBe(P.backoffMaxMs)
  })

  it('reads the documented variables and refuses nonsense', () => {
    expect(loginThrottleFromEnv({})).toEqual(P)
    const t = loginThrottleFromEnv({ LOGIN_BACKOFF_BASE_SECONDS: '2', LOGIN_BACKOFF_MAX_SECONDS: '30', LOGIN_SPRAY_FAILURES: '20' })
    expect([t.backoffBaseMs, t.backoffMaxMs, t.sprayFailures]).toEqual([2000, 30_000, 20])
    expect(() => loginThrottleFromEnv({ LOGIN_BACKOFF_BASE_SECONDS: '0' })).toThrow('at least 1')
    expect(() => loginThrottleFromEnv({ LOGIN_BACKOFF_BASE_SECONDS: '1.5' })).toThrow('whole number')
    expect(() => loginThrottleFromEnv({ LOGIN_BACKOFF_BASE_SECONDS: '120', LOGIN_BACKOFF_MAX_SECONDS: '60' })).toThrow('must not be below')
    expect(() => loginThrottleFromEnv({ LOGIN_SPRAY_FAILURES: 'veel' })).toThrow('LOGIN_SPRAY_FAILURES')
  })
})
