// A limit on writes per user: every POST, PUT, PATCH and DELETE of a signed-in user (session or API
// token alike) takes a token from that user's bucket; the bucket holds BAKEN_WRITE_LIMIT_BURST
// tokens and refills at BAKEN_WRITE_LIMIT_PER_MINUTE. A person at work never comes near it (a form
// takes seconds to fill in); a script creating drafts by the thousand is held to the refill rate.
// An empty bucket answers 429 with Retry-After (RFC 6585 §4, RFC 9110 §10.2.3) and a Dutch message.
//
// The buckets live in this process's memory. With several instances behind a load balancer each
// instance counts on its own, so a user's effective limit is the limit times the number of
// instances a balancer spreads their requests over; a restart empties the counts. That bounds a
// runaway client well enough for its purpose (it is not an accounting of writes). Login attempts
// are anonymous writes and have a limit of their own.
import type { NextFunction, Request, Response } from 'express'
import type { RequestAuth } from '../app/lib/request-auth.ts'

export interface WriteRateLimitOptions {
  /** Tokens added per minute; 0 switches the limit off. */
  perMinute: number
  /** The bucket's size: this many writes in a row before the refill rate holds. */
  burst: number
  /** The clock, in milliseconds. */
  now?: () => number
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name]?.trim()
  if (!text) return fallback
  if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`${name} must be a whole number (at least ${min}), not ${text}`)
  return Number(text)
}

/** BAKEN_WRITE_LIMIT_PER_MINUTE (default 60; 0: off) and BAKEN_WRITE_LIMIT_BURST (default 30). */
export function writeRateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): WriteRateLimitOptions {
  return { perMinute: wholeNumber(env, 'BAKEN_WRITE_LIMIT_PER_MINUTE', 60, 0), burst: wholeNumber(env, 'BAKEN_WRITE_LIMIT_BURST', 30, 1) }
}

/** Express middleware; mount it after authenticate (it reads res.locals.auth). */
export function writeRateLimit(options: WriteRateLimitOptions = writeRateLimitFromEnv()) {
  const { perMinute, burst } = options
  const now = options.now ?? Date.now
  const perMs = perMinute / 60_000
  const buckets = new Map<string, { tokens: number; at: number }>()
  let sweptAt = now()

  const level = (bucket: { tokens: number; at: number } | undefined, t: number) =>
    bucket ? Math.min(burst, bucket.tokens + (t - bucket.at) * perMs) : burst

  return (req: Request, res: Response, next: NextFunction) => {
    if (perMinute === 0 || !WRITE_METHODS.has(req.method)) return next()
    const auth = res.locals.auth as RequestAuth | null | undefined
    // Signing out always works. Anonymous writes are logins: they have their own limit.
    if (!auth || req.path === '/logout') return next()
    const t = now()
    // Forget buckets that have filled up again: they hold nothing a fresh one would not.
    if (t - sweptAt > 60_000) {
      for (const [key, b] of buckets) if (level(b, t) >= burst) buckets.delete(key)
      sweptAt = t
    }
    const tokens = level(buckets.get(auth.user.id), t)
    if (tokens >= 1) {
      buckets.set(auth.user.id, { tokens: tokens - 1, at: t })
      return next()
    }
    buckets.set(auth.user.id, { tokens, at: t })
    const retryAfter = Math.max(1, Math.ceil((1 - tokens) / perMs / 1000))
    res.setHeader('Retry-After', String(retryAfter))
    const message = `Te veel wijzigingen achter elkaar. Wacht ${retryAfter} seconden en probeer het dan opnieuw.`
    if (req.path.startsWith('/api/')) res.status(429).json({ errors: [{ path: '', message }] })
    else res.status(429).type('text/plain').send(message)
  }
}
