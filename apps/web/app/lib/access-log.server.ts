// Glue between the pages/API and the access log (packages/domain/src/privacy/access-log.ts): where
// the API finds a break-glass reason, where a page sends the user back to after giving one, and the
// prompt a page shows instead of the record.
import { localTarget } from './http.server.ts'

/** The reason an API caller gives for a break-glass read: `?reason=…` or the `X-Access-Reason` header (URI-encoded allowed). */
export function apiReason(request: Request): string | null {
  const fromQuery = new URL(request.url).searchParams.get('reason')
  if (fromQuery !== null) return fromQuery
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
}

export function breakGlassPrompt(request: Request, subjectType: BreakGlassSubject, subjectId: string): { breakGlass: BreakGlassPrompt } {
  const url = new URL(request.url)
  const why =
    subjectType === 'incident'
      ? 'Dit is een vertrouwelijk incident. Alleen de vertrouwenspersoon behandelt het; wil je het toch openen, geef dan eerst een reden.'
      : 'Deze leerling zit niet in een groep waaraan je lesgeeft. Wil je het dossier toch openen, geef dan eerst een reden.'
  return { breakGlass: { subjectType, subjectId, returnTo: url.pathname + url.search, why } }
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
