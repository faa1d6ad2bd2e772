// What every "mail me a link" request shares (a password reset, a family sign-in link): the request
// never says whether the address exists, and it is throttled per e-mail address and per client
// address the way failed logins are (login-throttle.ts, ADR 014), counted whether or not the address
// exists. The throttle's rows are in Postgres (login_failures), so every web process counts the
// same requests.
import { schema, withContext, type Database, type Tx } from '@baken/db'
import { escapeHtml } from '@baken/email'
import { and, count, gt, inArray, lt, max, sql } from 'drizzle-orm'
import { LOGIN_THROTTLE, throttleVerdict, type LoginThrottlePolicy } from './login-throttle.ts'
import { normaliseEmail } from './login.ts'
import { hashToken } from './tokens.ts'

export type MailedLinkRequest = { ok: true } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

export interface MailedLinkOptions {
  /** Keeps this kind of request's counts apart from the other kinds' ('reset', 'sign-in-link'). */
  kind: string
  email: string
  ip: string
  policy: LoginThrottlePolicy
  /** Queues the mail (through a SECURITY DEFINER function) once the throttle let the request through. */
  queue: (tx: Tx, email: string) => Promise<unknown>
}

/** Checks and records the request under the throttle, then queues its mail, in one transaction. */
export async function requestMailedLink(db: Database, options: MailedLinkOptions): Promise<MailedLinkRequest> {
  const { policy } = options
  const email = normaliseEmail(options.email)
  const now = Date.now()
  const keys = { email: hashToken(`${options.kind}-email:${email}`), ip: hashToken(`${options.kind}-ip:${options.ip}`) }
  const lf = schema.loginFailures
  // The throttle's rows are open only in a login context (0003): this is the login's side door.
  return withContext(db, { loginEmail: email }, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${keys.ip}, 0))`)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${keys.email}, 0))`)
    const rows = await tx
      .select({ key: lf.key, n: count(), last: max(lf.at) })
      .from(lf)
      .where(and(inArray(lf.key, [keys.email, keys.ip]), gt(lf.at, new Date(now - policy.windowMs))))
      .groupBy(lf.key)
    const of = (key: string) => {
      const row = rows.find((r) => r.key === key)
      return { n: row?.n ?? 0, last: row?.last ? new Date(row.last).getTime() : null }
    }
    const byEmail = of(keys.email)
    const byIp = of(keys.ip)
    const verdict = throttleVerdict(
      policy,
      { pair: { failures: byEmail.n, last: byEmail.last }, account: { failures: 0, last: null }, address: { accounts: byIp.n, last: byIp.last }, siteFailures: 0 },
      now,
    )
    if (verdict.refusedUntil !== null) return { ok: false as const, reason: 'rate_limited' as const, retryAfterSeconds: Math.max(1, Math.ceil((verdict.refusedUntil - now) / 1000)) }
    // Forget requests past the window, a bounded batch of the oldest rows per request.
    const oldest = tx.select({ id: lf.id }).from(lf).orderBy(lf.id).limit(100)
    await tx.delete(lf).where(and(inArray(lf.id, oldest), lt(lf.at, new Date(now - LOGIN_THROTTLE.memoryMs))))
    await tx.insert(lf).values([keys.email, keys.ip].map((key) => ({ key, at: new Date(now) })))
    await options.queue(tx, email)
    return { ok: true as const }
  })
}

/** The mail's HTML: its plain text, with the link made clickable. */
export function linkMailHtml(text: string, link: string): string {
  return `<p>${escapeHtml(text).replace(/\n/g, '<br>').replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</p>`
}

/** The state a mailed link is in, from a SECURITY DEFINER function's jsonb (postgres.js parses it; PGlite may hand over text). */
export function parseJsonb<T>(value: T | string | null | undefined): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : (value ?? null)
}
