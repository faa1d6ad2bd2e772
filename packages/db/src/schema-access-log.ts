// The access log's signed checkpoints and their daily digest (migration 0041, ADR 021). Closed to
// the application role: the sealer writes through security-definer functions, the verifier reads as
// the owner.
import { bigint, bigserial, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'

/**
 * A chain's state as the sealer signed it: after `seq` rows its head hash is `hash`. `signature` is
 * Ed25519 (base64) over checkpointMessage() with the key named by `key_id` (the first 16 hex digits
 * of the SHA-256 of its public key, SPKI DER); the database never holds the private key.
 */
export const accessLogCheckpoints = pgTable(
  'access_log_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chainKey: uuid('chain_key').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [unique('access_log_checkpoints_chain_seq_key').on(t.chainKey, t.seq), index('access_log_checkpoints_chain_at_idx').on(t.chainKey, t.at)],
)

/** One digest per stichting and day (Dutch time), queued to its privacyfunctionaris(sen). */
export const accessLogDigests = pgTable(
  'access_log_digests',
  {
    chainKey: uuid('chain_key').notNull(),
    day: date('day').notNull(),
    checkpointId: bigint('checkpoint_id', { mode: 'number' })
      .notNull()
      .references(() => accessLogCheckpoints.id),
    recipients: integer('recipients').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chainKey, t.day] })],
)
