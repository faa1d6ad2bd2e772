// Which surface a request is for, decided once per request, before anything else reads its path:
// the JSON API (/api/…, the only place a Bearer token counts and the Origin check may be skipped)
// or the pages. The decision is made on the URL exactly as Remix will read it: the Express adapter
// builds `${protocol}://${hostname}${originalUrl}` and runs it through the WHATWG URL parser, which
// resolves `%2e%2e`, `.%2e`, backslashes and `..` segments, and Remix's router then decodes the
// path once more. A request target whose meaning depends on which of those steps looks at it is
// ambiguous, and is refused with 400 rather than guessed at: no browser sends one for our links.
import type { NextFunction, Request, Response } from 'express'
import { isApiPath, type Surface } from '../app/lib/request-auth.ts'

export type TargetVerdict = { ok: true; surface: Surface; path: string } | { ok: false; message: string }

const AMBIGUOUS_PATH = 'Ongeldig pad: gecodeerde punten, schuine strepen of procenttekens, backslashes, lege segmenten en ./.. zijn niet toegestaan.'
const BAD_HOST = 'Ongeldig verzoek: de Host-header (of achter een proxy X-Forwarded-Host/-Proto) is geen geldige waarde.'

// RFC 3986 §3.2.2 host: DNS labels (a trailing dot allowed), IPv4, or a bracketed IPv6 literal.
// Anything else (a '/', '?', '#', '\', '@' or '%') would end up inside the URL Remix parses.
const HOST = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?\.?|\[[0-9A-Fa-f:.]+\])$/

/**
 * Classifies a request from the parts the Remix adapter builds its URL from. Pure; exported for
 * the unit test.
 */
export function classifyTarget(parts: { protocol: string; hostname: string; target: string }): TargetVerdict {
  const { protocol, hostname, target } = parts
  if (protocol !== 'http' && protocol !== 'https') return { ok: false, message: BAD_HOST }
  if (!HOST.test(hostname)) return { ok: false, message: BAD_HOST }
  // Origin-form only (RFC 9112 §3.2.1): '/path?query'. No absolute-form, no '*', no fragment.
  if (!target.startsWith('/') || target.includes('#')) return { ok: false, message: AMBIGUOUS_PATH }
  const queryAt = target.indexOf('?')
  const path = queryAt === -1 ? target : target.slice(0, queryAt)
  // '\' is a '/' to the WHATWG parser for http(s); %2e, %2f and %5c decode to '.', '/' and '\';
  // %25 is an encoded '%', i.e. a second layer of encoding that a later decoder would peel off.
  if (path.includes('\\') || /%(?:2e|2f|5c|25)/i.test(path)) return { ok: false, message: AMBIGUOUS_PATH }
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    return { ok: false, message: AMBIGUOUS_PATH }
  }
  // Control characters (tab, NUL, …) are stripped or kept depending on who reads the path.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return { ok: false, message: AMBIGUOUS_PATH }
  const segments = path.split('/').slice(1)
  for (const [i, segment] of segments.entries()) {
    if (segment === '.' || segment === '..') return { ok: false, message: AMBIGUOUS_PATH }
    // An empty segment ('//') is kept by the URL parser but collapsed by other path handling;
    // only the last may be empty (a trailing slash).
    if (segment === '' && i < segments.length - 1) return { ok: false, message: AMBIGUOUS_PATH }
  }
  // Belt and braces: the path the WHATWG parser makes of it, as the Remix adapter will, must be the
  // path as written; any rewriting the rules above did not foresee is refused too.
  let parsed: URL
  try {
    parsed = new URL(`${protocol}://${hostname}${target}`)
  } catch {
    return { ok: false, message: AMBIGUOUS_PATH }
  }
  if (parsed.pathname !== path || parsed.hostname !== hostname.toLowerCase()) {
    return { ok: false, message: AMBIGUOUS_PATH }
  }
  return { ok: true, surface: isApiPath(path) ? 'api' : 'page', path }
}

/**
 * Express middleware: classifies the request (res.locals.surface) or refuses it with a 400 JSON
 * error. Runs before static files, the Origin check and authentication, which all read its result.
 */
export function requestTarget() {
  return (req: Request, res: Response, next: NextFunction) => {
    // req.hostname is the Host header (or X-Forwarded-Host behind a trusted proxy) without its port,
    // and req.protocol honours X-Forwarded-Proto there: what the Remix adapter puts before the path.
    // (The port it adds is parsed as a number, so it cannot carry anything.)
    const verdict = classifyTarget({ protocol: req.protocol, hostname: req.hostname ?? '', target: req.originalUrl })
    if (!verdict.ok) {
      res.status(400).set('Cache-Control', 'no-store').json({ errors: [{ path: '', message: verdict.message }] })
      return
    }
    res.locals.surface = verdict.surface
    next()
  }
}

/** The surface the request was classified as; throws when requestTarget() did not run. */
export function surfaceOf(res: Response): Surface {
  const surface = res.locals.surface as Surface | undefined
  if (surface !== 'api' && surface !== 'page') throw new Error('requestTarget() must run before this middleware')
  return surface
}
