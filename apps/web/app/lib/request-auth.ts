import type { ActiveMembership, SessionMethod, SessionUser } from '@baken/domain'

/** Who made the request, established once per request by the server (server/authenticate.ts). */
export interface RequestAuth {
  via: 'session' | 'token'
  user: SessionUser
  membership: ActiveMembership | null
  sessionId: string | null
  /** For a session: how it was opened and when it last proved a second factor. Null for a token. */
  session: { method: SessionMethod; secondFactorAt: Date | null } | null
  /**
   * Set while the session may reach only the second step of the login or second-factor enrolment
   * (ADR 024); absent for a session that may go everywhere, and for a token.
   */
  gate?: 'second_factor_required' | 'second_factor_enrolment_required'
}

/**
 * What a request is for: the JSON API under /api/ (where a personal API token counts) or a page.
 * Decided once per request by the server, on the request target as written (server/request-target.ts).
 */
export type Surface = 'api' | 'page'

/** True for /api and everything under /api/; Remix matches paths case-insensitively, so this does too. */
export function isApiPath(pathname: string): boolean {
  const p = pathname.toLowerCase()
  return p === '/api' || p.startsWith('/api/')
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    auth: RequestAuth | null
    /** The server's one decision whether this is an API request (server/request-target.ts). */
    surface: Surface
    cspNonce: string
    /** The client address as Express saw it (honours TRUST_PROXY). */
    clientIp: string
  }
}

export const SESSION_COOKIE = 'baken_session'

/** The refusal of a personal API token anywhere but the API. */
export const TOKEN_OUTSIDE_API = 'Een API-token geldt alleen voor de API (/api/…); pagina’s vragen een ingelogde sessie.'
