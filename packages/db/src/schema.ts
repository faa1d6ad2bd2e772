// The Baken schema. Row-level security, roles and grants are not expressible here (drizzle has no
// FORCE ROW LEVEL SECURITY): they live in the hand-written migration `0001_tenancy_rls.sql`.
//
// Tenancy rule: every school-owned table carries `stichting_id` and `school_id`, and a composite
// foreign key to `schools (id, stichting_id)` so a row can never claim a school of another stichting.
import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  customType,
  integer,
  jsonb,
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
  type AnyPgColumn,
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
  // The family (migration 0057): a pupil's guardian, and a pupil of 16 or older acting for themselves.
  'ouder',
  'leerling',
] as const
export type Role = (typeof ROLES)[number]

/** Roles held within a stichting as a whole (no school). */
export const STICHTING_ROLES = ['bestuurder', 'stichtingbeheerder', 'privacyfunctionaris'] as const
/** Roles held within one school. */
export const SCHOOL_ROLES = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon'] as const
/** Roles held within a partner organisation (Halt region, police unit). */
export const PARTNER_ROLES = ['halt_medewerker', 'politie'] as const
/**
 * The family's roles, held within one school like the school roles: they reach only the portal
 * (/ouders), and their transactions run as the database role baken_family (ADR 033).
 */
export const FAMILY_ROLES = ['ouder', 'leerling'] as const
export function isFamilyRole(role: Role | null | undefined): boolean {
  return role === 'ouder' || role === 'leerling'
}

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

export const stichtingen = pgTable(
  'stichtingen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    // KvK number (8 digits) and DUO's bevoegd gezag number (5 digits); migration 0032.
    kvkNumber: text('kvk_number'),
    bevoegdGezagNumber: text('bevoegd_gezag_number'),
    // Set while the platform has suspended the stichting: its memberships do not act.
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('stichtingen_kvk_key').on(t.kvkNumber),
    uniqueIndex('stichtingen_bevoegd_gezag_key').on(t.bevoegdGezagNumber),
    check('stichtingen_kvk_format', sql`${t.kvkNumber} ~ '^[0-9]{8}$'`),
    check('stichtingen_bevoegd_gezag_format', sql`${t.bevoegdGezagNumber} ~ '^[0-9]{5}$'`),
  ],
)

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
    // Postal address (migration 0032): street and number, postcode as '1234 AB', place.
    street: text('street'),
    postcode: text('postcode'),
    place: text('place'),
  },
  (t) => [
    uniqueIndex('schools_brin_key').on(t.brin),
    check('schools_postcode_format', sql`${t.postcode} ~ '^[1-9][0-9]{3} [A-Z]{2}$'`),
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
        when ${t.role}::text in ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon','ouder','leerling')
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
    // How the user signed in: 'password', 'passkey', 'sso' or 'email_link' (family accounts, 0069).
    method: text('method').notNull().default('password'),
    // When this session last proved a second factor (TOTP, recovery code, passkey, or an identity
    // provider's assertion); null when it has not.
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    // The provider an 'sso' session came through: a step-up is asked of it again (migration 0056).
    ssoProviderId: uuid('sso_provider_id'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    check('sessions_method', sql`${t.method} in ('password', 'passkey', 'sso', 'email_link')`),
    check('sessions_sso_provider_only_for_sso', sql`${t.ssoProviderId} IS NULL OR ${t.method} = 'sso'`),
  ],
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

// ---- Incidents: the note template of the school safety protocol's Bijlage 1, IRIS-coded, with persons in roles and versions. ----

export const INCIDENT_STATUSES = ['draft', 'submitted'] as const
export const SEVERITY_LEVELS = ['overig', 'ernstig', 'zeer_ernstig'] as const
export const PERSON_ROLES = ['dader', 'slachtoffer', 'getuige', 'melder', 'betrokkene'] as const
export const PERSON_KINDS = ['leerling', 'medewerker', 'ouder', 'externe'] as const
export const IRIS_MULTI_LISTS = ['voorval', 'voorwerp', 'afhandeling'] as const
export const POLICE_REPORT_KINDS = ['melding', 'aangifte'] as const

export const incidentStatusEnum = pgEnum('incident_status', INCIDENT_STATUSES)
export const severityEnum = pgEnum('severity', SEVERITY_LEVELS)
export const personRoleEnum = pgEnum('incident_person_role', PERSON_ROLES)
export const personKindEnum = pgEnum('incident_person_kind', PERSON_KINDS)
export const irisMultiListEnum = pgEnum('iris_multi_list', IRIS_MULTI_LISTS)
export const policeReportKindEnum = pgEnum('police_report_kind', POLICE_REPORT_KINDS)

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    status: incidentStatusEnum('status').notNull().default('draft'),
    /** Schooljaar of occurred_at (1 Aug – 31 Jul), e.g. '2026-2027', for filtering and overviews. */
    schoolYear: text('school_year').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    locationCode: integer('location_code'),
    locationNote: text('location_note'),
    situation: text('situation').notNull().default(''),
    verbalAggression: boolean('verbal_aggression').notNull().default(false),
    verbalForm: text('verbal_form'),
    verbalAgainst: text('verbal_against'),
    physicalAggression: boolean('physical_aggression').notNull().default(false),
    physicalForm: text('physical_form'),
    physicalAgainst: text('physical_against'),
    vandalism: boolean('vandalism').notNull().default(false),
    vandalismForm: text('vandalism_form'),
    vandalismAgainst: text('vandalism_against'),
    leftPremises: boolean('left_premises').notNull().default(false),
    objectThrownAtPerson: boolean('object_thrown_at_person').notNull().default(false),
    motiveCode: integer('motive_code'),
    motiveNote: text('motive_note'),
    analysis: text('analysis'),
    agreements: text('agreements'),
    parentsContacted: boolean('parents_contacted').notNull().default(false),
    parentsContactedAt: timestamp('parents_contacted_at', { withTimezone: true }),
    parentsContactedBy: text('parents_contacted_by'),
    suggestedSeverity: severityEnum('suggested_severity').notNull().default('overig'),
    severity: severityEnum('severity').notNull().default('overig'),
    /** Required when severity is below the suggestion (§1.2): why it was lowered. */
    severityReason: text('severity_reason'),
    confidential: boolean('confidential').notNull().default(false),
    policeReportKind: policeReportKindEnum('police_report_kind'),
    policeReportedOn: date('police_reported_on'),
    policeReportedBy: text('police_reported_by'),
    policeOnBehalfOfVictim: boolean('police_on_behalf_of_victim'),
    reportedById: uuid('reported_by_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    unique('incidents_id_school_key').on(t.id, t.schoolId),
    unique('incidents_visibility_key').on(t.id, t.schoolId, t.stichtingId, t.status, t.confidential, t.reportedById),
    index('incidents_school_year_idx').on(t.schoolId, t.schoolYear, t.occurredAt),
    index('incidents_reporter_idx').on(t.reportedById),
    check('incidents_lowering_reason', sql`${t.severity} >= ${t.suggestedSeverity} or length(trim(coalesce(${t.severityReason}, ''))) > 0`),
    check('incidents_submitted_at', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
  ],
)

/**
 * The incident's visibility columns, copied onto each of its parts so the parts' policies test the
 * row's own columns (migration 0042). The database fills them on insert (trigger
 * incident_part_visibility) and keeps them equal to the incident's through a composite foreign key
 * with ON UPDATE CASCADE; the application never writes them (the insert sends null, the trigger
 * replaces it).
 */
function incidentVisibilityColumns() {
  return {
    incidentStatus: incidentStatusEnum('incident_status')
      .notNull()
      .$defaultFn(() => sql`null`),
    incidentConfidential: boolean('incident_confidential')
      .notNull()
      .$defaultFn(() => sql`null`),
    incidentReportedById: uuid('incident_reported_by_id')
      .notNull()
      .$defaultFn(() => sql`null`),
  }
}

function incidentVisibilityKey(
  table: string,
  t: {
  incidentId: AnyPgColumn
  schoolId: AnyPgColumn
  stichtingId: AnyPgColumn
  incidentStatus: AnyPgColumn
  incidentConfidential: AnyPgColumn
  incidentReportedById: AnyPgColumn
  },
) {
  return foreignKey({
    name: `${table}_incident_visibility_fk`,
    columns: [t.incidentId, t.schoolId, t.stichtingId, t.incidentStatus, t.incidentConfidential, t.incidentReportedById],
    foreignColumns: [incidents.id, incidents.schoolId, incidents.stichtingId, incidents.status, incidents.confidential, incidents.reportedById],
  })
    .onUpdate('cascade')
    .onDelete('cascade')
}

/** The multi-valued IRIS choices of an incident: voorval (types), voorwerp (objects), afhandeling (actions). */
export const incidentCodes = pgTable(
  'incident_codes',
  {
    ...tenantColumns(),
    ...incidentVisibilityColumns(),
    incidentId: uuid('incident_id').notNull(),
    list: irisMultiListEnum('list').notNull(),
    code: integer('code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.list, t.code] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    incidentVisibilityKey('incident_codes', t),
  ],
)

export const incidentPersons = pgTable(
  'incident_persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    ...incidentVisibilityColumns(),
    incidentId: uuid('incident_id').notNull(),
    role: personRoleEnum('role').notNull(),
    kind: personKindEnum('kind').notNull(),
    /** Set for kind 'leerling': a pupil of this school. */
    studentId: uuid('student_id'),
    /** The pupil's group when the incident happened. */
    groupId: uuid('group_id'),
    /** Staff, parents and outsiders are recorded by description only. */
    description: text('description'),
    injury: text('injury'),
    outcome: text('outcome'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    incidentVisibilityKey('incident_persons', t),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }),
    index('incident_persons_incident_idx').on(t.incidentId),
    index('incident_persons_student_idx').on(t.studentId),
    index('incident_persons_group_idx').on(t.groupId),
    check(
      'incident_persons_kind',
      sql`(${t.kind} = 'leerling') = (${t.studentId} is not null) and (${t.kind} = 'leerling' or length(trim(coalesce(${t.description}, ''))) > 0)`,
    ),
  ],
)

/** Every change to an incident after its creation: who, when, what changed, and the full state. */
export const incidentVersions = pgTable(
  'incident_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    ...incidentVisibilityColumns(),
    incidentId: uuid('incident_id').notNull(),
    version: integer('version').notNull(),
    changedById: uuid('changed_by_id')
      .notNull()
      .references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** [{ field, from, to }] relative to the previous version; for version 1 the initial values. */
    changes: jsonb('changes').notNull(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    incidentVisibilityKey('incident_versions', t),
    unique('incident_versions_incident_version_key').on(t.incidentId, t.version),
  ],
)

// ---- Follow-up: victim-care tasks and the parents' "voor gezien". ----

/** A follow-up task on an incident (victim care under the school safety protocol §4, or any other follow-up: kind 'overig'). */
export const incidentTasks = pgTable(
  'incident_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    ...incidentVisibilityColumns(),
    incidentId: uuid('incident_id').notNull(),
    /** A VICTIM_CARE_STEPS key (packages/domain, guidance.ts) or 'overig'. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** A staff member of the school who carries the task out. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneById: uuid('done_by_id').references(() => users.id),
    note: text('note'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    incidentVisibilityKey('incident_tasks', t),
    index('incident_tasks_incident_idx').on(t.incidentId),
    index('incident_tasks_owner_idx').on(t.ownerId),
    // The overdue list: open tasks of a school by due date.
    index('incident_tasks_open_due_idx').on(t.schoolId, t.dueOn).where(sql`${t.doneAt} is null`),
    check('incident_tasks_title', sql`length(trim(${t.title})) > 0`),
    check('incident_tasks_done', sql`(${t.doneAt} is null) = (${t.doneById} is null)`),
  ],
)

/** How the parents confirmed they saw the report of a zeer ernstig incident (the school safety protocol §3.1). */
export const ACKNOWLEDGEMENT_METHODS = ['op school getekend', 'digitaal', 'per post', 'mondeling bevestigd'] as const

/**
 * The parents' "voor gezien" on the report of a zeer ernstig incident: who signed, when and how.
 * Append-only for the application (a correction is a new row).
 */
export const incidentAcknowledgements = pgTable(
  'incident_acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    ...incidentVisibilityColumns(),
    incidentId: uuid('incident_id').notNull(),
    /** The pupil whose parents received the report (each pupil's parents get their own, redacted copy). */
    studentId: uuid('student_id'),
    guardianName: text('guardian_name').notNull(),
    acknowledgedOn: date('acknowledged_on').notNull(),
    method: text('method').notNull(),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    /** A digital "voor gezien" given in the portal: the released item (migration 0058). */
    portalItemId: uuid('portal_item_id'),
    /** The guardian's reaction, for the school to read (portal only). */
    reaction: text('reaction'),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    incidentVisibilityKey('incident_acknowledgements', t),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }),
    index('incident_acknowledgements_incident_idx').on(t.incidentId),
    check(
      'incident_acknowledgements_method',
      sql`${t.method} in ('op school getekend', 'digitaal', 'per post', 'mondeling bevestigd')`,
    ),
    check('incident_acknowledgements_guardian', sql`length(trim(${t.guardianName})) > 0`),
  ],
)

// ---- School calendar: holidays per region and school year, and each school's own days. ----

export const CALENDAR_ENTRY_KINDS = ['schoolvakantie', 'feestdag', 'studiedag', 'vrije_dag'] as const
export const calendarEntryKindEnum = pgEnum('calendar_entry_kind', CALENDAR_ENTRY_KINDS)

/**
 * Days without school, kept by the stichtingbeheerder: school holidays for a region (school_id null,
 * region set) or days of one school (school_id set: study days, extra days off). National holidays
 * are computed in code (packages/domain/src/calendar) and need no rows.
 */
export const calendarEntries = pgTable(
  'calendar_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    schoolId: uuid('school_id'),
    region: regionEnum('region'),
    schoolYear: text('school_year').notNull(),
    kind: calendarEntryKindEnum('kind').notNull(),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    index('calendar_entries_lookup_idx').on(t.stichtingId, t.schoolYear),
    check('calendar_entries_range', sql`${t.endsOn} >= ${t.startsOn}`),
    check('calendar_entries_scope', sql`(${t.schoolId} is null) <> (${t.region} is null)`),
  ],
)

// ---- Outbox: e-mail written in the same transaction as the change, sent by a worker. ----

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const
export const outboxStatusEnum = pgEnum('outbox_status', OUTBOX_STATUSES)

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null only for account mail (invitation, password reset, account notice): see ACCOUNT_MAIL. */
    stichtingId: uuid('stichting_id').references(() => stichtingen.id),
    schoolId: uuid('school_id'),
    /** What the message is about (e.g. 'measure:…'), for finding it from the case. */
    subjectRef: text('subject_ref'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while a worker holds the message; a stale lock is taken over after a timeout. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    check('outbox_account_mail_only_without_stichting', sql`${t.stichtingId} IS NOT NULL OR ${t.subjectRef} ~ '^(invitation|password-reset|account-notice|sign-in-link):'`),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_subject_ref_idx').on(t.stichtingId, t.subjectRef),
  ],
)

// ---- Measures: the legal ladder as state machines, every transition recorded. ----

export const MEASURE_KINDS = ['adempauze', 'time_out', 'schorsing', 'verwijdering'] as const
export const measureKindEnum = pgEnum('measure_kind', MEASURE_KINDS)

export const measures = pgTable(
  'measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    studentId: uuid('student_id').notNull(),
    kind: measureKindEnum('kind').notNull(),
    /** The workflow state (packages/domain/src/measures/workflows.ts). */
    state: text('state').notNull(),
    /** Snapshots taken when the measure is proposed: the law that applies to it. */
    sector: sectorEnum('sector').notNull(),
    ruleSetId: text('rule_set_id').notNull(),
    reasons: text('reasons').notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    schoolDays: integer('school_days'),
    /** Required when the measure skips a rung of the ladder. */
    skipJustification: text('skip_justification'),
    /** A schorsing pending a verwijdering of the same pupil (schorsing hangende verwijdering). */
    pendingRemovalId: uuid('pending_removal_id'),
    proposedById: uuid('proposed_by_id')
      .notNull()
      .references(() => users.id),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedUnderMandate: boolean('decided_under_mandate').notNull().default(false),
    /** The version of the school's mandate the directeur decided under (Awb art. 10:1), when she did. */
    decidedUnderMandateId: uuid('decided_under_mandate_id').references(() => schoolMandates.id),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }),
    unique('measures_id_school_key').on(t.id, t.schoolId),
    index('measures_school_kind_state_idx').on(t.schoolId, t.kind, t.state),
    index('measures_student_idx').on(t.studentId),
    index('measures_stichting_kind_idx').on(t.stichtingId, t.kind),
    check('measures_dates', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    foreignKey({ columns: [t.pendingRemovalId, t.schoolId], foreignColumns: [t.id, t.schoolId] }),
    check('measures_pending_removal_kind', sql`${t.pendingRemovalId} is null or ${t.kind} = 'schorsing'`),
  ],
)

/** The incidents a measure follows from. */
export const measureIncidents = pgTable(
  'measure_incidents',
  {
    ...tenantColumns(),
    measureId: uuid('measure_id').notNull(),
    incidentId: uuid('incident_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.incidentId] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }),
    index('measure_incidents_incident_idx').on(t.incidentId),
  ],
)

/** Every transition: who, when, why (append-only). */
export const measureTransitions = pgTable(
  'measure_transitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    measureId: uuid('measure_id').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    byId: uuid('by_id')
      .notNull()
      .references(() => users.id),
    /** The actor's name when the step was taken (set by a trigger from users; migration 0063). */
    byName: text('by_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason'),
    data: jsonb('data'),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    index('measure_transitions_measure_idx').on(t.measureId, t.at),
  ],
)

/** Tasks the rules create: Inspectie notice (manual, via ISD), leerplicht copy, homework, test access. */
export const measureTasks = pgTable(
  'measure_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    measureId: uuid('measure_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** A ready-to-submit text (e.g. the Inspectie summary). */
    summary: text('summary'),
    dueOn: date('due_on').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneById: uuid('done_by_id').references(() => users.id),
    /** E.g. the reference the Inspectie portal gave the manual submission. */
    reference: text('reference'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    index('measure_tasks_measure_idx').on(t.measureId),
    index('measure_tasks_open_idx').on(t.schoolId, t.dueOn),
  ],
)

/**
 * The bevoegd gezag's mandate to a school's directeur to decide schorsingen (Awb art. 10:1–10:3),
 * append-only: every grant and every withdrawal is a new version, by mandaatbesluit. The school's
 * mandate is its latest version; a withdrawal ('ingetrokken') ends it. No row: the board decides.
 */
export const MANDATE_ACTIONS = ['verleend', 'ingetrokken'] as const
export const schoolMandates = pgTable(
  'school_mandates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    /** 1, 2, … per school. */
    version: integer('version').notNull(),
    action: text('action', { enum: MANDATE_ACTIONS }).notNull(),
    /** The longest schorsing the directeur may decide, in school days (1 up to the sector maximum). */
    maxSchoolDays: integer('max_school_days'),
    /** The directeur decides under the mandate from this day on. */
    startsOn: date('starts_on'),
    /** The date of the mandaatbesluit (or of the decision to withdraw it). */
    besluitOn: date('besluit_on').notNull(),
    /** Who recorded it; null only for mandates taken over from the earlier yes/no setting (0029). */
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    unique('school_mandates_version_key').on(t.schoolId, t.version),
    check('school_mandates_action', sql`${t.action} in ('verleend', 'ingetrokken')`),
    check(
      'school_mandates_grant',
      sql`(${t.action} = 'verleend') = (${t.maxSchoolDays} is not null and ${t.startsOn} is not null) and (${t.maxSchoolDays} is null or ${t.maxSchoolDays} between 1 and 10)`,
    ),
  ],
)

/** Per-stichting choices the law leaves open: the objection clause, the vo age for decisions. */
export const stichtingSettings = pgTable('stichting_settings', {
  stichtingId: uuid('stichting_id')
    .primaryKey()
    .references(() => stichtingen.id),
  /** Schorsing decisions carry an objection clause. */
  objectionClauseSchorsing: boolean('objection_clause_schorsing').notNull().default(true),
  /**
   * vo: the parents also receive a decision (schorsing, verwijdering) until the pupil reaches this age
   * (18–21); null follows the rule set (21, Inrichtingsbesluit WVO art. 13 as schools quote it).
   */
  voDecisionAdultAge: integer('vo_decision_adult_age'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedById: uuid('updated_by_id').references(() => users.id),
}, (t) => [check('stichting_settings_vo_decision_adult_age', sql`${t.voDecisionAdultAge} is null or ${t.voDecisionAdultAge} between 18 and 21`)])

// ---- Letters, bezwaren and the search for another school. ----

export const LETTER_KINDS = ['time_out_kennisgeving', 'schorsing', 'verwijdering', 'bezwaar_beslissing'] as const
export const letterKindEnum = pgEnum('letter_kind', LETTER_KINDS)

/** A stichting's letter templates, versioned: a new version is a new row; letters name the version used. */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    kind: letterKindEnum('kind').notNull(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [unique('letter_templates_version_key').on(t.stichtingId, t.kind, t.version)],
)

/** Decision letters made for a measure (PDF), each a version of its own. */
export const measureLetters = pgTable(
  'measure_letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    measureId: uuid('measure_id').notNull(),
    kind: letterKindEnum('kind').notNull(),
    version: integer('version').notNull(),
    templateId: uuid('template_id').references(() => letterTemplates.id),
    /** The letter as sent: PDF bytes, base64. */
    pdfBase64: text('pdf_base64').notNull(),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    unique('measure_letters_version_key').on(t.measureId, t.kind, t.version),
  ],
)

export const BEZWAAR_STATES = ['received', 'hearing_held', 'decided'] as const

/** An objection to a decision (Awb): received → hearing → decision, with the computed deadlines. */
export const bezwaren = pgTable(
  'bezwaren',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    measureId: uuid('measure_id').notNull(),
    receivedOn: date('received_on').notNull(),
    state: text('state').notNull().default('received'),
    /** A case before the disputes committee (WPO 43) suspends the term. */
    committeeFrom: date('committee_from'),
    committeeUntil: date('committee_until'),
    hearingOn: date('hearing_on'),
    decisionDueOn: date('decision_due_on').notNull(),
    decidedOn: date('decided_on'),
    outcome: text('outcome'),
    /** The reasons of the decision on the bezwaar (Awb art. 7:12). */
    reasons: text('reasons'),
    decidedById: uuid('decided_by_id').references(() => users.id),
    /** Received after the six-week term (Awb art. 6:11: excusable lateness needs a reason). */
    late: boolean('late').notNull().default(false),
    lateReason: text('late_reason'),
    /** An advisory committee (Awb art. 7:13) handles the objection: against a schorsing 12 weeks, not 6 (Awb 7:10 lid 1). */
    advisoryCommittee: boolean('advisory_committee').notNull().default(false),
    /** The day the indiener was told the decision is postponed, once, by at most 6 weeks (Awb art. 7:10 lid 3). */
    postponedOn: date('postponed_on'),
    /** 'school': recorded by staff; 'portaal': filed by a guardian on a released decision letter (migration 0059). */
    receivedVia: text('received_via').$type<'school' | 'portaal'>().notNull().default('school'),
    /** The grounds of the objection as the indiener wrote them (Awb art. 6:5 lid 1 sub d), when filed in the portal. */
    grounds: text('grounds'),
    /** The released decision letter a portal bezwaar was filed on. */
    portalItemId: uuid('portal_item_id'),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    index('bezwaren_due_idx').on(t.stichtingId, t.decisionDueOn),
  ],
)

/** Each attempt to find another school during a verwijdering, with its date and result. */
export const removalSearchAttempts = pgTable(
  'removal_search_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    measureId: uuid('measure_id').notNull(),
    contactedOn: date('contacted_on').notNull(),
    schoolName: text('school_name').notNull(),
    result: text('result').notNull(),
    note: text('note'),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    index('removal_search_attempts_measure_idx').on(t.measureId, t.contactedOn),
  ],
)

/**
 * Hearings before a verwijdering (per sector: the parents, and in vo/mbo the pupil; the teachers
 * concerned; in vo the Inspectie is consulted): who was heard, when, and the summary.
 */
export const removalHearings = pgTable(
  'removal_hearings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    measureId: uuid('measure_id').notNull(),
    /** A key of the sector's hearing rule: 'ouders', 'leerling', 'leraren', 'inspectie_overleg'. */
    party: text('party').notNull(),
    heardOn: date('heard_on').notNull(),
    summary: text('summary').notNull(),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    index('removal_hearings_measure_idx').on(t.measureId, t.heardOn),
  ],
)

// ---- Purpose-bound sharing (Wpg art. 20; AVG art. 5 lid 1 b–c): agreements, disclosures, what was shared. ----

/** Purposes a disclosure may serve (the four of Wpg art. 20 lid 1, then Halt, leerplicht, Inspectie); an agreement lists the ones it covers. */
export const SHARE_PURPOSES = [
  'strafbare_feiten',
  'openbare_orde',
  'hulpverlening',
  'toezicht_naleving',
  'halt_spreekuur',
  'leerplicht',
  'inspectie',
] as const
export type SharePurpose = (typeof SHARE_PURPOSES)[number]
export const sharePurposeEnum = pgEnum('share_purpose', SHARE_PURPOSES)

/**
 * Fields of an incident that can be disclosed, from least to most. A share names the ones chosen
 * (default: the least); an agreement names the categories it allows.
 */
export const SHARE_FIELDS = [
  'datum',
  'type',
  'locatie',
  'naam_dader',
  'naam_slachtoffer',
  'naam_getuige',
  'geboortedatum',
  'groep',
  'omschrijving',
  'letsel',
  'voorwerpen',
  'afhandeling',
  'maatregelen',
] as const
export type ShareField = (typeof SHARE_FIELDS)[number]

export const AGREEMENT_STATUSES = ['concept', 'goedgekeurd', 'beeindigd'] as const
export const SHARE_ORIGINS = ['handmatig', 'melding', 'aangifte', 'halt_verwijzing'] as const

/**
 * A sharing agreement (convenant / afsprakenformulier) between a school, or a whole stichting
 * (school_id null), and a partner organisation, with the fields Wpg art. 20(2) requires.
 * Approved by the bevoegd gezag; readable by both sides.
 */
export const sharingAgreements = pgTable(
  'sharing_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    schoolId: uuid('school_id'),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    title: text('title').notNull(),
    /** Wpg 20(2): the compelling public interest the sharing serves. */
    publicInterest: text('public_interest').notNull(),
    /** Wpg 20(2): the partnership and its purpose. */
    partnership: text('partnership').notNull(),
    purposes: sharePurposeEnum('purposes').array().notNull(),
    /** Which data (SHARE_FIELDS keys) may be shared under it. */
    dataCategories: text('data_categories').array().notNull(),
    conditions: text('conditions').notNull(),
    /** Who at the partner receives the data (functions or names). */
    recipients: text('recipients').notNull(),
    legalBasis: text('legal_basis').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    /** How long the recipient may keep what it receives, in days. */
    retentionDays: integer('retention_days').notNull(),
    status: text('status').notNull().default('concept'),
    approvedById: uuid('approved_by_id').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    index('sharing_agreements_partner_idx').on(t.partnerId),
    index('sharing_agreements_stichting_idx').on(t.stichtingId),
    check('sharing_agreements_status', sql`${t.status} in ('concept', 'goedgekeurd', 'beeindigd')`),
    check('sharing_agreements_validity', sql`${t.validUntil} >= ${t.validFrom}`),
    check('sharing_agreements_approved', sql`(${t.status} = 'concept') = (${t.approvedAt} is null)`),
    check('sharing_agreements_retention', sql`${t.retentionDays} > 0`),
  ],
)

/** One disclosure: to whom, why, on what basis, which incidents and fields, until when. */
export const shares = pgTable(
  'shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => sharingAgreements.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    /** Named persons at the partner; empty means everyone of the partner with the role. */
    recipientUserIds: uuid('recipient_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    purpose: sharePurposeEnum('purpose').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** The minimised selection (SHARE_FIELDS keys). */
    fields: text('fields').array().notNull(),
    origin: text('origin').notNull().default('handmatig'),
    note: text('note'),
    approvedById: uuid('approved_by_id')
      .notNull()
      .references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedById: uuid('revoked_by_id').references(() => users.id),
    revokeReason: text('revoke_reason'),
    /**
     * The items name only the share's subjects, every other pupil as "leerling A", … (ADR 013). False
     * for shares made under the earlier rule until the 0027 data step has rewritten them; partners
     * see no share while it is false (migration 0027).
     */
    subjectsOnly: boolean('subjects_only').notNull().default(true),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    unique('shares_id_school_key').on(t.id, t.schoolId),
    index('shares_partner_idx').on(t.partnerId, t.expiresAt),
    index('shares_school_idx').on(t.schoolId, t.createdAt),
    check('shares_origin', sql`${t.origin} in ('handmatig', 'melding', 'aangifte', 'halt_verwijzing')`),
    check('shares_fields', sql`cardinality(${t.fields}) > 0`),
    check('shares_revoked', sql`(${t.revokedAt} is null) = (${t.revokedById} is null)`),
  ],
)

/**
 * What was disclosed of one incident in a share: the minimised payload (only the share's fields),
 * taken when the share was made. Recipients read this, never the incident itself.
 */
export const shareItems = pgTable(
  'share_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    shareId: uuid('share_id').notNull(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    incidentId: uuid('incident_id').notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.shareId, t.schoolId], foreignColumns: [shares.id, shares.schoolId] }).onDelete('cascade'),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }),
    unique('share_items_share_incident_key').on(t.shareId, t.incidentId),
    index('share_items_incident_idx').on(t.incidentId),
  ],
)

/** The students a share concerns (the data subjects), for their export and the purge. */
export const shareStudents = pgTable(
  'share_students',
  {
    ...tenantColumns(),
    shareId: uuid('share_id').notNull(),
    studentId: uuid('student_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shareId, t.studentId] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.shareId, t.schoolId], foreignColumns: [shares.id, shares.schoolId] }).onDelete('cascade'),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete('cascade'),
    index('share_students_student_idx').on(t.studentId),
  ],
)

// ---- The access log (ADR 008): append-only, hash-chained per organisation. ----

/** A transaction id (Postgres xid8), read and written as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' })

export const ACCESS_SUBJECTS = ['student', 'incident', 'measure', 'referral', 'share', 'export', 'access_log', 'report_case', 'overview'] as const

/**
 * Every read of personal data: who, acting for which organisation, what, when and why. The
 * application may insert, never update or delete (migration 0018); the sealer (migration 0040, ADR
 * 021) chains each committed row to the previous one of the same organisation (chain_key) by SHA-256
 * so an edit is detectable.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The chain the row belongs to: the stichting whose data was looked at. */
    chainKey: uuid('chain_key').notNull(),
    /** Position in the chain (1, 2, …), set by the sealer; null until the row is sealed. */
    seq: bigint('seq', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    role: roleEnum('role').notNull(),
    /** Whose data was looked at: the stichting (the chain is the stichting's; its FG reviews it). */
    stichtingId: uuid('stichting_id').notNull(),
    schoolId: uuid('school_id'),
    /** Set when the actor acts for a partner (police, Halt). */
    partnerId: uuid('partner_id'),
    /** 'read', 'break_glass', 'export', 'share', 'revoke', 'search' … */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    /**
     * The one pupil of a row written before migration 0067 (ADR 040); null on every later row,
     * which names its pupils in studentIds.
     */
    studentId: uuid('student_id'),
    /**
     * Every pupil the record read concerns, sorted, each once (migration 0067; the stamp trigger
     * fills it, so it is never null on a row written since). Null only on the older rows: their
     * canonical text is the first form, without it (ADR 040).
     */
    studentIds: uuid('student_ids').array(),
    /** The purpose or, for break-glass, the reason given. */
    reason: text('reason'),
    breakGlass: boolean('break_glass').notNull().default(false),
    /** Set by the sealer with seq (migration 0040); null until the row is sealed. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** The inserting transaction's id (xid8, as text here): the sealer chains rows in (xid, id) order. */
    xid: xid8('xid'),
    sealedAt: timestamp('sealed_at', { withTimezone: true }),
  },
  (t) => [
    unique('access_log_chain_seq_key').on(t.chainKey, t.seq),
    index('access_log_stichting_at_idx').on(t.stichtingId, t.at),
    // A row's pupils, old or new form (migration 0067, which dropped the btree on student_id alone):
    // search with accessLogConcerns().
    index('access_log_students_idx').using('gin', sql`coalesce(${t.studentIds}, array[${t.studentId}])`),
    index('access_log_subject_idx').on(t.subjectType, t.subjectId),
    // The FG's break-glass review (migration 0019).
    index('access_log_break_glass_idx').on(t.stichtingId, t.at).where(sql`break_glass`),
  ],
)

/** The head of each organisation's chain: the sealer locks it, so rows chain one after another. */
export const accessLogHeads = pgTable('access_log_heads', {
  chainKey: uuid('chain_key').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
})

// ---- Data-subject rights and retention (AVG art. 12–21; storage limitation, AVG art. 5 lid 1 e). ----

export const SUBJECT_REQUEST_KINDS = ['inzage', 'rectificatie', 'beperking', 'bezwaar'] as const
export const SUBJECT_REQUEST_STATUSES = ['open', 'afgehandeld', 'afgewezen'] as const

/** A request under the AVG about one student, with its one-month deadline (art. 12(3)). */
export const subjectRequests = pgTable(
  'subject_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    studentId: uuid('student_id').notNull(),
    kind: text('kind').notNull(),
    /** Who exercises the right: the parents under 16, the student from 16. */
    requestedBy: text('requested_by').notNull(),
    requesterName: text('requester_name').notNull(),
    receivedOn: date('received_on').notNull(),
    dueOn: date('due_on').notNull(),
    /** What was asked (e.g. which data is wrong). */
    details: text('details').notNull(),
    status: text('status').notNull().default('open'),
    outcome: text('outcome'),
    handledById: uuid('handled_by_id').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete('cascade'),
    index('subject_requests_due_idx').on(t.stichtingId, t.status, t.dueOn),
    check('subject_requests_kind', sql`${t.kind} in ('inzage', 'rectificatie', 'beperking', 'bezwaar')`),
    check('subject_requests_by', sql`${t.requestedBy} in ('ouders', 'leerling')`),
    check('subject_requests_status', sql`${t.status} in ('open', 'afgehandeld', 'afgewezen')`),
    check('subject_requests_closed', sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
  ],
)

export const RETENTION_CATEGORIES = ['leerlingdossier', 'administratie', 'gedeelde_gegevens', 'toegangslog'] as const

/** How long each category is kept, per stichting (guideline: dossier 24 months after leaving; administration 60). */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    category: text('category').notNull(),
    months: integer('months').notNull(),
    updatedById: uuid('updated_by_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.stichtingId, t.category] }),
    check('retention_settings_category', sql`${t.category} in ('leerlingdossier', 'administratie', 'gedeelde_gegevens', 'toegangslog')`),
    check('retention_settings_months', sql`${t.months} between 1 and 1200`),
  ],
)

/** A legal hold on a student's data: the purge leaves it alone until lifted. */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    studentId: uuid('student_id').notNull(),
    reason: text('reason').notNull(),
    setById: uuid('set_by_id')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
    liftedById: uuid('lifted_by_id').references(() => users.id),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete('cascade'),
    index('legal_holds_student_idx').on(t.studentId),
  ],
)

/** Each purge (and dry run): who, when, and the report of what was (or would be) deleted or anonymised. */
export const purgeRuns = pgTable(
  'purge_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    dryRun: boolean('dry_run').notNull(),
    ranById: uuid('ran_by_id').references(() => users.id),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
    /** The reference date the run computed against (normally today). */
    asOf: date('as_of').notNull(),
    report: jsonb('report').notNull(),
  },
  (t) => [index('purge_runs_stichting_idx').on(t.stichtingId, t.ranAt)],
)

// ---- Reporting duties as guided workflows (the zeden route of WPO art. 4a; the Wet verplichte meldcode). ----

export const REPORT_CASE_KINDS = ['zedendelict_medewerker', 'meldcode'] as const

/**
 * A reporting-duty case: a sexual offence by a staff member against a minor (visible only to the
 * bestuurder and the vertrouwenspersoon, and the reporter for their own report), or the Meldcode
 * huiselijk geweld en kindermishandeling (the directeur, the IB and the vertrouwenspersoon).
 */
export const reportCases = pgTable(
  'report_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    kind: text('kind').notNull(),
    /** The workflow step reached (domain: reporting/workflows). */
    state: text('state').notNull(),
    studentId: uuid('student_id'),
    incidentId: uuid('incident_id'),
    summary: text('summary').notNull(),
    /** Meldcode step 5 or the zeden route's end: what was decided. */
    decision: text('decision'),
    openedById: uuid('opened_by_id')
      .notNull()
      .references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }),
    unique('report_cases_id_school_key').on(t.id, t.schoolId),
    index('report_cases_school_idx').on(t.schoolId, t.kind, t.state),
    check('report_cases_kind', sql`${t.kind} in ('zedendelict_medewerker', 'meldcode')`),
  ],
)

/** Each recorded step of a reporting-duty case (append-only): who, when, what. */
export const reportCaseSteps = pgTable(
  'report_case_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    caseId: uuid('case_id').notNull(),
    step: text('step').notNull(),
    byId: uuid('by_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note').notNull(),
    data: jsonb('data'),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.caseId, t.schoolId], foreignColumns: [reportCases.id, reportCases.schoolId] }).onDelete('cascade'),
    index('report_case_steps_case_idx').on(t.caseId, t.at),
  ],
)

// ---- Halt spreekuur (Halt's spreekuur leaflet): referrals from mbo schools, Halt's workspace, the report back. ----

/** The incident kinds of Halt's spreekuur leaflet a referral may be for. */
export const HALT_INCIDENT_TYPES = [
  'fysieke_agressie',
  'verbale_agressie',
  'bedreiging',
  'vernieling_gooien',
  'schelden',
  'te_laat_verzuim',
  'digitaal_grensoverschrijdend',
] as const
export const HALT_REFERRAL_STATUSES = ['aangemeld', 'geaccepteerd', 'afgewezen', 'intake_gepland', 'lopend', 'afgesloten'] as const
export const HALT_OUTCOMES = ['afgerond', 'voortijdig_gestopt', 'niet_verschenen'] as const
/** The intervention components of Halt's spreekuur leaflet. */
export const HALT_COMPONENTS = [
  'reflectie',
  'excuses_herstel',
  'ouders_docenten',
  'sociale_vaardigheden',
  'opdrachten',
  'netwerk_jim',
] as const
/** Restorative steps of the examples in Halt's spreekuur leaflet. */
export const HALT_RESTORATIVE_KINDS = ['gesprek_slachtoffer', 'herstel_tussen_groepen', 'klassenbijeenkomst', 'doorverwijzing_hulpverlening'] as const
/** Fields of the closing report the school and Halt agree on at referral. */
export const HALT_REPORT_FIELDS = ['uitkomst', 'onderdelen', 'herstel', 'afspraken', 'advies_school', 'doorverwijzing'] as const

/**
 * A referral of a student to the Halt spreekuur: made by the school (school columns), handled by
 * Halt (status and outcome columns). The facts Halt receives are the linked share's items.
 */
export const haltReferrals = pgTable(
  'halt_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    studentId: uuid('student_id').notNull(),
    /** The purpose-bound share (purpose 'halt_spreekuur') carrying the facts Halt receives. */
    shareId: uuid('share_id').notNull(),
    reason: text('reason').notNull(),
    incidentTypes: text('incident_types').array().notNull(),
    schoolActions: text('school_actions').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    studentConsentOn: date('student_consent_on').notNull(),
    /** Required when the student is under 16 on the day of referral. */
    parentConsentOn: date('parent_consent_on'),
    reportFields: text('report_fields').array().notNull(),
    status: text('status').notNull().default('aangemeld'),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    intakeAt: timestamp('intake_at', { withTimezone: true }),
    outcome: text('outcome'),
    outcomeReason: text('outcome_reason'),
    /** The closing report: only the agreed fields (report_fields). */
    closingReport: jsonb('closing_report'),
    closedById: uuid('closed_by_id').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }),
    foreignKey({ columns: [t.shareId, t.schoolId], foreignColumns: [shares.id, shares.schoolId] }),
    unique('halt_referrals_id_partner_key').on(t.id, t.partnerId),
    index('halt_referrals_partner_idx').on(t.partnerId, t.status),
    index('halt_referrals_school_idx').on(t.schoolId, t.createdAt),
    check(
      'halt_referrals_status',
      sql`${t.status} in ('aangemeld', 'geaccepteerd', 'afgewezen', 'intake_gepland', 'lopend', 'afgesloten')`,
    ),
    check('halt_referrals_outcome', sql`${t.outcome} is null or ${t.outcome} in ('afgerond', 'voortijdig_gestopt', 'niet_verschenen')`),
    check('halt_referrals_closed', sql`(${t.status} = 'afgesloten') = (${t.closedAt} is not null)`),
    check('halt_referrals_types', sql`cardinality(${t.incidentTypes}) > 0`),
  ],
)

/** Halt-only columns shared by Halt's workspace tables: the partner owns the row. */
const haltColumns = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  partnerId: uuid('partner_id').notNull(),
  referralId: uuid('referral_id').notNull(),
})

/** Weekly spreekuur slots of a Halt region at a school location. */
export const haltSlots = pgTable(
  'halt_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    stichtingId: uuid('stichting_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    location: text('location').notNull(),
    /** ISO weekday 1 (Monday) … 7. */
    weekday: integer('weekday').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    index('halt_slots_partner_idx').on(t.partnerId, t.schoolId),
    check('halt_slots_weekday', sql`${t.weekday} between 1 and 7`),
    check('halt_slots_times', sql`${t.startsAt} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.endsAt} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.endsAt} > ${t.startsAt}`),
  ],
)

/** Appointments of a referral (intake, spreekuur, victim conversation, class meeting) and attendance. */
export const haltAppointments = pgTable(
  'halt_appointments',
  {
    ...haltColumns(),
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    slotId: uuid('slot_id').references(() => haltSlots.id),
    attendance: text('attendance').notNull().default('gepland'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.referralId, t.partnerId], foreignColumns: [haltReferrals.id, haltReferrals.partnerId] }).onDelete('cascade'),
    index('halt_appointments_referral_idx').on(t.referralId, t.startsAt),
    check('halt_appointments_kind', sql`${t.kind} in ('intake', 'spreekuur', 'gesprek_slachtoffer', 'klassenbijeenkomst')`),
    check(
      'halt_appointments_attendance',
      sql`${t.attendance} in ('gepland', 'aanwezig', 'afwezig_met_bericht', 'afwezig_zonder_bericht')`,
    ),
  ],
)

/** The trajectory's components as a checklist, with Halt's notes per component. */
export const haltComponents = pgTable(
  'halt_components',
  {
    ...haltColumns(),
    component: text('component').notNull(),
    done: boolean('done').notNull().default(false),
    note: text('note'),
    updatedById: uuid('updated_by_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.referralId, t.partnerId], foreignColumns: [haltReferrals.id, haltReferrals.partnerId] }).onDelete('cascade'),
    unique('halt_components_referral_component_key').on(t.referralId, t.component),
    check(
      'halt_components_component',
      sql`${t.component} in ('reflectie', 'excuses_herstel', 'ouders_docenten', 'sociale_vaardigheden', 'opdrachten', 'netwerk_jim')`,
    ),
  ],
)

/** A JIM (Jouw Ingebrachte Mentor) from the student's own network. */
export const haltJims = pgTable(
  'halt_jims',
  {
    ...haltColumns(),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    contact: text('contact').notNull(),
    agreements: text('agreements').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.referralId, t.partnerId], foreignColumns: [haltReferrals.id, haltReferrals.partnerId] }).onDelete('cascade'),
  ],
)

/** Restorative steps: a conversation with the victim, between groups, class meetings, a referral to care. */
export const haltRestorativeSteps = pgTable(
  'halt_restorative_steps',
  {
    ...haltColumns(),
    kind: text('kind').notNull(),
    on: date('on').notNull(),
    note: text('note'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.referralId, t.partnerId], foreignColumns: [haltReferrals.id, haltReferrals.partnerId] }).onDelete('cascade'),
    check(
      'halt_restorative_steps_kind',
      sql`${t.kind} in ('gesprek_slachtoffer', 'herstel_tussen_groepen', 'klassenbijeenkomst', 'doorverwijzing_hulpverlening')`,
    ),
  ],
)

/** Halt's own session notes: never visible to the school, the board or the police. */
export const haltNotes = pgTable(
  'halt_notes',
  {
    ...haltColumns(),
    body: text('body').notNull(),
    byId: uuid('by_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.referralId, t.partnerId], foreignColumns: [haltReferrals.id, haltReferrals.partnerId] }).onDelete('cascade'),
    index('halt_notes_referral_idx').on(t.referralId, t.at),
  ],
)
