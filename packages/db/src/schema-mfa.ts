// Multi-factor authentication: a TOTP secret per user (encrypted at rest), single-use recovery
// codes (SHA-256 of a high-entropy code), WebAuthn credentials, each stichting's policy on who must
// use a second factor, and a log of second-factor events. RLS (0035): a user sees only their own
// factors and events; a policy row is read by whoever acts within its stichting.
import { sql } from 'drizzle-orm'
import { bigint, boolean, check, customType, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { sessions, stichtingen, users } from './schema.ts'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })

/** One authenticator app per user. The secret is AES-256-GCM encrypted; confirmed once a first code matched. */
export const mfaTotp = pgTable('mfa_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  // base64url of iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes); the key comes from BAKEN_SECRET_KEY.
  secretEncrypted: text('secret_encrypted').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  // The last 30-second step a code was accepted for: a code of that step or earlier is a replay.
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Ten single-use recovery codes per user, stored as SHA-256 (hex) of an 80-bit random code. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mfa_recovery_codes_hash_key').on(t.codeHash), index('mfa_recovery_codes_user_idx').on(t.userId)],
)

/** Passkeys / WebAuthn credentials (W3C WebAuthn Level 2), as a second factor or the sign-in itself. */
export const webauthnCredentials = pgTable(
  'webauthn_credentials',
  {
    // The credential id, base64url.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    publicKey: bytea('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    // 'multiDevice' when the authenticator may sync the credential (the BE flag), 'singleDevice' else.
    deviceType: text('device_type').notNull().default('singleDevice'),
    // The BS flag at registration and after each use: the credential is backed up (synced).
    backedUp: boolean('backed_up').notNull().default(false),
    // The authenticator model (AAGUID), all zeros when the attestation is "none" and the model hides it.
    aaguid: text('aaguid'),
  },
  (t) => [
    index('webauthn_credentials_user_idx').on(t.userId),
    check('webauthn_credentials_device_type', sql`${t.deviceType} in ('singleDevice', 'multiDevice')`),
    check('webauthn_credentials_name', sql`char_length(${t.name}) between 1 and 60`),
    check('webauthn_credentials_counter', sql`${t.counter} >= 0`),
  ],
)

export const WEBAUTHN_CHALLENGE_PURPOSES = ['registration', 'authentication', 'sign_in'] as const

/**
 * WebAuthn challenges, single use and short-lived (0050): a registration or authentication one
 * belongs to one session of one user; a sign-in one to the browser that asked (SHA-256 of a cookie
 * value in browser_key) and is reached only through SECURITY DEFINER functions.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    challenge: text('challenge').primaryKey(),
    purpose: text('purpose', { enum: WEBAUTHN_CHALLENGE_PURPOSES }).notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    browserKey: text('browser_key'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('webauthn_challenges_session_idx').on(t.sessionId),
    index('webauthn_challenges_browser_idx').on(t.browserKey),
    index('webauthn_challenges_expiry_idx').on(t.expiresAt),
  ],
)

/** A stichting's choice of roles that must use a second factor; no row means the default (ADR 024). */
// (Roles as text[] checked against the role enum's labels: schema.ts re-exports this module, so its
// enum cannot be used here at load time.)
export const mfaPolicies = pgTable(
  'mfa_policies',
  {
    stichtingId: uuid('stichting_id')
      .primaryKey()
      .references(() => stichtingen.id, { onDelete: 'cascade' }),
    requiredRoles: text('required_roles').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [check('mfa_policies_roles', sql`${t.requiredRoles}::role[] is not null`)],
)

export const MFA_EVENT_KINDS = [
  'totp_enrolled',
  'totp_removed',
  'recovery_codes_generated',
  'recovery_code_used',
  'passkey_registered',
  'passkey_removed',
] as const

/** Second-factor events of one user (a recovery-code sign-in above all), for the user and for audit. */
export const mfaEvents = pgTable(
  'mfa_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // What the event is about, e.g. the passkey's name (0050).
    detail: text('detail'),
  },
  (t) => [
    index('mfa_events_user_idx').on(t.userId, t.at),
    check(
      'mfa_events_kind',
      sql`${t.kind} in ('totp_enrolled', 'totp_removed', 'recovery_codes_generated', 'recovery_code_used', 'passkey_registered', 'passkey_removed')`,
    ),
    check('mfa_events_detail', sql`char_length(${t.detail}) <= 200`),
  ],
)
