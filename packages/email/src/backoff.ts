// When to try a message again after a failed attempt: exponential, capped, with jitter so that
// messages which failed together (a provider outage) do not all come back in the same second.

export const RETRY_BASE_MS = 60_000
export const RETRY_CAP_MS = 6 * 60 * 60_000
/** ±10 % around the exponential step. */
export const RETRY_JITTER = 0.1

/**
 * The wait after the given number of failed attempts (1 after the first failure):
 * base × 2^(failures − 1) → 1, 2, 4, 8 … minutes with the default base, at most 6 hours, each ±10 %.
 * `random` returns a number in [0, 1) (Math.random by default; fixed in tests); `baseMs` is the
 * first wait (MAIL_RETRY_BASE_MS; the failure drills shorten it to see a whole outage in seconds).
 */
export function retryDelayMs(failures: number, random: () => number = Math.random, baseMs: number = RETRY_BASE_MS): number {
  const n = Math.max(1, Math.floor(failures))
  // 2^30 steps are far past the cap; the min keeps the exponent from overflowing to Infinity.
  const step = baseMs * 2 ** Math.min(n - 1, 30)
  const jittered = step * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random())
  return Math.round(Math.min(RETRY_CAP_MS, jittered))
}
