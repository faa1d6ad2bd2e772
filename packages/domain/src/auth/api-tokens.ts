// Personal API tokens: created by a user for one of their memberships, shown once, stored hashed.
import { applyContext, schema, withContext, type Database, type Tx } from '@baken/db'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { pickMembership, type ActiveMembership, type SessionUser } from './sessions.ts'
import { generateToken, hashToken } from './tokens.ts'
import { textInput } from '../input-rules.ts'

export const API_TOKEN_PREFIX = 'bkn_'
const DAY = 24 * 60 * 60 * 1000

export const createApiTokenInput = z.object({
  name: textInput().trim().min(1, 'Geef het token een naam').max(80, 'Maximaal 80 tekens'),
  membershipId: z.uuid('Kies een organisatie'),
  days: z.coerce.number().int().min(1, 'Minimaal 1 dag').max(365, 'Maximaal 365 dagen').default(90),
})

/** Creates a token for one of the caller's own memberships. Returns the secret once, or null. */
export async function createApiToken(
  tx: Tx,
  userId: string,
  input: z.infer<typeof createApiTokenInput>,
): Promise<{ id: string; token: string; expiresAt: Date } | null> {
  const [m] = await tx
    .select({ id: schema.memberships.id })
    .from(schema.memberships)
    .where(and(eq(schema.memberships.id, input.membershipId), eq(schema.memberships.userId, userId)))
  if (!m) return null
  const token = API_TOKEN_PREFIX + generateToken()
  const expiresAt = new Date(Date.now() + input.days * DAY)
  const [row] = await tx
    .insert(schema.apiTokens)
    .values({ userId, membershipId: m.id, name: input.name, tokenHash: hashToken(token), expiresAt })
    .returning({ id: schema.apiTokens.id })
  return { id: row!.id, token, expiresAt }
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

/** Resolves a bearer token to its user and membership; null when unknown, expired or revoked. */
export async function validateApiToken(
  db: Database,
  token: string,
): Promise<{ user: SessionUser; membership: ActiveMembership } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null
  const tokenHash = hashToken(token)
  return withContext(db, { tokenHash }, async (tx) => {
    const [row] = await tx.select().from(schema.apiTokens).where(eq(schema.apiTokens.tokenHash, tokenHash))
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null
    // Now act as the token's user to read the user and membership rows.
    await applyContext(tx, { tokenHash, userId: row.userId })
    const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, row.userId))
    const [m] = await tx
      .select()
      .from(schema.memberships)
      .where(and(eq(schema.memberships.id, row.membershipId), eq(schema.memberships.userId, row.userId)))
    if (!user || user.disabledAt || !m) return null
    // Record use at most once a minute to keep reads cheap.
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
      await tx.update(schema.apiTokens).set({ lastUsedAt: new Date() }).where(eq(schema.apiTokens.id, row.id))
    }
    return { user: { id: user.id, email: user.email, name: user.name }, membership: pickMembership(m) }
  })
}
