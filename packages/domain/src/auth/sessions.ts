// Sessions following Lucia's guide ("Basic session API"): a random token in the cookie, its SHA-256
// as the session id in the database, 30 days with sliding renewal. See docs/decisions/002.
import { queryPrepared, schema, withContext, type Database, type Role } from '@baken/db'
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
  /** The name of the school, stichting or partner organisation, when authentication read it along. */
  organisationName?: string
}

/** How a session was opened: a password, a passkey (as the sign-in itself), single sign-on, or a family account's e-mail link. */
export type SessionMethod = 'password' | 'passkey' | 'sso' | 'email_link'

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
  /** For a session that has proved no second factor: must the user have one, and have they (ADR 024)? */
  mfa?: { required: boolean; enrolled: boolean }
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

/** A row of auth_session() / auth_api_token() (migration 0054): the user and the membership acted for. */
export interface AuthRow {
  user_id: string
  email: string
  name: string
  membership_id: string | null
  role: Role | null
  stichting_id: string | null
  school_id: string | null
  partner_id: string | null
  suspended: boolean | null
  organisation_name: string | null
}

export function membershipOfRow(row: AuthRow): ActiveMembership | null {
  if (!row.membership_id || !row.role) return null
  return {
    id: row.membership_id,
    role: row.role,
    stichtingId: row.stichting_id,
    schoolId: row.school_id,
    partnerId: row.partner_id,
    suspended: row.suspended === true,
    ...(row.organisation_name === null ? {} : { organisationName: row.organisation_name }),
  }
}

const interval = (ms: number) => `${ms / 1000} seconds`

/**
 * Looks the token up; deletes it when expired; extends it when past half its life. One statement
 * (auth_session, migration 0054, ADR 032) outside any transaction block: the session, its user
 * (refused when deactivated), the membership it acts for with its stichting's suspension and its
 * organisation's name, and, for a session that has proved no second factor, what the gate of
 * ADR 024 needs (platformMfaRequired: BAKEN_MFA_PLATFORM).
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  options: { platformMfaRequired?: boolean } = {},
): Promise<ValidatedSession | null> {
  const sessionId = hashToken(token)
  const now = new Date()
  const [row] = await queryPrepared<
    AuthRow & { expires_at: Date; renewed: boolean; method: SessionMethod; second_factor_at: Date | null; mfa_required: boolean | null; mfa_enrolled: boolean | null }
  >(db, 'select * from auth_session($1, $2::timestamptz, $3::interval, $4::interval, $5::interval, $6)', [
    sessionId,
    now.toISOString(),
    interval(SESSION_LIFETIME_MS),
    interval(RENEW_WHEN_LEFT_MS),
    interval(LAST_SEEN_EVERY_MS),
    options.platformMfaRequired === true,
  ])
  if (!row) return null
  const membership = membershipOfRow(row)
  return {
    session: {
      id: sessionId,
      expiresAt: new Date(row.expires_at),
      membershipId: membership?.id ?? null,
      renewed: row.renewed,
      method: row.method,
      secondFactorAt: row.second_factor_at === null ? null : new Date(row.second_factor_at),
    },
    user: { id: row.user_id, email: row.email, name: row.name },
    membership,
    ...(row.second_factor_at === null ? { mfa: { required: row.mfa_required === true, enrolled: row.mfa_enrolled === true } } : {}),
  }
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
