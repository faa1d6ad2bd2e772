import { SESSION_COOKIE } from './request-auth.ts'

/** The session cookie: HttpOnly, SameSite=Lax, Secure in production, expiring with the session. */
export const sessionCookie = {
  serialize(token: string, expiresAt: Date, secure: boolean): string {
    return [
      `${SESSION_COOKIE}=${token}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Lax',
      `Expires=${expiresAt.toUTCString()}`,
      secure ? 'Secure' : null,
    ]
      .filter(Boolean)
      .join('; ')
  },
  clear(secure: boolean): string {
    return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', secure ? 'Secure' : null]
      .filter(Boolean)
      .join('; ')
  },
}

export function secureCookies(): boolean {
  return process.env.BAKEN_MODE === 'production' || process.env.COOKIE_SECURE === '1'
}
