// requireContext: the one entry to tenant data for pages and the API (STYLE.md: route → requireContext
// → withTenant(ctx, tx => domain(tx, ability, input)) → response).
import { getDatabase, isFamilyRole, withTenant, type TenantContext, type Tx } from '@baken/db'
import type { ActiveMembership, SessionUser } from '@baken/domain'
import { defineAbilityFor, type Action, type AppAbility, type SubjectName } from '@baken/permissions'
import { redirect, type AppLoadContext } from '@remix-run/node'
import { apiError } from './api.server.ts'
import { isApiPath, TOKEN_OUTSIDE_API, type RequestAuth, type Surface } from './request-auth.ts'
import { gateRefusal } from './step-up.server.ts'

export interface RequestContext {
  user: SessionUser
  membership: ActiveMembership
  tenant: TenantContext
  ability: AppAbility
  via: RequestAuth['via']
  sessionId: string | null
  /** API or page, as the server decided for this request. */
  surface: Surface
}

/**
 * The signed-in user, or a redirect to /login (pages) / 401 (API).
 *
 * A personal API token counts only on the API. The server already refuses a Bearer header on a
 * page; this is the second wall, inside Remix: a token reaches a route only when the server decided
 * "API" and the URL Remix itself routed on is under /api/ as well. If the two ever disagree, the
 * answer is no.
 */
export function requireAuth(request: Request, context: AppLoadContext, options: { beforeSecondFactor?: boolean } = {}): RequestAuth {
  if (context.auth?.via === 'token' && !(context.surface === 'api' && isApiPath(new URL(request.url).pathname))) {
    throw apiError(403, TOKEN_OUTSIDE_API)
  }
  // A session that still owes its second factor (or its enrolment) reaches only the pages that
  // take it (step-up.server.ts); they pass beforeSecondFactor.
  if (context.auth?.gate && !options.beforeSecondFactor) throw gateRefusal(request, context, context.auth.gate)
  if (context.auth) return context.auth
  if (context.surface === 'api') throw apiError(401, 'Niet ingelogd.')
  const url = new URL(request.url)
  const redirectTo = url.pathname + url.search
  throw redirect(redirectTo === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(redirectTo)}`)
}

/**
 * Which application a route belongs to: the staff's (every route so far) or the family's portal
 * (/ouders, /api/v1/portal). A membership reaches only its own application; the other answers 404,
 * as a route that does not exist for it (ADR 033). This is the kind of membership, as a school or a
 * partner membership is: what each role may do inside its application stays with CASL.
 */
export type Audience = 'staff' | 'family'

/** Whether the signed-in session acts for a family membership (its home is the portal). */
export function actsForFamily(context: AppLoadContext): boolean {
  return isFamilyRole(context.auth?.membership?.role)
}

/** The user and the organisation they act for; without a chosen organisation: to /organisatie. */
export function requireContext(request: Request, context: AppLoadContext, options: { audience?: Audience } = {}): RequestContext {
  const auth = requireAuth(request, context)
  const m = auth.membership
  if (!m) {
    if (context.surface === 'api') throw apiError(403, 'Kies eerst een organisatie (/organisatie).')
    throw redirect('/organisatie')
  }
  if (isFamilyRole(m.role) !== (options.audience === 'family')) {
    if (context.surface === 'api') throw apiError(404, 'Niet gevonden.')
    throw new Response('Niet gevonden', { status: 404, statusText: 'Not Found' })
  }
  if (m.suspended) throw tenantSuspended(context.surface)
  const tenant = tenantContextOf(auth.user, m)
  return {
    user: auth.user,
    membership: m,
    tenant,
    ability: defineAbilityFor(tenant),
    via: auth.via,
    sessionId: auth.sessionId,
    surface: context.surface,
  }
}

/**
 * A signed-in browser session (not a token), for what only a person at the keyboard may do:
 * managing credentials and signing out everywhere. Tokens never mint or revoke tokens. (Once staff
 * have a second factor, minting will also want a fresh one.)
 */
export function requireSession(
  request: Request,
  context: AppLoadContext,
  options: { beforeSecondFactor?: boolean } = {},
): RequestAuth & { via: 'session'; sessionId: string } {
  const auth = requireAuth(request, context, options)
  if (auth.via !== 'session' || !auth.sessionId) throw apiError(403, 'Dit kan alleen in een ingelogde sessie, niet met een API-token.')
  return auth as RequestAuth & { via: 'session'; sessionId: string }
}

export const TENANT_SUSPENDED = 'Deze stichting is door het platform opgeschort. Zolang dat zo is, kunt u niet namens haar werken; neem contact op met uw stichtingbeheerder. Een andere organisatie kiest u via /organisatie.'

/** A membership of a suspended stichting does not act (reversible: lifting it restores the same session and tokens). */
export function tenantSuspended(surface: Surface): Response {
  if (surface === 'api') return Response.json({ code: 'tenant_suspended', errors: [{ path: '', message: TENANT_SUSPENDED }] }, { status: 403 })
  return new Response(TENANT_SUSPENDED, { status: 403, statusText: 'tenant_suspended' })
}

/** The RLS context for a user acting through one of their memberships. */
export function tenantContextOf(user: SessionUser, m: ActiveMembership): TenantContext {
  return { userId: user.id, membershipId: m.id, role: m.role, stichtingId: m.stichtingId, schoolId: m.schoolId, partnerId: m.partnerId }
}

/** Refuses with 403 when the role may not perform the action on this kind of record at all. */
export function requirePermission(request: Request, ctx: RequestContext, action: Action, subject: SubjectName): void {
  if (ctx.ability.can(action, subject)) return
  if (ctx.surface === 'api') throw apiError(403, `Geen toegang: ${action} ${subject}.`)
  throw new Response('Geen toegang', { status: 403 })
}

/** Runs the domain call in the caller's tenant transaction. */
export function inTenant<T>(ctx: RequestContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTenant(getDatabase(), ctx.tenant, fn)
}
