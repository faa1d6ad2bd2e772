import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './schema.ts'

/** How long a password-reset link works (migration 0047 checks the same bound). */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000

/**
 * A mailed single-use link of one user's (a password reset, a family sign-in link): only the
 * SHA-256 of its token is stored, the token itself is only in the mail. Used once (used_at), for at
 * most `lifetime` (a CHECK). The application role has no grant on such a table: requesting, reading
 * and redeeming go through SECURITY DEFINER functions.
 */
export function singleUseLinkTable<N extends string>(name: N, lifetime: '1 hour' | '15 minutes') {
  return pgTable(
    name,
    {
      id: uuid('id').primaryKey().defaultRandom(),
      userId: uuid('user_id')
        .notNull()
        .references(() => users.id, { onDelete: 'cascade' }),
      tokenHash: text('token_hash').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
      usedAt: timestamp('used_at', { withTimezone: true }),
    },
    (t) => [
      uniqueIndex(`${name}_token_hash_key`).on(t.tokenHash),
      index(`${name}_user_idx`).on(t.userId),
      check(`${name}_expiry`, sql`${t.expiresAt} > ${t.createdAt} AND ${t.expiresAt} <= ${t.createdAt} + interval ${sql.raw(`'${lifetime}'`)}`),
    ],
  )
}

/** A password-reset link (migration 0047): one hour. */
export const passwordResets = singleUseLinkTable('password_resets', '1 hour')
