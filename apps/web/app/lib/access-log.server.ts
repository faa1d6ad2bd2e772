// Glue between the pages/API and the access log (packages/domain/src/privacy/access-log.ts): where
// the API finds a break-glass reason, where a page sends the user back to after giving one, and the
// prompt a page shows instead of the record.
//
// A reason is never taken from a link. A link can be written by anyone and followed by the user's
// browser with their cookie (a top-level GET carries a SameSite=Lax cookie): a reason in it would
// record a break-glass the user did not give, in words a third party chose. Pages take the reason only
// from the reason form (a POST that must come from our own origin, /toegang/reden); the API only
// from the X-Access-Reason header, which another site cannot make a browser send (a custom header
// needs a CORS preflight, and we answer none).
import { apiError } from './api.server.ts'
import { localTarget } from './http.server.ts'

/** The query parameter a reason used to be given in; refused on the API, ignored on the pages. */
const LINK_REASON_PARAM = 'reason'

/**
 * The reason an API caller gives for a break-glass read: the `X-Access-Reason` header (URI-encoded
 * allowed), or null. A `?reason=` in the query string is refused with a 400 before anything is read
 * or logged (thrown, as `parseQuery` does), so a link can neither open a record nor log a purpose.
 */
export function apiReason(request: Request): string | null {
  if (new URL(request.url).searchParams.has(LINK_REASON_PARAM)) {
    throw apiError(
      400,
      'Geef de reden niet in de link (?reason=) maar in de header X-Access-Reason (URI-gecodeerd). Een reden in een link kan iemand anders hebben geschreven en blijft in browsergeschiedenis en logbestanden staan.',
      'reason',
    )
  }
  const header = request.headers.get('x-access-reason')
  if (header === null) return null
  try {
    return decodeURIComponent(header)
  } catch {
    return header
  }
}

export type BreakGlassSubject = 'incident' | 'student'

/** What a page shows instead of a record until a reason is given (no record content in it). */
export interface BreakGlassPrompt {
  subjectType: BreakGlassSubject
  subjectId: string
  returnTo: string
  /** Why this record asks for a reason (Dutch). */
  why: string
  /** The link that led here carried a `?reason=`; it is not used, and the form says so. */
  linkReasonIgnored: boolean
}

export function breakGlassPrompt(request: Request, subjectType: BreakGlassSubject, subjectId: string): { breakGlass: BreakGlassPrompt } {
  const url = new URL(request.url)
  const why =
    subjectType === 'incident'
      ? 'Dit is een vertrouwelijk incident. Alleen de vertrouwenspersoon behandelt het; wil je het toch openen, geef dan eerst een reden.'
      : 'Deze leerling zit niet in een groep waaraan je lesgeeft. Wil je het dossier toch openen, geef dan eerst een reden.'
  // The page comes back without the link's reason: the form never carries it on, and the address
  // the user returns to after giving their own reason holds none.
  const linkReasonIgnored = url.searchParams.has(LINK_REASON_PARAM)
  url.searchParams.delete(LINK_REASON_PARAM)
  return { breakGlass: { subjectType, subjectId, returnTo: url.pathname + url.search, why, linkReasonIgnored } }
}

/**
 * Where to go after a reason was recorded: the page the user came from, but only a page of that
 * same record (an incident's pages for an incident, the pupil page for a pupil); never another site
 * or another record. Pure.
 */
export function safeReturnTo(subjectType: BreakGlassSubject, subjectId: string, returnTo: unknown): string {
  const fallback = subjectType === 'incident' ? `/incidenten/${subjectId}` : `/leerlingen/${subjectId}`
  const url = localTarget(returnTo)
  if (!url) return fallback
  const ok = url.pathname === fallback || (subjectType === 'incident' && url.pathname.startsWith(`${fallback}/`))
  return ok ? url.pathname + url.search : fallback
}
