// Personal API tokens: created in a signed-in session for the membership that session acts for,
// shown once, stored hashed.
import { queryPrepared, schema, type Database, type Tx } from '@baken/db'
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { membershipOfRow, type ActiveMembership, type AuthRow, type SessionUser } from './sessions.ts'
import { generateToken, hashToken } from './tokens.ts'
import { textInput } from '../input-rules.ts'

export const API_TOKEN_PREFIX = 'bkn_'
const DAY = 24 * 60 * 60 * 1000

export const createApiTokenInput = z.object({
  name: textInput().trim().min(1, 'Geef het token een naam').max(80, 'Maximaal 80 tekens'),
  /**
   * The membership the form was shown for. Optional: the token is always for the one the session
   * acts for; when given, it must still be that one (another tab may have switched since).
   */
  membershipId: z.uuid('Kies een organisatie').optional(),
  days: z.coerce.number().int().min(1, 'Minimaal 1 dag').max(365, 'Maximaal 365 dagen').default(90),
})

export type CreateApiTokenResult =
  | { ok: true; id: string; token: string; expiresAt: Date; membershipId: string }
  /** no-session: the session is gone or expired; no-membership: it has no organisation chosen;
   * other-membership: the form named another membership than the one the session acts for. */
  | { ok: false; reason: 'no-session' | 'no-membership' | 'other-membership' }

/**
 * Creates a token in a signed-in session, for the membership that session acts for and no other:
 * a token is never broader than the session that made it. Only a session mints tokens (the caller
 * passes the session, which a token-authenticated request has not got), so a token never mints a
 * token; once staff have a second factor, minting will also ask for a fresh one. The session is
 * read from the database, not trusted from the caller. Returns the secret once.
 */
export async function createApiToken(
  tx: Tx,
  session: { id: string; userId: string },
  input: z.infer<typeof createApiTokenInput>,
): Promise<CreateApiTokenResult> {
  const [row] = await tx
    .select({ membershipId: schema.sessions.membershipId, ownMembership: schema.memberships.id })
    .from(schema.sessions)
    .leftJoin(
      schema.memberships,
      and(eq(schema.memberships.id, schema.sessions.membershipId), eq(schema.memberships.userId, schema.sessions.userId)),
    )
    .where(and(eq(schema.sessions.id, session.id), eq(schema.sessions.userId, session.userId), gt(schema.sessions.expiresAt, new Date())))
  if (!row) return { ok: false, reason: 'no-session' }
  const membershipId = row.ownMembership
  if (!membershipId) return { ok: false, reason: 'no-membership' }
  if (input.membershipId !== undefined && input.membershipId !== membershipId) return { ok: false, reason: 'other-membership' }
  const token = API_TOKEN_PREFIX + generateToken()
  const expiresAt = new Date(Date.now() + input.days * DAY)
  const [created] = await tx
    .insert(schema.apiTokens)
    .values({ userId: session.userId, membershipId, name: input.name, tokenHash: hashToken(token), expiresAt })
    .returning({ id: schema.apiTokens.id })
  return { ok: true, id: created!.id, token, expiresAt, membershipId }
}

export function listApiTokens(tx: Tx, userId: string) {
  return tx
    .select({
      id: schema.apiTokens.id,
      name: schema.apiTokens.name,
      membershipId: schema.apiTokens.membershipId,
      createdAt: schema.apiTokens.createdAt,
      expiresAt: schema.apiTokens.expiresAt,
      lastUsedAt: schema.apiTokens.lastUsedAt,
      revokedAt: schema.apiTokens.revokedAt,
    })
    .from(schema.apiTokens)
    .where(eq(schema.apiTokens.userId, userId))
    .orderBy(desc(schema.apiTokens.createdAt))
}

/** Revokes one of the caller's tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(tx: Tx, userId: string, tokenId: string): Promise<boolean> {
  const rows = await tx
    .update(schema.apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(schema.apiTokens.id, tokenId), eq(schema.apiTokens.userId, userId), isNull(schema.apiTokens.revokedAt)))
    .returning({ id: schema.apiTokens.id })
  return rows.length === 1
}

/**
 * Resolves a bearer token to its user and membership; null when unknown, expired or revoked, when
 * the user is deactivated or the membership is gone. One statement (auth_api_token, migration
 * 0054, ADR 032), which also records the use at most once a minute.
 */
export async function validateApiToken(
  db: Database,
  token: string,
): Promise<{ user: SessionUser; membership: ActiveMembership } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null
  const [row] = await queryPrepared<AuthRow>(db, 'select * from auth_api_token($1, $2::timestamptz, $3::interval)', [
    hashToken(token),
    new Date().toISOString(),
    '60 seconds',
  ])
  const membership = row ? membershipOfRow(row) : null
  if (!row || !membership) return null
  return { user: { id: row.user_id, email: row.email, name: row.name }, membership }
}
