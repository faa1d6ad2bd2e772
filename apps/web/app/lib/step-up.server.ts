// The second-factor gate and step-up (ADR 024).
//
// Gate: a session that has not proved its user's second factor yet may reach only the second step
// of the login (/login/tweede-stap); a user who must use a second factor and has none may reach only
// enrolment (/account/tweede-factor). Pages redirect there, the API answers 401 with a code.
//
// Step-up: sharing data, exports, break-glass openings, role changes and API-token creation ask for
// a second factor proved within the last 5 minutes (STEP_UP_SECONDS). Personal API tokens are
// exempt: they are made under step-up and scoped to one membership. A user who has no second factor
// and whose stichting does not require one passes: there is nothing to step up to.
import { redirect, type AppLoadContext } from '@remix-run/node'
import type { RequestAuth } from './request-auth.ts'

export type GateCode = 'second_factor_required' | 'second_factor_enrolment_required'

export const SECOND_FACTOR_PAGE = '/login/tweede-stap'
export const ENROLMENT_PAGE = '/account/tweede-factor'
export const STEP_UP_PAGE = '/login/tweede-stap'

const MESSAGES: Record<GateCode | 'step_up_required', string> = {
  second_factor_required: 'Bevestig eerst je tweede factor (een code uit je app, een herstelcode of een passkey) op /login/tweede-stap.',
  second_factor_enrolment_required: 'Je organisatie vraagt een tweede factor. Stel die eerst in op /account/tweede-factor.',
  step_up_required: 'Bevestig je tweede factor opnieuw (op /login/tweede-stap): dit vraagt een bevestiging van de laatste 5 minuten.',
}

/** The API's 401 for a missing second factor: {errors: [{path: '', message, code}]}. */
export function secondFactorError(code: GateCode | 'step_up_required'): Response {
  return Response.json({ errors: [{ path: '', message: MESSAGES[code], code }] }, { status: 401 })
}

function here(request: Request): string {
  const url = new URL(request.url)
  return url.pathname + url.search
}

function withReturn(page: string, request: Request, extra = ''): string {
  const back = here(request)
  return `${page}?${extra}redirectTo=${encodeURIComponent(back)}`
}

/** The refusal of a gated session: a redirect for pages, 401 for the API. */
export function gateRefusal(request: Request, context: AppLoadContext, gate: GateCode): Response {
  if (context.surface === 'api') return secondFactorError(gate)
  return redirect(withReturn(gate === 'second_factor_required' ? SECOND_FACTOR_PAGE : ENROLMENT_PAGE, request))
}

/** The step-up window: STEP_UP_SECONDS (default 300). The tests set 0 to watch a stale factor. */
export function stepUpWindowMs(env: Record<string, string | undefined> = process.env): number {
  const text = env.STEP_UP_SECONDS?.trim()
  if (!text) return 5 * 60_000
  if (!/^\d+$/.test(text)) throw new Error(`STEP_UP_SECONDS must be a whole number of seconds, not ${text}`)
  return Number(text) * 1000
}

const windowMs = stepUpWindowMs()

/** Whether a factor proved at `at` still counts for a step-up at `now`. */
export function isFresh(at: Date | null, now: Date, window = windowMs): boolean {
  return at !== null && now.getTime() - at.getTime() <= window
}

/**
 * Refuses unless the request's session proved a second factor within the window: pages are sent to
 * the second step, which returns them to where they were (for a form post, the page it was posted
 * from); the API gets 401 `step_up_required`. Tokens are exempt (see above).
 */
export function requireFreshSecondFactor(
  ctx: { via: RequestAuth['via']; surface: AppLoadContext['surface'] },
  request: Request,
  context: AppLoadContext,
  now = new Date(),
): void {
  const auth = context.auth
  if (ctx.via === 'token' || !auth?.session) return
  // No factor proved in this session and none required (else the gate had stopped it): nothing to step up to.
  if (auth.session.secondFactorAt === null) return
  if (isFresh(auth.session.secondFactorAt, now)) return
  if (ctx.surface === 'api') throw secondFactorError('step_up_required')
  const from = request.method === 'GET' ? here(request) : localReferer(request) ?? here(request)
  throw redirect(`${STEP_UP_PAGE}?step-up=1&redirectTo=${encodeURIComponent(from)}`)
}

function localReferer(request: Request): string | null {
  const referer = request.headers.get('referer')
  if (!referer) return null
  try {
    const url = new URL(referer)
    return url.origin === new URL(request.url).origin ? url.pathname + url.search : null
  } catch {
    return null
  }
}
