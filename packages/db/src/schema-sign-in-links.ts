import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './schema.ts'

/** How long a sign-in link works (migration 0069 checks the same bound). */
export const SIGN_IN_LINK_LIFETIME_MS = 15 * 60 * 1000

/**
 * A sign-in link for a family account (migration 0069, ADR 042): only the SHA-256 of its token is
 * stored, the token itself is only in the mail. Single use (used_at), 15 minutes. The application
 * role has no grant on it: requesting, reading and redeeming go through SECURITY DEFINER functions.
 */
export const signInLinks = pgTable(
  'sign_in_links',
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
    uniqueIndex('sign_in_links_token_hash_key').on(t.tokenHash),
    index('sign_in_links_user_idx').on(t.userId),
    check('sign_in_links_expiry', sql`${t.expiresAt} > ${t.createdAt} AND ${t.expiresAt} <= ${t.createdAt} + interval '15 minutes'`),
  ],
)
