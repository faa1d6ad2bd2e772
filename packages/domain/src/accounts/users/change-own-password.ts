// "Wachtwoord wijzigen" on the account page: the current password first (a session left open on a
// shared computer must not be enough), the new one by the password policy, and every other session
// of the user ends (whoever knew the old password may be signed in elsewhere).
import { hashPassword, schema, verifyPassword, withContext, type Database } from '@baken/db'
import { and, eq, ne } from 'drizzle-orm'
import { checkPassword } from '../../auth/password-policy.ts'
import type { FieldError } from '../../result.ts'

export async function changeOwnPassword(
  db: Database,
  session: { userId: string; sessionId: string },
  input: { current: string; next: string },
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const [user] = await withContext(db, { userId: session.userId }, (tx) => tx.select().from(schema.users).where(eq(schema.users.id, session.userId)))
  if (!user || !(await verifyPassword(user.passwordHash, input.current))) {
    return { ok: false, errors: [{ path: 'current', message: 'Uw huidige wachtwoord klopt niet.' }] }
  }
  const verdict = checkPassword(input.next, [user.name, user.email])
  if (!verdict.ok) return { ok: false, errors: [{ path: 'next', message: verdict.message }] }
  const passwordHash = await hashPassword(input.next)
  await withContext(db, { userId: session.userId, sessionId: session.sessionId }, async (tx) => {
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, session.userId))
    await tx.delete(schema.sessions).where(and(eq(schema.sessions.userId, session.userId), ne(schema.sessions.id, session.sessionId)))
  })
  return { ok: true }
}
