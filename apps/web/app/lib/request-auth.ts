import type { ActiveMembership, SessionUser } from '@baken/domain'

/** Who made the request, established once per request by the server (server/authenticate.ts). */
export interface RequestAuth {
  via: 'session' | 'token'
  user: SessionUser
  membership: ActiveMembership | null
  sessionId: string | null
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    auth: RequestAuth | null
    cspNonce: string
    /** The client address as Express saw it (honours TRUST_PROXY). */
    clientIp: string
  }
}

export const SESSION_COOKIE = 'baken_session'
