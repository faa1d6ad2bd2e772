import { sql } from 'drizzle-orm'
import { check, foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { partnerOrganisations, roleEnum, schools, stichtingen, users } from './schema.ts'

/** How long an invitation link works (migration 0046 checks the same bound). */
export const INVITATION_LIFETIME_MS = 72 * 60 * 60 * 1000

/**
 * An invitation by e-mail (migration 0046): only the SHA-256 of its token is stored, the token
 * itself is only in the mail. Single use (accepted_at), revocable, 72 hours. It belongs to a
 * stichting (and a school when a directeur sent it) or to a partner organisation; or, without an
 * inviter, to the platform itself: the installation's invitation of its first platform_beheerder
 * (migration 0049, `pnpm admin:bootstrap`).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    /** Null only for the installation's own invitation (no organisation either). */
    invitedBy: uuid('invited_by').references(() => users.id),
    stichtingId: uuid('stichting_id').references(() => stichtingen.id),
    schoolId: uuid('school_id'),
    partnerId: uuid('partner_id').references(() => partnerOrganisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    index('invitations_stichting_idx').on(t.stichtingId, t.createdAt),
    check('invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check('invitations_expiry', sql`${t.expiresAt} > ${t.createdAt} AND ${t.expiresAt} <= ${t.createdAt} + interval '72 hours'`),
    check(
      'invitations_scope',
      sql`((${t.stichtingId} IS NULL) <> (${t.partnerId} IS NULL) OR (${t.stichtingId} IS NULL AND ${t.partnerId} IS NULL AND ${t.invitedBy} IS NULL))
        AND (${t.schoolId} IS NULL OR ${t.stichtingId} IS NOT NULL)
        AND (${t.invitedBy} IS NOT NULL OR (${t.stichtingId} IS NULL AND ${t.partnerId} IS NULL))`,
    ),
    check('invitations_accepted_by', sql`(${t.acceptedAt} IS NULL) = (${t.acceptedUserId} IS NULL)`),
  ],
)

/** The memberships an invitation offers; RLS checks each against the inviter's role (ctx_may_grant). */
export const invitationMemberships = pgTable(
  'invitation_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    stichtingId: uuid('stichting_id').references(() => stichtingen.id),
    schoolId: uuid('school_id'),
    partnerId: uuid('partner_id').references(() => partnerOrganisations.id),
  },
  (t) => [
    foreignKey({ name: 'invitation_memberships_school_stichting_fk', columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    unique('invitation_memberships_unique').on(t.invitationId, t.role, t.stichtingId, t.schoolId, t.partnerId).nullsNotDistinct(),
    check(
      'invitation_memberships_scope',
      sql`case
        when ${t.role}::text in ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon','ouder','leerling')
          then ${t.stichtingId} is not null and ${t.schoolId} is not null and ${t.partnerId} is null
        when ${t.role} in ('bestuurder','stichtingbeheerder','privacyfunctionaris')
          then ${t.stichtingId} is not null and ${t.schoolId} is null and ${t.partnerId} is null
        when ${t.role} in ('halt_medewerker','politie')
          then ${t.partnerId} is not null and ${t.stichtingId} is null and ${t.schoolId} is null
        when ${t.role} = 'platform_beheerder'
          then ${t.stichtingId} is null and ${t.schoolId} is null and ${t.partnerId} is null
        else false
      end`,
    ),
  ],
)
