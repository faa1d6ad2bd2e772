// Single sign-on per stichting (OpenID Connect): the stichting's identity provider and the link of
// a Baken user to a provider's subject. RLS, grants and the login functions: migration 0039.
import { sql } from 'drizzle-orm'
import { boolean, check, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { stichtingen, users } from './schema.ts'

/** One OpenID Connect provider per stichting, configured by its stichtingbeheerder. */
export const ssoProviders = pgTable(
  'sso_providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    /** Shown on the login page: "Stichting Kompas (Microsoft)". */
    displayName: text('display_name').notNull(),
    /** The issuer identifier; its /.well-known/openid-configuration is read on save and at login. */
    issuer: text('issuer').notNull(),
    clientId: text('client_id').notNull(),
    /** AES-256-GCM of the client secret (auth/secret-box.ts); never sent back to a browser. */
    clientSecretEnc: text('client_secret_enc').notNull(),
    /** `acr` values that mean the provider checked a second factor (besides RFC 8176 `amr` values). */
    mfaAcrValues: text('mfa_acr_values').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    /** Staff of this stichting sign in only through the provider (no password login). */
    ssoOnly: boolean('sso_only').notNull().default(false),
    /**
     * 'claim': an address counts as verified only with `email_verified: true`; 'issuer': every
     * address the provider asserts (a single-tenant directory such as a school's Entra ID).
     */
    emailTrust: text('email_trust', { enum: ['claim', 'issuer'] }).notNull().default('claim'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('sso_providers_stichting_key').on(t.stichtingId),
    check('sso_providers_issuer_https', sql`${t.issuer} ~ '^https?://'`),
    check('sso_providers_email_trust', sql`${t.emailTrust} IN ('claim', 'issuer')`),
    check(
      'sso_providers_email_trust_single_tenant',
      sql`${t.emailTrust} = 'claim' OR (${t.issuer} !~* '^https://login\.microsoftonline\.com/(common|organizations|consumers)(/|$)' AND ${t.issuer} !~ '[{}]')`,
    ),
  ],
)

/** A Baken user linked to a provider's subject (`sub`): set at the first sign-in by verified e-mail. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => ssoProviders.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('sso_identities_subject_key').on(t.providerId, t.subject), unique('sso_identities_user_key').on(t.providerId, t.userId)],
)
