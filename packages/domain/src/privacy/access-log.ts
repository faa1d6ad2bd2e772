// The access log (ADR 008): every read of a student's dossier, an incident, a measure, a
// referral or a shared record is written here, in the same transaction as the read. The table is
// append-only for the application role and hash-chained per stichting by the sealer after commit
// (migration 0040, ADR 021): this module only inserts plain rows, taking no lock shared with other
// readers; it never updates, deletes or computes hashes itself.
//
// What is logged: opening one record (an incident's page, edit form, per-pupil view, parents' PDF;
// a pupil's page, record and dossier; measures, referrals and shares in their own areas), one row per
// record per request naming every pupil the record is about (student_ids, ADR 040): reads of the
// same record with the same action and purpose in one request's transaction are merged into one row
// before it is written (@baken/db access-log-rows.ts). The yearly overview and its export are one row
// per request naming every pupil it lists (incidents/read-overview.ts). List pages (/incidenten, /leerlingen, /api/v1/incidents, …) are not
// logged per row: they show summaries for finding a record, and logging every row of every list
// would bury the real looks; opening a record from the list is logged.
import { logAccessRows, schema, type TenantContext, type Tx, resultRows } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { incidentWhere } from '../incidents/incident-record.ts'
import { hasControlCharacters, textProblemMessage } from '../input-rules.ts'

// The privacyfunctionaris' search and CSV export (kept here so the area index needs no change).
export * from './access-log-search.ts'

export type AccessSubject = (typeof schema.ACCESS_SUBJECTS)[number]

export interface AccessEntry {
  /** 'read' unless said otherwise: 'break_glass', 'export', 'share', 'revoke', 'search', … */
  action?: string
  subjectType: AccessSubject
  subjectId?: string | null
  /** A pupil the record is about, so the data subject's export can list who looked. */
  studentId?: string | null
  /** Every pupil the record is about (with studentId, if given): the row names them all. */
  studentIds?: readonly string[]
  /** The school the record belongs to (defaults to the caller's school). */
  schoolId?: string | null
  /**
   * Whose data it is. Defaults to the caller's stichting; a partner user (police, Halt) must pass
   * the stichting of the shared record, whose chain the row joins.
   */
  stichtingId?: string | null
  /** The purpose of the look, or for break-glass the reason the user gave. */
  reason?: string | null
  breakGlass?: boolean
}

/**
 * Records that the caller looked at something. Runs as the caller (RLS allows inserting only as
 * oneself, for the organisation one acts for). Throws when there is no stichting to log against:
 * a read that cannot be logged must not happen.
 */
export async function recordAccess(tx: Tx, ctx: TenantContext, entry: AccessEntry): Promise<void> {
  await recordAccesses(tx, ctx, [entry])
}

/**
 * Records several looks at once. Entries for the same record, action and purpose become one row
 * with all their pupils, also across calls in one request's transaction (ADR 040).
 */
export async function recordAccesses(tx: Tx, ctx: TenantContext, entries: readonly AccessEntry[]): Promise<void> {
  if (entries.length === 0) return
  // The actor's name as it is now, read inside the insert (no extra round trip on every logged read).
  const userName = sql<string>`coalesce((select u.name from ${schema.users} u where u.id = ${ctx.userId}), '')`
  const rows = entries.map((e) => {
    const stichtingId = e.stichtingId ?? ctx.stichtingId
    if (!stichtingId) throw new Error(`recordAccess: no stichting for ${e.subjectType} ${e.subjectId ?? ''}`)
    return {
      // chain_key, at and xid are stamped by the trigger; seq, prev_hash and hash by the sealer later.
      chainKey: stichtingId,
      userId: ctx.userId,
      userName,
      role: ctx.role,
      stichtingId,
      schoolId: e.schoolId !== undefined ? e.schoolId : ctx.schoolId,
      partnerId: ctx.partnerId,
      action: e.action ?? 'read',
      subjectType: e.subjectType,
      subjectId: e.subjectId ?? null,
      studentIds: [...(e.studentIds ?? []), ...(e.studentId ? [e.studentId] : [])],
      reason: e.reason ?? null,
      breakGlass: e.breakGlass ?? false,
    }
  })
  await logAccessRows(tx, rows)
}

// ---- Break-glass: opening a record outside one's usual scope asks for a reason first. ----
//
// "Outside one's usual scope", concretely (the RLS and CASL walls still decide what can be opened at
// all; this decides what may be opened only with a reason):
// Both are CASL rules (`open Incident`, `open Student` in the abilities), not row visibility: RLS
// shows the directeur the confidential incident and the leerkracht the pupil either way.
// 1. A confidential incident, for anyone but the vertrouwenspersoon and the incident's own reporter.
//    In practice the directeur, the only other role RLS shows confidential incidents to. The
//    vertrouwenspersoon's own work (confidential cases) and a reporter's own report are in scope:
//    logged as ordinary reads.
// 2. A pupil's dossier (the pupil page and /api/v1/students/{id}/dossier), for a leerkracht, when
//    the pupil is not in a group the leerkracht teaches (group_teachers). The leerkracht may look any
//    pupil of the school up (to register an incident: the list and /api/v1/students/{id}, logged, no
//    reason), but the incident history of a pupil of someone else's group is break-glass.
// On the web the reason is posted first (`grantBreakGlass`, action 'break_glass', before any content
// is sent) and then holds for 15 minutes for that one record, that user and that role/organisation
// (SQL `access_log_break_glass_reason`, migration 0019). The API takes the reason with each request.

/** What a record's log rows need: what it is, whose school, and which pupils it is about. */
export interface AccessSubjectRef {
  type: AccessSubject
  id: string
  schoolId: string | null
  /** The pupils the record is about: the log row names them all, so each pupil's export lists the look. */
  studentIds: readonly string[]
}

/** Whether the caller may open the record: with the reason given, or not yet. */
export type AccessDecision =
  | { open: true; breakGlass: boolean; reason: string | null }
  | { open: false; errors: { path: string; message: string }[] }

export const BREAK_GLASS_MINUTES = 15
export const BREAK_GLASS_REASON_MIN = 5
export const BREAK_GLASS_REASON_MAX = 500

/** Whether opening this incident is break-glass for the caller (rule 1 above; CASL `open Incident`). */
export function incidentNeedsReason(ability: AppAbility, incident: { confidential: boolean; reportedById: string }): boolean {
  return !ability.can('open', record('Incident', { confidential: incident.confidential, reportedById: incident.reportedById }))
}

/** Whether opening this pupil's dossier is break-glass for the caller (rule 2 above; CASL `open Student`). */
export async function dossierNeedsReason(tx: Tx, ability: AppAbility, student: { groupId: string | null }): Promise<boolean> {
  if (ability.can('open', record('Student', { teacherIds: [] }))) return false
  if (!student.groupId) return true
  const teachers = await tx.select({ userId: schema.groupTeachers.userId }).from(schema.groupTeachers).where(eq(schema.groupTeachers.groupId, student.groupId))
  return !ability.can('open', record('Student', { teacherIds: teachers.map((t) => t.userId) }))
}

/** Validates a break-glass reason (Dutch messages, path 'reason'). */
export function parseBreakGlassReason(value: unknown): { ok: true; reason: string } | { ok: false; errors: { path: string; message: string }[] } {
  if (typeof value === 'string' && hasControlCharacters(value)) return { ok: false, errors: [{ path: 'reason', message: textProblemMessage(value) }] }
  const text = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : ''
  if (text === '') {
    return {
      ok: false,
      errors: [{ path: 'reason', message: 'Geef een reden op om dit te openen. De reden wordt vastgelegd en is zichtbaar voor de privacyfunctionaris.' }],
    }
  }
  if (text.length < BREAK_GLASS_REASON_MIN) return { ok: false, errors: [{ path: 'reason', message: `De reden is te kort: beschrijf in een paar woorden waarom je dit opent (minstens ${BREAK_GLASS_REASON_MIN} tekens).` }] }
  if (text.length > BREAK_GLASS_REASON_MAX) return { ok: false, errors: [{ path: 'reason', message: `De reden is te lang (hoogstens ${BREAK_GLASS_REASON_MAX} tekens).` }] }
  return { ok: true, reason: text }
}

/** The reason the caller gave for this record in the last 15 minutes (this role and organisation), or null. */
export async function activeBreakGlassReason(tx: Tx, subjectType: AccessSubject, subjectId: string): Promise<string | null> {
  const result = await tx.execute(sql`select access_log_break_glass_reason(${subjectType}, ${subjectId}::uuid) as reason`)
  const rows = resultRows(result) as { reason: string | null }[]
  return rows[0]?.reason ?? null
}

function rowsFor(subject: AccessSubjectRef, extra: Omit<AccessEntry, 'subjectType' | 'subjectId' | 'studentId' | 'studentIds' | 'schoolId'>): AccessEntry[] {
  return [{ subjectType: subject.type, subjectId: subject.id, studentIds: subject.studentIds, schoolId: subject.schoolId, ...extra }]
}

/** Records a break-glass: the reason, one row naming the record's pupils. */
export async function recordBreakGlass(tx: Tx, ctx: TenantContext, subject: AccessSubjectRef, reason: string): Promise<void> {
  await recordAccesses(tx, ctx, rowsFor(subject, { action: 'break_glass', breakGlass: true, reason }))
}

/**
 * Decides whether the record may be opened now. `given` is the API's reason (undefined on a web
 * page, where an earlier `grantBreakGlass` counts). When a reason is needed and given, the
 * break-glass is recorded here, in the caller's transaction, before the record is answered.
 */
export async function decideBreakGlass(
  tx: Tx,
  ctx: TenantContext,
  subject: AccessSubjectRef,
  needsReason: boolean,
  given?: string | null,
): Promise<AccessDecision> {
  const purpose = typeof given === 'string' && given.trim() !== '' ? given.trim().slice(0, BREAK_GLASS_REASON_MAX) : null
  if (!needsReason) return { open: true, breakGlass: false, reason: purpose }
  if (given === undefined) {
    const earlier = await activeBreakGlassReason(tx, subject.type, subject.id)
    return earlier === null ? { open: false, errors: [] } : { open: true, breakGlass: true, reason: earlier }
  }
  const parsed = parseBreakGlassReason(given)
  if (!parsed.ok) return { open: false, errors: parsed.errors }
  await recordBreakGlass(tx, ctx, subject, parsed.reason)
  return { open: true, breakGlass: true, reason: parsed.reason }
}

/** Records the read of a record that was opened (one row, its pupils in it), with the break-glass reason if any. */
export async function recordSubjectRead(tx: Tx, ctx: TenantContext, subject: AccessSubjectRef, decision: { breakGlass: boolean; reason: string | null }, action = 'read'): Promise<void> {
  await recordAccesses(tx, ctx, rowsFor(subject, { action, breakGlass: decision.breakGlass, reason: decision.reason }))
}

/** The facts of an incident the caller may read that break-glass and logging need; null when not readable. */
export async function incidentAccessFacts(
  tx: Tx,
  ability: AppAbility,
  id: string,
): Promise<(AccessSubjectRef & { confidential: boolean; reportedById: string }) | null> {
  if (!z.uuid().safeParse(id).success) return null
  const [row] = await tx
    .select({ id: schema.incidents.id, schoolId: schema.incidents.schoolId, confidential: schema.incidents.confidential, reportedById: schema.incidents.reportedById })
    .from(schema.incidents)
    .where(and(eq(schema.incidents.id, id), incidentWhere(ability, 'read')))
  if (!row) return null
  const persons = await tx
    .select({ studentId: schema.incidentPersons.studentId })
    .from(schema.incidentPersons)
    .where(eq(schema.incidentPersons.incidentId, id))
  return { type: 'incident', ...row, studentIds: persons.flatMap((p) => (p.studentId ? [p.studentId] : [])) }
}

/** The log subject of a loaded incident (pupils from its persons). */
export function incidentSubject(incident: { id: string; schoolId: string; persons: readonly { studentId: string | null }[] }): AccessSubjectRef {
  return { type: 'incident', id: incident.id, schoolId: incident.schoolId, studentIds: incident.persons.flatMap((p) => (p.studentId ? [p.studentId] : [])) }
}

/** The log subject of a pupil's record or dossier. */
export function studentSubject(student: { id: string; schoolId: string }): AccessSubjectRef {
  return { type: 'student', id: student.id, schoolId: student.schoolId, studentIds: [student.id] }
}
