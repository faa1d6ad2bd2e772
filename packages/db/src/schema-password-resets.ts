import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './schema.ts'

/** How long a password-reset link works (migration 0047 checks the same bound). */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000

/**
 * A password-reset link (migration 0047): only the SHA-256 of its token is stored, the token itself
 * is only in the mail. Single use (used_at), one hour. The application role has no grant on it:
 * requesting, reading and redeeming go through SECURITY DEFINER functions.
 */
export const passwordResets = pgTable(
  'password_resets',
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
    uniqueIndex('password_resets_token_hash_key').on(t.tokenHash),
    index('password_resets_user_idx').on(t.userId),
    check('password_resets_expiry', sql`${t.expiresAt} > ${t.createdAt} AND ${t.expiresAt} <= ${t.createdAt} + interval '1 hour'`),
  ],
)
