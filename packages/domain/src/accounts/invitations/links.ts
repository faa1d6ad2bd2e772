// Where the links in account mails point. From configuration, never from the request's Host header:
// a forged Host would otherwise put an attacker's address in front of a valid token.
export const DEFAULT_PUBLIC_URL = 'http://localhost:3000'

/** BAKEN_PUBLIC_URL (default http://localhost:3000), without a trailing slash. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.BAKEN_PUBLIC_URL || DEFAULT_PUBLIC_URL).replace(/\/+$/, '')
}
