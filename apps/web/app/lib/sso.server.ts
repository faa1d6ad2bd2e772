// The sign-in transaction cookie of single sign-on (ADR 025): encrypted and authenticated with
// BAKEN_SECRET_KEY (auth/secret-box.ts), HttpOnly, SameSite=Lax (the provider's redirect back
// is a top-level GET from another site, which Lax lets through and a cross-site POST or sub-request
// does not), limited to /login/sso and to ten minutes, and cleared at the callback.
import { SSO_TRANSACTION_MS } from '@baken/domain'

export const SSO_COOKIE = 'baken_sso'

export const ssoCookie = {
  serialize(value: string, secure: boolean): string {
    return [`${SSO_COOKIE}=${value}`, 'Path=/login/sso', 'HttpOnly', 'SameSite=Lax', `Max-Age=${SSO_TRANSACTION_MS / 1000}`, secure ? 'Secure' : null]
      .filter(Boolean)
      .join('; ')
  },
  clear(secure: boolean): string {
    return [`${SSO_COOKIE}=`, 'Path=/login/sso', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', secure ? 'Secure' : null].filter(Boolean).join('; ')
  },
  read(header: string | null): string | null {
    for (const part of (header ?? '').split(';')) {
      const [k, ...v] = part.trim().split('=')
      if (k === SSO_COOKIE) return v.join('=') || null
    }
    return null
  },
}

/**
 * The callback URL the provider redirects to, as registered there: BAKEN_ORIGIN (the site's origin, e.g.
 * https://baken.stichting.nl, behind a proxy) or else the origin this request came in on.
 */
export function ssoCallbackUrl(request: Request): string {
  const base = process.env.BAKEN_ORIGIN?.replace(/\/$/, '') || new URL(request.url).origin
  return `${base}/login/sso/callback`
}
