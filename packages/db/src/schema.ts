// The Baken schema. Row-level security, roles and grants are not expressible here (drizzle has no
// FORCE ROW LEVEL SECURITY): they live in the hand-written migration `0001_tenancy_rls.sql`.
//
// Tenancy rule: every school-owned table carries `stichting_id` and `school_id`, and a composite
// foreign key to `schools (id, stichting_id)` so a row can never claim a school of another stichting.
import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

export const ROLES = [
  'bestuurder',
  'stichtingbeheerder',
  'privacyfunctionaris',
  'directeur',
  'intern_begeleider',
  'leerkracht',
  'vertrouwenspersoon',
  'halt_medewerker',
  'politie',
  'platform_beheerder',
] as const
export type Role = (typeof ROLES)[number]

/** Roles held within a stichting as a whole (no school). */
export const STICHTING_ROLES = ['bestuurder', 'stichtingbeheerder', 'privacyfunctionaris'] as const
/** Roles held within one school. */
export const SCHOOL_ROLES = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon'] as const
/** Roles held within a partner organisation (Halt region, police unit). */
export const PARTNER_ROLES = ['halt_medewerker', 'politie'] as const

export const SECTORS = ['po', 'so', 'vo', 'mbo'] as const
export type Sector = (typeof SECTORS)[number]
export const REGIONS = ['noord', 'midden', 'zuid'] as const
export const PARTNER_KINDS = ['halt_region', 'police_unit', 'leerplicht', 'inspectie', 'other'] as const
export const STUDENT_STATUSES = ['active', 'left'] as const

export const roleEnum = pgEnum('role', ROLES)
export const sectorEnum = pgEnum('sector', SECTORS)
export const regionEnum = pgEnum('holiday_region', REGIONS)
export const partnerKindEnum = pgEnum('partner_kind', PARTNER_KINDS)
export const studentStatusEnum = pgEnum('student_status', STUDENT_STATUSES)

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

export const stichtingen = pgTable('stichtingen', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: createdAt(),
})

export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    name: text('name').notNull(),
    // BRIN: 4 characters (2 digits + 2 letters), the Dutch school registration number.
    brin: text('brin').notNull(),
    sector: sectorEnum('sector').notNull(),
    holidayRegion: regionEnum('holiday_region').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('schools_brin_key').on(t.brin),
    unique('schools_id_stichting_key').on(t.id, t.stichtingId),
    check('schools_brin_format', sql`${t.brin} ~ '^[0-9]{2}[A-Z]{2}$'`),
  ],
)

export const partnerOrganisations = pgTable('partner_organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: partnerKindEnum('kind').notNull(),
  createdAt: createdAt(),
})

/** Which schools (or, with school_id null, whole stichtingen) a partner works with. */
export const partnerLinks = pgTable(
  'partner_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    schoolId: uuid('school_id'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    unique('partner_links_unique').on(t.partnerId, t.stichtingId, t.schoolId).nullsNotDistinct(),
  ],
)

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased; the check keeps it that way.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), check('users_email_lower', sql`${t.email} = lower(${t.email})`)],
)

/**
 * A user's role in one organisation: a school (school roles), a stichting (stichting roles),
 * a partner organisation (partner roles) or the platform itself.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    stichtingId: uuid('stichting_id').references(() => stichtingen.id),
    schoolId: uuid('school_id'),
    partnerId: uuid('partner_id').references(() => partnerOrganisations.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    index('memberships_user_idx').on(t.userId),
    unique('memberships_unique').on(t.userId, t.role, t.stichtingId, t.schoolId, t.partnerId).nullsNotDistinct(),
    // The organisation must match the kind of role.
    check(
      'memberships_scope',
      sql`case
        when ${t.role} in ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon')
          then ${t.stichtingId} is not null and ${t.schoolId} is not null and ${t.partnerId} is null
        when ${t.role} in ('bestuurder','stichtingbeheerder','privacyfunctionaris')
          then ${t.stichtingId} is not null and ${t.schoolId} is null and ${t.partnerId} is null
        when ${t.role} in ('halt_medewerker','politie')
          then ${t.partnerId} is not null and ${t.stichtingId} is null and ${t.schoolId} is null
        else ${t.partnerId} is null and ${t.stichtingId} is null and ${t.schoolId} is null
      end`,
    ),
  ],
)

/** Sessions as in Lucia's guide: the id is the SHA-256 (hex) of the random token in the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The organisation the user acts for; null until chosen.
    membershipId: uuid('membership_id').references(() => memberships.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Personal API tokens: scoped to one membership, stored as SHA-256, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
)

/** Failed logins, keyed by a hash of the account or the client IP, for rate limiting. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_at_idx').on(t.key, t.at)],
)

/** Schooljaren run from 1 August to 31 July; shared reference data. */
export const schoolYears = pgTable(
  'school_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
  },
  (t) => [uniqueIndex('school_years_name_key').on(t.name), check('school_years_name_format', sql`${t.name} ~ '^[0-9]{4}-[0-9]{4}$'`)],
)

// ---- School-owned tables: each carries stichting_id and school_id. ----

const tenantColumns = () => ({
  stichtingId: uuid('stichting_id').notNull(),
  schoolId: uuid('school_id').notNull(),
})

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    schoolYearId: uuid('school_year_id')
      .notNull()
      .references(() => schoolYears.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    unique('groups_id_school_key').on(t.id, t.schoolId),
    uniqueIndex('groups_school_year_name_key').on(t.schoolId, t.schoolYearId, t.name),
  ],
)

/** Teachers (mentors, docenten) of a group. */
export const groupTeachers = pgTable(
  'group_teachers',
  {
    ...tenantColumns(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.groupId, t.schoolId], foreignColumns: [groups.id, groups.schoolId] }).onDelete('cascade'),
    index('group_teachers_user_idx').on(t.userId),
  ],
)

export const students = pgTable(
  'students',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    // Number in the student administration (ParnasSys/Magister/Somtoday); key for re-imports.
    externalId: text('external_id'),
    firstName: text('first_name').notNull(),
    infix: text('infix'),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth').notNull(),
    groupId: uuid('group_id'),
    status: studentStatusEnum('status').notNull().default('active'),
    enrolledOn: date('enrolled_on'),
    leftOn: date('left_on'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.groupId, t.schoolId], foreignColumns: [groups.id, groups.schoolId] }),
    unique('students_id_school_key').on(t.id, t.schoolId),
    uniqueIndex('students_school_external_key').on(t.schoolId, t.externalId),
    index('students_school_name_idx').on(t.schoolId, t.lastName, t.firstName),
    index('students_group_idx').on(t.groupId),
    check('students_left_on', sql`(${t.status} = 'left') = (${t.leftOn} is not null)`),
  ],
)

export const guardians = pgTable(
  'guardians',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    unique('guardians_id_school_key').on(t.id, t.schoolId),
  ],
)

export const studentGuardians = pgTable(
  'student_guardians',
  {
    ...tenantColumns(),
    studentId: uuid('student_id').notNull(),
    guardianId: uuid('guardian_id').notNull(),
    // e.g. moeder, vader, voogd, verzorger
    relation: text('relation').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.studentId, t.guardianId] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.guardianId, t.schoolId], foreignColumns: [guardians.id, guardians.schoolId] }).onDelete(
      'cascade',
    ),
    index('student_guardians_guardian_idx').on(t.guardianId),
  ],
)
