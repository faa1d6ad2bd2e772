// The Baken schema. Row-level security, roles and grants are not expressible here (drizzle has no
// FORCE ROW LEVEL SECURITY): they live in the hand-written migration `0001_tenancy_rls.sql`.
//
// Tenancy rule: every school-owned table carries `stichting_id` and `school_id`, and a composite
// foreign key to `schools (id, stichting_id)` so a row can never claim a school of another stichting.
import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
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

// ---- Incidents (issue 3): the Bijlage 1 note, IRIS-coded, with persons in roles and versions. ----

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
    index('incidents_school_year_idx').on(t.schoolId, t.schoolYear, t.occurredAt),
    index('incidents_reporter_idx').on(t.reportedById),
    check('incidents_lowering_reason', sql`${t.severity} >= ${t.suggestedSeverity} or length(trim(coalesce(${t.severityReason}, ''))) > 0`),
    check('incidents_submitted_at', sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
  ],
)

/** The multi-valued IRIS choices of an incident: voorval (types), voorwerp (objects), afhandeling (actions). */
export const incidentCodes = pgTable(
  'incident_codes',
  {
    ...tenantColumns(),
    incidentId: uuid('incident_id').notNull(),
    list: irisMultiListEnum('list').notNull(),
    code: integer('code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.list, t.code] }),
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    index('incident_codes_school_list_code_idx').on(t.schoolId, t.list, t.code),
  ],
)

export const incidentPersons = pgTable(
  'incident_persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
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
    unique('incident_versions_incident_version_key').on(t.incidentId, t.version),
  ],
)

// ---- Follow-up (issue 3, "Guidance and follow-up"): victim-care tasks and the parents' "voor gezien". ----

/** A follow-up task on an incident (seed 004 §4 victim care, or any other follow-up: kind 'overig'). */
export const incidentTasks = pgTable(
  'incident_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...tenantColumns(),
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
    index('incident_tasks_incident_idx').on(t.incidentId),
    index('incident_tasks_owner_idx').on(t.ownerId),
    // The overdue list: open tasks of a school by due date.
    index('incident_tasks_open_due_idx').on(t.schoolId, t.dueOn).where(sql`${t.doneAt} is null`),
    check('incident_tasks_title', sql`length(trim(${t.title})) > 0`),
    check('incident_tasks_done', sql`(${t.doneAt} is null) = (${t.doneById} is null)`),
  ],
)

/** How the parents confirmed they saw the report of a zeer ernstig incident (BRIEF §1). */
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
  },
  (t) => [
    foreignKey({ columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    foreignKey({ columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }),
    index('incident_acknowledgements_incident_idx').on(t.incidentId),
    check(
      'incident_acknowledgements_method',
      sql`${t.method} in ('op school getekend', 'digitaal', 'per post', 'mondeling bevestigd')`,
    ),
    check('incident_acknowledgements_guardian', sql`length(trim(${t.guardianName})) > 0`),
  ],
)

// ---- School calendar (issue 4): holidays per region and school year, and each school's own days. ----

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

// ---- Outbox (issue 4): e-mail written in the same transaction as the change, sent by a worker. ----

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const
export const outboxStatusEnum = pgEnum('outbox_status', OUTBOX_STATUSES)

export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
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
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_subject_ref_idx').on(t.stichtingId, t.subjectRef),
  ],
)

// ---- Measures (issue 4): the legal ladder as state machines, every transition recorded. ----

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
    proposedById: uuid('proposed_by_id')
      .notNull()
      .references(() => users.id),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedUnderMandate: boolean('decided_under_mandate').notNull().default(false),
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

/** Per-stichting choices the law leaves open (BRIEF §2: mandate, objection clause). */
export const stichtingSettings = pgTable('stichting_settings', {
  stichtingId: uuid('stichting_id')
    .primaryKey()
    .references(() => stichtingen.id),
  /** Directeuren may decide a schorsing themselves (mandate of the bevoegd gezag). */
  directeurMandateSchorsing: boolean('directeur_mandate_schorsing').notNull().default(false),
  /** Schorsing decisions carry an objection clause. */
  objectionClauseSchorsing: boolean('objection_clause_schorsing').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedById: uuid('updated_by_id').references(() => users.id),
})

// ---- Letters, bezwaren and the search for another school (issue 4). ----

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
