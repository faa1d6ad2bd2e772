// The family's portal (migration 0058, ADR 033): which user is a guardian of which pupil (or the
// pupil's own account, from 16), the invitations that make those links, and what the school released
// to the portal. The family's transactions run as baken_family and read only these rows through open
// links; the staff's as baken_app.
import { sql } from 'drizzle-orm'
import { boolean, check, date, foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { incidents, measures, schools, stichtingen, students, users } from './schema.ts'
import { invitations } from './schema-users.ts'

export const GUARDIAN_LINK_KINDS = ['ouder', 'leerling'] as const
export type GuardianLinkKind = (typeof GUARDIAN_LINK_KINDS)[number]

/** A guardian user ↔ pupil. Ended (ended_at) at once on a custody change or when the pupil leaves. */
export const guardianLinks = pgTable(
  'guardian_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<GuardianLinkKind>().notNull(),
    /** As the roster names it (moeder, vader, voogd, verzorger), or 'zelf' for the pupil. */
    relation: text('relation').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedById: uuid('ended_by_id').references(() => users.id),
    endedReason: text('ended_reason'),
    createdById: uuid('created_by_id').references(() => users.id),
  },
  (t) => [
    foreignKey({ name: 'guardian_links_school_fk', columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ name: 'guardian_links_student_fk', columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete('cascade'),
    uniqueIndex('guardian_links_open_key').on(t.userId, t.studentId).where(sql`${t.endedAt} is null`),
    index('guardian_links_student_idx').on(t.studentId),
    check('guardian_links_kind', sql`${t.kind} in ('ouder', 'leerling')`),
    check('guardian_links_ended', sql`(${t.endedAt} is null) = (${t.endedReason} is null)`),
  ],
)

/** The pupil an invitation of a guardian is for: accept_invitation() makes the link. */
export const guardianInvitations = pgTable(
  'guardian_invitations',
  {
    invitationId: uuid('invitation_id')
      .primaryKey()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    kind: text('kind').$type<GuardianLinkKind>().notNull(),
    relation: text('relation').notNull(),
  },
  (t) => [
    foreignKey({ name: 'guardian_invitations_school_fk', columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ name: 'guardian_invitations_student_fk', columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete('cascade'),
    check('guardian_invitations_kind', sql`${t.kind} in ('ouder', 'leerling')`),
  ],
)

export const PORTAL_ITEM_KINDS = ['incident_report', 'measure_report', 'decision_letter', 'student_file'] as const
export type PortalItemKind = (typeof PORTAL_ITEM_KINDS)[number]

/** What the school released to the portal: a snapshot of the redacted per-participant form. */
export const portalItems = pgTable(
  'portal_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    schoolId: uuid('school_id').notNull(),
    studentId: uuid('student_id').notNull(),
    kind: text('kind').$type<PortalItemKind>().notNull(),
    incidentId: uuid('incident_id'),
    measureId: uuid('measure_id'),
    title: text('title').notNull(),
    /** The incident was confidential when released: among staff only the directeur and the vertrouwenspersoon see it. */
    confidential: boolean('confidential').notNull().default(false),
    body: jsonb('body').notNull(),
    releasedById: uuid('released_by_id')
      .notNull()
      .references(() => users.id),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnById: uuid('withdrawn_by_id').references(() => users.id),
    /** Why a confidential incident's report was released anyway (AVG art. 23, UAVG art. 41; migration 0060). */
    releaseReason: text('release_reason'),
  },
  (t) => [
    foreignKey({ name: 'portal_items_school_fk', columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ name: 'portal_items_student_fk', columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete('cascade'),
    foreignKey({ name: 'portal_items_incident_fk', columns: [t.incidentId, t.schoolId], foreignColumns: [incidents.id, incidents.schoolId] }).onDelete('cascade'),
    foreignKey({ name: 'portal_items_measure_fk', columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    uniqueIndex('portal_items_incident_student_key')
      .on(t.incidentId, t.studentId)
      .where(sql`${t.withdrawnAt} is null and ${t.incidentId} is not null`),
    index('portal_items_student_idx').on(t.studentId, t.releasedAt),
    check('portal_items_kind', sql`${t.kind} in ('incident_report', 'measure_report', 'decision_letter', 'student_file')`),
    check('portal_items_source', sql`(${t.kind} = 'incident_report') = (${t.incidentId} is not null)`),
    check('portal_items_measure', sql`(${t.kind} in ('measure_report', 'decision_letter')) = (${t.measureId} is not null)`),
    uniqueIndex('portal_items_measure_student_key')
      .on(t.measureId, t.kind, t.studentId)
      .where(sql`${t.withdrawnAt} is null and ${t.measureId} is not null`),
    check('portal_items_withdrawn', sql`(${t.withdrawnAt} is null) = (${t.withdrawnById} is null)`),
    check('portal_items_title', sql`length(trim(${t.title})) > 0`),
  ],
)

/** "Voor gezien" on a released decision letter or measure report (migration 0059), append-only. */
export const measureAcknowledgements = pgTable(
  'measure_acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stichtingId: uuid('stichting_id')
      .notNull()
      .references(() => stichtingen.id),
    schoolId: uuid('school_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    studentId: uuid('student_id').notNull(),
    portalItemId: uuid('portal_item_id').references(() => portalItems.id, { onDelete: 'set null' }),
    guardianName: text('guardian_name').notNull(),
    acknowledgedOn: date('acknowledged_on').notNull(),
    method: text('method').notNull(),
    reaction: text('reaction'),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'measure_acknowledgements_school_fk', columns: [t.schoolId, t.stichtingId], foreignColumns: [schools.id, schools.stichtingId] }),
    foreignKey({ name: 'measure_acknowledgements_measure_fk', columns: [t.measureId, t.schoolId], foreignColumns: [measures.id, measures.schoolId] }).onDelete('cascade'),
    foreignKey({ name: 'measure_acknowledgements_student_fk', columns: [t.studentId, t.schoolId], foreignColumns: [students.id, students.schoolId] }).onDelete('cascade'),
    index('measure_acknowledgements_measure_idx').on(t.measureId),
    check('measure_acknowledgements_method', sql`${t.method} in ('op school getekend', 'digitaal', 'per post', 'mondeling bevestigd')`),
    check('measure_acknowledgements_reaction', sql`${t.reaction} is null or length(${t.reaction}) <= 4000`),
    check('measure_acknowledgements_guardian', sql`length(trim(${t.guardianName})) > 0`),
  ],
)
