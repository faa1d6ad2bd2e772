// Reading one incident in full, and the snapshot that versions store.
import { schema, type Tx } from '@baken/db'
import { accessibleWhere, type Action, type AppAbility, type RelationCondition } from '@baken/permissions'
import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { displayName, studentNameColumns } from '../students.ts'
import { irisLabel, type IrisList } from './iris.ts'

/** CASL condition fields for Incident → columns or relations (see packages/permissions). */
export const incidentColumns: Record<string, Parameters<typeof accessibleWhere>[3][string]> = {
  id: schema.incidents.id,
  schoolId: schema.incidents.schoolId,
  stichtingId: schema.incidents.stichtingId,
  reportedById: schema.incidents.reportedById,
  confidential: schema.incidents.confidential,
  status: schema.incidents.status,
  // "An incident involving a pupil of a group this user teaches." Written as IN (a semi-join the
  // planner starts from the teacher's groups) rather than a correlated EXISTS per incident row: the
  // benchmark (docs/benchmark.md) measured the EXISTS form at seconds per list at 1M incidents.
  involvesGroupTaughtBy: ((userIds) => sql`${schema.incidents.id} in (
      select p.incident_id from ${schema.incidentPersons} p
      join ${schema.groupTeachers} gt on gt.group_id = p.group_id
      where gt.user_id in (${sql.join(userIds.map((u) => sql`${u}`), sql`, `)}))`) satisfies RelationCondition,
}

export function incidentWhere(ability: AppAbility, action: Action) {
  return accessibleWhere(ability, action, 'Incident', incidentColumns)
}

export type IncidentRow = typeof schema.incidents.$inferSelect

export interface IncidentPerson {
  id: string
  role: (typeof schema.PERSON_ROLES)[number]
  kind: (typeof schema.PERSON_KINDS)[number]
  studentId: string | null
  studentName: string | null
  groupId: string | null
  groupName: string | null
  description: string | null
  injury: string | null
  outcome: string | null
}

export interface CodedChoice {
  code: number
  label: string
}

export interface IncidentDetail extends Omit<IncidentRow, 'locationCode' | 'motiveCode'> {
  location: CodedChoice | null
  locationCode: number | null
  motive: CodedChoice | null
  motiveCode: number | null
  voorval: CodedChoice[]
  voorwerp: CodedChoice[]
  afhandeling: CodedChoice[]
  persons: IncidentPerson[]
  reportedByName: string | null
}

function coded(list: IrisList, code: number | null): CodedChoice | null {
  return code === null ? null : { code, label: irisLabel(list, code) ?? `code ${code}` }
}

/** Loads an incident the caller may perform `action` on; null otherwise (answered as 404). */
export async function loadIncident(tx: Tx, ability: AppAbility, id: string, action: Action = 'read'): Promise<IncidentDetail | null> {
  if (!z.uuid().safeParse(id).success) return null
  const [row] = await tx
    .select()
    .from(schema.incidents)
    .where(and(eq(schema.incidents.id, id), incidentWhere(ability, action)))
  if (!row) return null
  const [codes, persons, [reporter]] = await Promise.all([
    tx.select().from(schema.incidentCodes).where(eq(schema.incidentCodes.incidentId, id)),
    tx
      .select({
        person: schema.incidentPersons,
        ...studentNameColumns,
        groupName: schema.groups.name,
      })
      .from(schema.incidentPersons)
      .leftJoin(schema.students, eq(schema.students.id, schema.incidentPersons.studentId))
      .leftJoin(schema.groups, eq(schema.groups.id, schema.incidentPersons.groupId))
      .where(eq(schema.incidentPersons.incidentId, id))
      .orderBy(asc(schema.incidentPersons.position)),
    tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, row.reportedById)),
  ])
  const byList = (list: 'voorval' | 'voorwerp' | 'afhandeling') =>
    codes
      .filter((c) => c.list === list)
      .map((c) => coded(list, c.code)!)
      .sort((a, b) => a.code - b.code)
  return {
    ...row,
    location: coded('locatie', row.locationCode),
    motive: coded('motief', row.motiveCode),
    voorval: byList('voorval'),
    voorwerp: byList('voorwerp'),
    afhandeling: byList('afhandeling'),
    persons: persons.map(({ person: p, firstName, infix, lastName, groupName }) => ({
      id: p.id,
      role: p.role,
      kind: p.kind,
      studentId: p.studentId,
      studentName: lastName ? displayName({ firstName: firstName!, infix, lastName }) : null,
      groupId: p.groupId,
      groupName,
      description: p.description,
      injury: p.injury,
      outcome: p.outcome,
    })),
    reportedByName: reporter?.name ?? null,
  }
}

/** The state a version records: every field of the note, coded choices as codes. */
export function snapshotOf(d: IncidentDetail): Record<string, unknown> {
  const { persons, voorval, voorwerp, afhandeling, location: _l, motive: _m, reportedByName: _r, ...rest } = d
  return {
    ...rest,
    occurredAt: d.occurredAt.toISOString(),
    parentsContactedAt: d.parentsContactedAt?.toISOString() ?? null,
    createdAt: undefined,
    updatedAt: undefined,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    voorval: voorval.map((c) => c.code),
    voorwerp: voorwerp.map((c) => c.code),
    afhandeling: afhandeling.map((c) => c.code),
    persons: persons.map((p) => ({
      role: p.role,
      kind: p.kind,
      studentId: p.studentId,
      description: p.description,
      injury: p.injury,
      outcome: p.outcome,
    })),
  }
}

const IGNORED_IN_DIFF = new Set(['version', 'createdAt', 'updatedAt'])

/** Field-by-field changes between two snapshots (persons and code lists compared as wholes). */
export function diffSnapshots(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: { field: string; from: unknown; to: unknown }[] = []
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (IGNORED_IN_DIFF.has(field)) continue
    const a = before[field] ?? null
    const b = after[field] ?? null
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, from: a, to: b })
  }
  return changes
}

export async function listVersions(tx: Tx, incidentId: string) {
  return tx
    .select({
      version: schema.incidentVersions.version,
      changedAt: schema.incidentVersions.changedAt,
      changedBy: schema.users.name,
      changes: schema.incidentVersions.changes,
    })
    .from(schema.incidentVersions)
    .leftJoin(schema.users, eq(schema.users.id, schema.incidentVersions.changedById))
    .where(eq(schema.incidentVersions.incidentId, incidentId))
    .orderBy(asc(schema.incidentVersions.version))
}

