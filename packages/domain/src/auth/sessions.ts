// Sessions following Lucia's guide ("Basic session API"): a random token in the cookie, its SHA-256
// as the session id in the database, 30 days with sliding renewal. See docs/decisions/002.
import { applyContext, schema, withContext, type Database, type Role, type Tx } from '@baken/db'
import { and, desc, eq, isNull, ne } from 'drizzle-orm'
import { describeDevice } from './device.ts'
import { generateToken, hashToken } from './tokens.ts'

const DAY = 24 * 60 * 60 * 1000
export const SESSION_LIFETIME_MS = 30 * DAY
/** Renew when less than half the lifetime is left (at most one write per 15 days per session). */
const RENEW_WHEN_LEFT_MS = 15 * DAY
/** "Last seen" on the account page is kept to 5 minutes: at most one write per 5 minutes per session. */
export const LAST_SEEN_EVERY_MS = 5 * 60 * 1000

export interface SessionUser {
  id: string
  email: string
  name: string
}

export interface ActiveMembership {
  id: string
  role: Role
  stichtingId: string | null
  schoolId: string | null
  partnerId: string | null
  /** The stichting is suspended by the platform: the membership does not act until it is lifted. */
  suspended?: boolean
}

/** How a session was opened: a password, a passkey (as the sign-in itself), or single sign-on. */
export type SessionMethod = 'password' | 'passkey' | 'sso'

export interface ValidatedSession {
  session: {
    id: string
    expiresAt: Date
    membershipId: string | null
    renewed: boolean
    method: SessionMethod
    /** When the session last proved a second factor; null when it has not. */
    secondFactorAt: Date | null
  }
  user: SessionUser
  /** The membership the user acts for, or null until they choose one. */
  membership: ActiveMembership | null
}

export interface SessionMeta {
  ip?: string | null
  userAgent?: string | null
  method?: SessionMethod
  /** Set when the sign-in itself proved a second factor (a passkey, or an identity provider's MFA). */
  secondFactorAt?: Date | null
  /** The identity provider of an 'sso' session: a step-up goes back to it. */
  ssoProviderId?: string | null
}

export async function createSession(
  db: Database,
  userId: string,
  meta: SessionMeta = {},
  membershipId: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken()
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS)
  await withContext(db, { userId }, (tx) =>
    tx.insert(schema.sessions).values({
      id: hashToken(token),
      userId,
      membershipId,
      expiresAt,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      method: meta.method ?? 'password',
      secondFactorAt: meta.secondFactorAt ?? null,
      ssoProviderId: meta.method === 'sso' ? (meta.ssoProviderId ?? null) : null,
    }),
  )
  return { token, expiresAt }
}

/** Looks the token up; deletes it when expired; extends it when past half its life. */
export async function validateSessionToken(db: Database, token: string): Promise<ValidatedSession | null> {
  const sessionId = hashToken(token)
  return withContext(db, { sessionId }, async (tx) => {
    // The session-id context opens exactly this session row; its user id then opens the user's rows.
    const [session] = await tx.select().from(schema.sessions).where(eq(schema.sessions.id, sessionId))
    if (!session) return null
    if (Date.now() >= session.expiresAt.getTime()) {
      await tx.delete(schema.sessions).where(eq(schema.sessions.id, sessionId))
      return null
    }
    await applyContext(tx, { sessionId, userId: session.userId })
    const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, session.userId))
    if (!user || user.disabledAt) return null
    let expiresAt = session.expiresAt
    const renewed = expiresAt.getTime() - Date.now() < RENEW_WHEN_LEFT_MS
    const seen = Date.now() - session.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS
    if (renewed) expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS)
    if (renewed || seen) {
      await tx
        .update(schema.sessions)
        .set({ ...(renewed ? { expiresAt } : {}), ...(seen ? { lastSeenAt: new Date() } : {}) })
        .where(eq(schema.sessions.id, sessionId))
    }
    let membership: ActiveMembership | null = null
    if (session.membershipId) {
      const [m] = await membershipWithSuspension(tx).where(and(eq(schema.memberships.id, session.membershipId), eq(schema.memberships.userId, user.id)))
      if (m) membership = pickMembership(m.membership, m.suspendedAt)
    }
    return {
      session: {
        id: sessionId,
        expiresAt,
        membershipId: membership?.id ?? null,
        renewed,
        method: session.method as SessionMethod,
        secondFactorAt: session.secondFactorAt,
      },
      user: { id: user.id, email: user.email, name: user.name },
      membership,
    }
  })
}

export function pickMembership(m: typeof schema.memberships.$inferSelect, suspendedAt: Date | null = null): ActiveMembership {
  return { id: m.id, role: m.role, stichtingId: m.stichtingId, schoolId: m.schoolId, partnerId: m.partnerId, suspended: suspendedAt !== null }
}

/** A membership with its stichting's suspension, in the one query that resolves it for a request. */
export function membershipWithSuspension(tx: Tx) {
  return tx
    .select({ membership: schema.memberships, suspendedAt: schema.stichtingen.suspendedAt })
    .from(schema.memberships)
    .leftJoin(schema.stichtingen, eq(schema.stichtingen.id, schema.memberships.stichtingId))
    .$dynamic()
}

/** Logout: the session is gone from the database, so the cookie is worthless. */
export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await withContext(db, { sessionId }, (tx) => tx.delete(schema.sessions).where(eq(schema.sessions.id, sessionId)))
}

/**
 * "Overal uitloggen": ends every way in that the user has, in one transaction. All sessions on all
 * devices are deleted and all personal API tokens are revoked. Whoever presses it fears that a
 * device or a credential is in the wrong hands, and a token is as good as a session for reading
 * pupils' files, so a sign-out that left tokens working would only look safe (AVG art. 32: a
 * breach is contained at once). An integration that is still wanted gets a new token afterwards.
 * Returns how many sessions were ended and tokens revoked.
 */
export async function signOutEverywhere(db: Database, userId: string): Promise<{ sessions: number; tokens: number }> {
  return withContext(db, { userId }, async (tx) => {
    const sessions = await tx.delete(schema.sessions).where(eq(schema.sessions.userId, userId)).returning({ id: schema.sessions.id })
    const tokens = await tx
      .update(schema.apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(schema.apiTokens.userId, userId), isNull(schema.apiTokens.revokedAt)))
      .returning({ id: schema.apiTokens.id })
    return { sessions: sessions.length, tokens: tokens.length }
  })
}

/**
 * Switches the organisation a session acts for. Only a membership of the session's own user can be
 * chosen; anything else answers false and changes nothing.
 */
export async function switchMembership(
  db: Database,
  session: { id: string; userId: string },
  membershipId: string,
): Promise<boolean> {
  return withContext(db, { userId: session.userId, sessionId: session.id }, async (tx) => {
    const [m] = await tx
      .select({ id: schema.memberships.id })
      .from(schema.memberships)
      .where(and(eq(schema.memberships.id, membershipId), eq(schema.memberships.userId, session.userId)))
    if (!m) return false
    const updated = await tx
      .update(schema.sessions)
      .set({ membershipId: m.id })
      .where(and(eq(schema.sessions.id, session.id), eq(schema.sessions.userId, session.userId)))
      .returning({ id: schema.sessions.id })
    return updated.length === 1
  })
}

export interface SessionListItem {
  id: string
  device: string
  ip: string | null
  createdAt: string
  lastSeenAt: string
  current: boolean
}

/** The user's active sessions for the account page, the current one marked (RLS: own rows only). */
export async function listSessions(db: Database, userId: string, currentSessionId: string): Promise<SessionListItem[]> {
  const rows = await withContext(db, { userId }, (tx) =>
    tx.select().from(schema.sessions).where(eq(schema.sessions.userId, userId)).orderBy(desc(schema.sessions.lastSeenAt)),
  )
  return rows
    .filter((r) => r.expiresAt.getTime() > Date.now())
    .map((r) => ({
      id: r.id,
      device: describeDevice(r.userAgent),
      ip: r.ip,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      current: r.id === currentSessionId,
    }))
}

/** Ends one of the user's own sessions; another user's id changes nothing and answers false. */
export async function revokeSession(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const gone = await withContext(db, { userId }, (tx) =>
    tx.delete(schema.sessions).where(and(eq(schema.sessions.id, sessionId), eq(schema.sessions.userId, userId))).returning({ id: schema.sessions.id }),
  )
  return gone.length === 1
}

/** Ends every session of the user except the current one (API tokens stay: "overal uitloggen" ends those too). */
export async function revokeOtherSessions(db: Database, userId: string, currentSessionId: string): Promise<number> {
  const gone = await withContext(db, { userId }, (tx) =>
    tx
      .delete(schema.sessions)
      .where(and(eq(schema.sessions.userId, userId), ne(schema.sessions.id, currentSessionId)))
      .returning({ id: schema.sessions.id }),
  )
  return gone.length
}
