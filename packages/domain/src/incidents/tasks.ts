// Follow-up tasks on an incident: the victim care of the school safety protocol, §4 (talk to the victim, inform the
// parents, check on recovery, the normalising talk with the dader) and any other follow-up ('overig').
//
// Who sees a task: the tenant wall (RLS, migration 0008) shows tasks of incidents the caller can see;
// inside it a task is readable when the caller may read its incident (CASL, incidentWhere) or may
// update the task itself (its owner). The directeur and the IB plan tasks (create, reassign, move the
// due date, IncidentTask 'create'); owners complete their own.
import { schema, SCHOOL_ROLES, type Role, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, defineAbilityFor, ForbiddenError, record, type Action, type AppAbility } from '@baken/permissions'
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import { dutchDate, localDate, plusDays } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { VICTIM_CARE_STEPS } from './guidance.ts'
import { incidentWhere } from './incident-record.ts'
import type { FieldError } from '../result.ts'
import { textInput } from '../input-rules.ts'

/** A §4 victim-care step key, or 'overig' for any other follow-up. */
export const TASK_KINDS: readonly string[] = Object.freeze([...VICTIM_CARE_STEPS.map((s) => s.key), 'overig'])

/** A due date may lie at most this many days in the past when set (a task planned a day late). */
const MAX_DAYS_IN_PAST = 1
/** And at most a year ahead (a typo such as 2062 is refused). */
const MAX_DAYS_AHEAD = 366

/** CASL condition fields for IncidentTask → columns. */
export const taskColumns = {
  id: schema.incidentTasks.id,
  schoolId: schema.incidentTasks.schoolId,
  stichtingId: schema.incidentTasks.stichtingId,
  incidentId: schema.incidentTasks.incidentId,
  ownerId: schema.incidentTasks.ownerId,
}

export function taskWhere(ability: AppAbility, action: Action): SQL {
  return accessibleWhere(ability, action, 'IncidentTask', taskColumns)
}

function taskWhereOrFalse(ability: AppAbility, action: Action): SQL {
  try {
    return taskWhere(ability, action)
  } catch (error) {
    if (error instanceof ForbiddenError) return sql`false`
    throw error
  }
}

/**
 * The tasks the caller may read, for a query that joins incidents: a readable task whose incident the
 * caller may read, or a task the caller may update (their own). Throws ForbiddenError without any
 * read rule for IncidentTask.
 */
export function readableTasks(ability: AppAbility): SQL {
  let incident: SQL
  try {
    incident = incidentWhere(ability, 'read')
  } catch (error) {
    if (!(error instanceof ForbiddenError)) throw error
    incident = sql`false`
  }
  return and(taskWhere(ability, 'read'), or(incident, taskWhereOrFalse(ability, 'update')))!
}

export interface IncidentTaskItem {
  id: string
  incidentId: string
  kind: string
  title: string
  description: string | null
  ownerId: string
  ownerName: string | null
  /** YYYY-MM-DD */
  dueOn: string
  doneAt: Date | null
  doneById: string | null
  doneByName: string | null
  note: string | null
  createdById: string
  createdAt: Date
  /** Open and due before today (Dutch date). */
  overdue: boolean
  /** Whether the caller may complete (update) this task. */
  canUpdate: boolean
}

export interface OverdueTaskItem extends IncidentTaskItem {
  incidentOccurredAt: Date
  incidentSeverity: (typeof schema.SEVERITY_LEVELS)[number]
  incidentConfidential: boolean
}

const owner = alias(schema.users, 'task_owner')
const doneBy = alias(schema.users, 'task_done_by')

export function taskQuery(tx: Tx) {
  const t = schema.incidentTasks
  return tx
    .select({
      task: t,
      ownerName: owner.name,
      doneByName: doneBy.name,
      incidentOccurredAt: schema.incidents.occurredAt,
      incidentSeverity: schema.incidents.severity,
      incidentConfidential: schema.incidents.confidential,
    })
    .from(t)
    .innerJoin(schema.incidents, eq(schema.incidents.id, t.incidentId))
    .leftJoin(owner, eq(owner.id, t.ownerId))
    .leftJoin(doneBy, eq(doneBy.id, t.doneById))
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['where']>>[number]

export function toItem(ability: AppAbility, row: TaskRow, today: string): OverdueTaskItem {
  const { task } = row
  return {
    id: task.id,
    incidentId: task.incidentId,
    kind: task.kind,
    title: task.title,
    description: task.description,
    ownerId: task.ownerId,
    ownerName: row.ownerName,
    dueOn: task.dueOn,
    doneAt: task.doneAt,
    doneById: task.doneById,
    doneByName: row.doneByName,
    note: task.note,
    createdById: task.createdById,
    createdAt: task.createdAt,
    overdue: task.doneAt === null && task.dueOn < today,
    canUpdate: ability.can('update', record('IncidentTask', taskFields(task))),
    incidentOccurredAt: row.incidentOccurredAt,
    incidentSeverity: row.incidentSeverity,
    incidentConfidential: row.incidentConfidential,
  }
}

export function taskFields(task: typeof schema.incidentTasks.$inferSelect) {
  return { id: task.id, schoolId: task.schoolId, stichtingId: task.stichtingId, incidentId: task.incidentId, ownerId: task.ownerId }
}

export function stripIncident(item: OverdueTaskItem): IncidentTaskItem {
  const { incidentOccurredAt: _o, incidentSeverity: _s, incidentConfidential: _c, ...rest } = item
  return rest
}

export interface VictimCareProposal {
  kind: string
  title: string
  description: string
  source: string
  dueAfterDays: number
  /** The protocol's date: the incident's (Dutch) date plus dueAfterDays. */
  protocolDueOn: string
  /** What to plan: the protocol's date, or today when that has passed (a task cannot start overdue). */
  dueOn: string
  /** A task of this kind already exists on the incident. */
  planned: boolean
}

/**
 * The §4 victim-care steps for an incident with a victim (a person with role 'slachtoffer'); an empty
 * list without one. Pure: the caller supplies the incident, today and the kinds already planned.
 */
export function victimCareProposals(
  incident: { occurredAt: Date; persons: readonly { role: string }[] },
  today: string,
  plannedKinds: Iterable<string> = [],
): VictimCareProposal[] {
  if (!incident.persons.some((p) => p.role === 'slachtoffer')) return []
  const planned = new Set(plannedKinds)
  const incidentDay = localDate(incident.occurredAt)
  return VICTIM_CARE_STEPS.map((step) => {
    const protocolDueOn = plusDays(incidentDay, step.dueAfterDays)
    return {
      kind: step.key,
      title: step.title,
      description: step.description,
      source: step.source,
      dueAfterDays: step.dueAfterDays,
      protocolDueOn,
      dueOn: protocolDueOn < today ? today : protocolDueOn,
      planned: planned.has(step.key),
    }
  })
}

const text = (max: number, message: string) => textInput().trim().max(max, message)

export const createTaskInput = z.strictObject({
  kind: textInput().max(60).refine((k) => TASK_KINDS.includes(k), { message: `Kies een stap uit §4 (${VICTIM_CARE_STEPS.map((s) => s.key).join(', ')}) of overig` }),
  title: text(200, 'Titel te lang (max. 200 tekens)').min(1, 'Geef de taak een titel'),
  description: text(4000, 'Omschrijving te lang (max. 4000 tekens)').nullish(),
  ownerId: z.uuid('Kies een medewerker van de school'),
  dueOn: calendarDate('Uiterste datum als JJJJ-MM-DD'),
})
export type CreateTaskInput = z.input<typeof createTaskInput>

/** A change of a task: any of these fields, at least one. */
export const updateTaskFields = {
  done: z.boolean().optional(),
  note: text(4000, 'Notitie te lang (max. 4000 tekens)').nullish(),
  ownerId: z.uuid('Kies een medewerker van de school').optional(),
  dueOn: calendarDate('Uiterste datum als JJJJ-MM-DD').optional(),
  title: text(200, 'Titel te lang (max. 200 tekens)').min(1, 'Geef de taak een titel').optional(),
  description: text(4000, 'Omschrijving te lang (max. 4000 tekens)').nullish(),
}
const CHANGE_KEYS = Object.keys(updateTaskFields)

/** The refinement of a change: something must change (the path ids do not count). */
export const somethingChanges = [
  (v: object) => Object.keys(v).some((k) => CHANGE_KEYS.includes(k)),
  { message: 'Geef aan wat er verandert (done, note, ownerId, dueOn, title of description)' },
] as const

export const updateTaskInput = z.strictObject(updateTaskFields).refine(...somethingChanges)
export type UpdateTaskInput = z.input<typeof updateTaskInput>

export function checkDueOn(dueOn: string, today: string): FieldError | null {
  if (dueOn < plusDays(today, -MAX_DAYS_IN_PAST)) {
    return { path: 'dueOn', message: `De uiterste datum ligt te ver in het verleden (vroegst ${dutchDate(plusDays(today, -MAX_DAYS_IN_PAST))})` }
  }
  if (dueOn > plusDays(today, MAX_DAYS_AHEAD)) return { path: 'dueOn', message: 'De uiterste datum ligt meer dan een jaar vooruit' }
  return null
}

/**
 * The owner must be staff of the caller's school (a school-role membership there, account active); a
 * task of a confidential incident only goes to someone whose role sees confidential incidents (the
 * directeur and the vertrouwenspersoon: their CASL rules, as RLS in migration 0005). Being the
 * incident's reporter does not count: the task is about the case, not the report.
 */
export async function checkOwner(tx: Tx, ctx: TenantContext, ownerId: string, confidential: boolean): Promise<FieldError | null> {
  if (!ctx.schoolId) return { path: 'ownerId', message: 'Kies een medewerker van deze school' }
  const roles = await tx
    .select({ role: schema.memberships.role })
    .from(schema.memberships)
    .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
    .where(
      and(
        eq(schema.memberships.userId, ownerId),
        eq(schema.memberships.schoolId, ctx.schoolId),
        inArray(schema.memberships.role, [...SCHOOL_ROLES]),
        isNull(schema.users.disabledAt),
      ),
    )
  if (roles.length === 0) return { path: 'ownerId', message: 'Kies een medewerker van deze school' }
  const seesConfidential = (role: Role) =>
    defineAbilityFor({ userId: ownerId, role, stichtingId: ctx.stichtingId, schoolId: ctx.schoolId, partnerId: null }).can(
      'read',
      record('Incident', { schoolId: ctx.schoolId, stichtingId: ctx.stichtingId, confidential: true, reportedById: null }),
    )
  if (confidential && !roles.some((r) => seesConfidential(r.role))) {
    return { path: 'ownerId', message: 'Dit incident is vertrouwelijk: alleen de directeur of de vertrouwenspersoon kan de taak krijgen' }
  }
  return null
}
