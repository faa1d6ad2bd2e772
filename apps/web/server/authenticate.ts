import type { Database } from '@baken/db'
import { platformMfaRequiredFromEnv, validateApiToken, validateSessionToken, type ValidatedSession } from '@baken/domain'
import type { NextFunction, Request, Response } from 'express'
import { SESSION_COOKIE, TOKEN_OUTSIDE_API, type RequestAuth } from '../app/lib/request-auth.ts'
import { sessionCookie } from '../app/lib/session-cookie.ts'
import { surfaceOf } from './request-target.ts'

/**
 * The credential in an `Authorization: Bearer …` header (RFC 6750 §2.1; the scheme name is
 * case-insensitive, RFC 9110 §11.1), '' for a Bearer header without one, or null when the request
 * has no Bearer header. Other schemes (e.g. Basic from a proxy in front) are not ours to read.
 */
export function bearerToken(header: string | undefined): string | null {
  const m = /^bearer(?:[ \t]+(.*))?$/i.exec(header?.trim() ?? '')
  return m ? (m[1] ?? '').trim() : null
}

/**
 * Establishes res.locals.auth from a Bearer API token (API requests only) or the session cookie.
 * A Bearer header on a page is refused outright (403, RFC 6750 §3.1 insufficient_scope) rather
 * than ignored: a token is never a credential for a page, and a client that sends one there is
 * told so. With a Bearer header the cookie is not looked at, so such a request carries no ambient
 * credential (which is why the Origin check may skip it). A renewed session gets a fresh cookie;
 * an invalid one is cleared.
 */
export function authenticate(getDb: () => Database, options: { secureCookie: boolean }) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.auth = null as RequestAuth | null
      const bearer = bearerToken(req.headers.authorization)
      if (bearer !== null) {
        if (surfaceOf(res) !== 'api') {
          res
            .status(403)
            .set('WWW-Authenticate', 'Bearer error="insufficient_scope"')
            .json({ errors: [{ path: '', message: TOKEN_OUTSIDE_API }] })
          return
        }
        const result = await validateApiToken(getDb(), bearer)
        if (!result) {
          res
            .status(401)
            .set('WWW-Authenticate', 'Bearer error="invalid_token"')
            .json({ errors: [{ path: '', message: 'Ongeldig of verlopen API-token.' }] })
          return
        }
        res.locals.auth = { via: 'token', user: result.user, membership: result.membership, sessionId: null, session: null } satisfies RequestAuth
        return next()
      }
      const token = readCookie(req.headers.cookie, SESSION_COOKIE)
      if (token) {
        const result = await validateSessionToken(getDb(), token, { platformMfaRequired })
        if (result) {
          const gate = secondFactorGate(result.mfa)
          res.locals.auth = {
            via: 'session',
            user: result.user,
            membership: result.membership,
            sessionId: result.session.id,
            session: { method: result.session.method, secondFactorAt: result.session.secondFactorAt },
            ...(gate ? { gate } : {}),
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

const platformMfaRequired = platformMfaRequiredFromEnv()

/**
 * A session that has proved no second factor: the user has one (then the second step is owed) or
 * must have one (then enrolment is), else it goes everywhere (ADR 024). Answered by the same
 * statement that validated the session, only for such sessions.
 */
function secondFactorGate(status: ValidatedSession['mfa']): RequestAuth['gate'] {
  if (status?.enrolled) return 'second_factor_required'
  if (status?.required) return 'second_factor_enrolment_required'
  return undefined
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k !== name) continue
    try {
      return decodeURIComponent(v.join('='))
    } catch {
      return undefined // malformed escapes: no session, not a server error
    }
  }
  return undefined
}
