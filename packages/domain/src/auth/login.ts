// Password login with one generic failure message and rate limiting per account and per IP.
import { hashPassword, schema, verifyPassword, withContext, type Database } from '@baken/db'
import { and, count, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import { hashToken } from './tokens.ts'

export const RATE_LIMIT = {
  windowMs: 15 * 60 * 1000,
  /** Failed attempts per account within the window before it is locked for the rest of it. */
  perAccount: 5,
  /** Failed attempts per client IP within the window (many accounts from one address). */
  perIp: 20,
} as const

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

// A hash to verify against when the account does not exist, so both paths take equally long.
let dummyHash: Promise<string> | undefined

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

const accountKey = (email: string) => hashToken(`account:${email}`)
const ipKey = (ip: string) => hashToken(`ip:${ip}`)

export async function attemptLogin(
  db: Database,
  input: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const email = normaliseEmail(input.email)
  const keys = { account: accountKey(email), ip: ipKey(input.ip) }
  const since = new Date(Date.now() - RATE_LIMIT.windowMs)

  return withContext(db, { loginEmail: email }, async (tx) => {
    // Attempts on one account queue behind each other, so parallel guesses cannot slip past the count.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${keys.account}, 0))`)
    // Forget failures older than the window (keeps the table small).
    await tx.delete(schema.loginFailures).where(lt(schema.loginFailures.at, since))
    const counts = await tx
      .select({ key: schema.loginFailures.key, n: count() })
      .from(schema.loginFailures)
      .where(and(inArray(schema.loginFailures.key, [keys.account, keys.ip]), gt(schema.loginFailures.at, since)))
      .groupBy(schema.loginFailures.key)
    const failures = (key: string) => counts.find((c) => c.key === key)?.n ?? 0
    if (failures(keys.account) >= RATE_LIMIT.perAccount || failures(keys.ip) >= RATE_LIMIT.perIp) {
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: RATE_LIMIT.windowMs / 1000 }
    }

    const [user] = await tx.select().from(schema.users).where(eq(schema.users.email, email))
    const valid = user
      ? await verifyPassword(user.passwordHash, input.password)
      : (await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password')), input.password), false)

    if (!user || !valid || user.disabledAt) {
      await tx.insert(schema.loginFailures).values([{ key: keys.account }, { key: keys.ip }])
      return { ok: false, reason: 'invalid' }
    }
    await tx.delete(schema.loginFailures).where(eq(schema.loginFailures.key, keys.account))
    return { ok: true, userId: user.id }
  })
}
