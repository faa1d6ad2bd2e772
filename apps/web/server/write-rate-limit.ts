// A limit on writes per user: every POST, PUT, PATCH and DELETE of a signed-in user (session or API
// token alike) takes a token from that user's bucket; the bucket holds BAKEN_WRITE_LIMIT_BURST
// tokens and refills at BAKEN_WRITE_LIMIT_PER_MINUTE. A person at work never comes near it (a form
// takes seconds to fill in); a script creating drafts by the thousand is held to the refill rate.
// An empty bucket answers 429 with Retry-After (RFC 6585 §4, RFC 9110 §10.2.3) and a Dutch message.
//
// A personal API token has a limit of its own on every request it makes, reads included
// (BAKEN_TOKEN_LIMIT_PER_MINUTE, BAKEN_TOKEN_LIMIT_BURST): an integration that loops is held to it
// without touching its owner's sessions.
//
// The buckets are rows in Postgres (rate_limit_take, migration 0066), so every web process behind a
// load balancer counts the same bucket and a restart forgets nothing. Login attempts are anonymous
// writes and have a limit of their own (ADR 014).
import { createHash } from 'node:crypto'
import { takeRateLimit, type Database } from '@baken/db'
import type { NextFunction, Request, Response } from 'express'
import type { RequestAuth } from '../app/lib/request-auth.ts'
import { bearerToken } from './authenticate.ts'

export interface WriteRateLimitOptions {
  /** Tokens added per minute; 0 switches the limit off. */
  perMinute: number
  /** The bucket's size: this many writes in a row before the refill rate holds. */
  burst: number
}

export interface RateLimitOptions {
  writes: WriteRateLimitOptions
  /** Every request of one personal API token. */
  token: WriteRateLimitOptions
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name]?.trim()
  if (!text) return fallback
  if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`${name} must be a whole number (at least ${min}), not ${text}`)
  return Number(text)
}

/**
 * BAKEN_WRITE_LIMIT_PER_MINUTE (default 60; 0: off) and BAKEN_WRITE_LIMIT_BURST (default 30);
 * BAKEN_TOKEN_LIMIT_PER_MINUTE (default 600; 0: off) and BAKEN_TOKEN_LIMIT_BURST (default 120).
 */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  return {
    writes: { perMinute: wholeNumber(env, 'BAKEN_WRITE_LIMIT_PER_MINUTE', 60, 0), burst: wholeNumber(env, 'BAKEN_WRITE_LIMIT_BURST', 30, 1) },
    token: { perMinute: wholeNumber(env, 'BAKEN_TOKEN_LIMIT_PER_MINUTE', 600, 0), burst: wholeNumber(env, 'BAKEN_TOKEN_LIMIT_BURST', 120, 1) },
  }
}

function refuse(req: Request, res: Response, retryAfter: number, message: string) {
  res.setHeader('Retry-After', String(retryAfter))
  if (req.path.startsWith('/api/')) res.status(429).json({ errors: [{ path: '', message }] })
  else res.status(429).type('text/plain').send(message)
}

/** Express middleware; mount it after authenticate (it reads res.locals.auth). */
export function writeRateLimit(getDb: () => Database, options: RateLimitOptions = rateLimitFromEnv()) {
  return (req: Request, res: Response, next: NextFunction) => {
    const auth = res.locals.auth as RequestAuth | null | undefined
    // Anonymous requests are logins (their own limit); signing out always works.
    if (!auth || req.path === '/logout') return next()
    const writing = WRITE_METHODS.has(req.method) && options.writes.perMinute > 0
    const bearer = auth.via === 'token' && options.token.perMinute > 0 ? bearerToken(req.headers.authorization) : null
    if (!writing && !bearer) return next()
    void (async () => {
      if (bearer) {
        const key = `token:${createHash('sha256').update(bearer).digest('hex')}`
        const wait = await takeRateLimit(getDb(), auth.user.id, key, options.token)
        if (wait) return refuse(req, res, wait, `Te veel verzoeken met dit API-token. Wacht ${wait} seconden en probeer het dan opnieuw.`)
      }
      if (writing) {
        const wait = await takeRateLimit(getDb(), auth.user.id, `write:${auth.user.id}`, options.writes)
        if (wait) return refuse(req, res, wait, `Te veel wijzigingen achter elkaar. Wacht ${wait} seconden en probeer het dan opnieuw.`)
      }
      next()
    })().catch(next)
  }
}
