import type { Database } from '@baken/db'
import { validateApiToken, validateSessionToken } from '@baken/domain'
import type { NextFunction, Request, Response } from 'express'
import { SESSION_COOKIE, type RequestAuth } from '../app/lib/request-auth.ts'
import { sessionCookie } from '../app/lib/session-cookie.ts'

/**
 * Establishes res.locals.auth from a Bearer API token (for /api/ only) or the session cookie.
 * A renewed session gets a fresh cookie; an invalid one is cleared.
 */
export function authenticate(getDb: () => Database, options: { secureCookie: boolean }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.auth = null as RequestAuth | null
      const header = req.headers.authorization
      if (header?.startsWith('Bearer ') && req.path.startsWith('/api/')) {
        const result = await validateApiToken(getDb(), header.slice('Bearer '.length).trim())
        if (!result) {
          res.status(401).json({ errors: [{ path: '', message: 'Ongeldig of verlopen API-token.' }] })
          return
        }
        res.locals.auth = { via: 'token', user: result.user, membership: result.membership, sessionId: null }
        return next()
      }
      const token = readCookie(req.headers.cookie, SESSION_COOKIE)
      if (token) {
        const result = await validateSessionToken(getDb(), token)
        if (result) {
          res.locals.auth = {
            via: 'session',
            user: result.user,
            membership: result.membership,
            sessionId: result.session.id,
          } satisfies RequestAuth
          // Sliding expiry: a renewed session gets a cookie with the new expiry.
          if (result.session.renewed) {
            res.append('Set-Cookie', sessionCookie.serialize(token, result.session.expiresAt, options.secureCookie))
          }
        } else {
          res.append('Set-Cookie', sessionCookie.clear(options.secureCookie))
        }
      }
      next()
    } catch (error) {
      next(error)
    }
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return decodeURIComponent(v.join('='))
  }
  return undefined
}
