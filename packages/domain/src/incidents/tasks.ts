// Follow-up tasks on an incident: the victim care of the school safety protocol, §4 (talk to the victim, inform the
// parents, check on recovery, the normalising talk with the dader) and any other follow-up ('overig').
//
// Who sees a task: the tenant wall (RLS, migration 0008) shows tasks of incidents the caller can see;
// inside it a task is readable when the caller may read its incident (CASL, incidentWhere) or may
// update the task itself (its owner). The directeur and the IB plan tasks (create, reassign, move the
// due date, IncidentTask 'create'); owners complete their own.
import { schema, SCHOOL_ROLES, type Role, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, ForbiddenError, record, type Action, type AppAbility } from '@baken/permissions'
import { and, asc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import { localDate, plusDays } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { VICTIM_CARE_STEPS } from './guidance.ts'
import { incidentWhere, loadIncident } from './incident-record.ts'
import type { FieldError } from './save-incident.ts'
import { refusal, zodErrors } from '../result.ts'
import { textInput } from '../input-rules.ts'

/** A §4 victim-care step key, or 'overig' for any other follow-up. */
export const TASK_KINDS: readonly string[] = Object.freeze([...VICTIM_CARE_STEPS.map((s) => s.key), 'overig'])

/** A due date may lie at most this many days in the past when set (a task planned a day late). */
const MAX_DAYS_IN_PAST = 1
/** And at most a year ahead (a typo such as 2062 is refused). */
const MAX_DAYS_AHEAD = 366

/** Only the directeur and the vertrouwenspersoon see confidential incidents (RLS, migration 0005). */
const CONFIDENTIAL_ROLES: readonly Role[] = ['directeur', 'vertrouwenspersoon']

export type FollowUpResult<T = { id: string }> =
  | ({ ok: true } & T)
  | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldError[] }

export const followUpError = refusal

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
function readableTasks(ability: AppAbility): SQL {
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

function taskQuery(tx: Tx) {
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

function toItem(ability: AppAbility, row: TaskRow, today: string): OverdueTaskItem {
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

function taskFields(task: typeof schema.incidentTasks.$inferSelect) {
  return { id: task.id, schoolId: task.schoolId, stichtingId: task.stichtingId, incidentId: task.incidentId, ownerId: task.ownerId }
}

/** The tasks of one incident, by due date; null when the caller may not read the incident (404). */
export async function listTasks(tx: Tx, ability: AppAbility, incidentId: string, options: { today?: string } = {}): Promise<IncidentTaskItem[] | null> {
  if (!ability.can('read', 'IncidentTask')) return null
  const incident = await loadIncident(tx, ability, incidentId)
  if (!incident) return null
  const today = options.today ?? localDate(new Date())
  const rows = await taskQuery(tx)
    .where(and(eq(schema.incidentTasks.incidentId, incident.id), readableTasks(ability)))
    .orderBy(asc(schema.incidentTasks.dueOn), asc(schema.incidentTasks.createdAt))
  return rows.map((r) => stripIncident(toItem(ability, r, today)))
}

function stripIncident(item: OverdueTaskItem): IncidentTaskItem {
  const { incidentOccurredAt: _o, incidentSeverity: _s, incidentConfidential: _c, ...rest } = item
  return rest
}

/**
 * Open tasks of the caller's school due before today (Dutch date), oldest first: for the directeur
 * and the IB all of them (RLS still hides confidential incidents from the IB); for a leerkracht or
 * vertrouwenspersoon those of incidents they may read and their own.
 */
export async function listOverdueTasks(tx: Tx, ability: AppAbility, options: { today?: string } = {}): Promise<OverdueTaskItem[]> {
  const today = options.today ?? localDate(new Date())
  const t = schema.incidentTasks
  const rows = await taskQuery(tx)
    .where(and(isNull(t.doneAt), lt(t.dueOn, today), readableTasks(ability)))
    .orderBy(asc(t.dueOn), asc(schema.incidents.occurredAt))
  return rows.map((r) => toItem(ability, r, today))
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

/** The victim-care proposal for an incident the caller may read; null when it may not (404). */
export async function proposeVictimCareTasks(
  tx: Tx,
  ability: AppAbility,
  incidentId: string,
  options: { today?: string } = {},
): Promise<VictimCareProposal[] | null> {
  const incident = await loadIncident(tx, ability, incidentId)
  if (!incident) return null
  const existing = ability.can('read', 'IncidentTask')
    ? await tx
        .select({ kind: schema.incidentTasks.kind })
        .from(schema.incidentTasks)
        .where(eq(schema.incidentTasks.incidentId, incident.id))
    : []
  return victimCareProposals(incident, options.today ?? localDate(new Date()), existing.map((e) => e.kind))
}

const text = (max: number, message: string) => textInput().trim().max(max, message)

export const createTaskInput = z.strictObject({
  kind: textInput().refine((k) => TASK_KINDS.includes(k), { message: `Kies een stap uit §4 (${VICTIM_CARE_STEPS.map((s) => s.key).join(', ')}) of overig` }),
  title: text(200, 'Titel te lang (max. 200 tekens)').min(1, 'Geef de taak een titel'),
  description: text(4000, 'Omschrijving te lang (max. 4000 tekens)').nullish(),
  ownerId: z.uuid('Kies een medewerker van de school'),
  dueOn: calendarDate('Uiterste datum als JJJJ-MM-DD'),
})
export type CreateTaskInput = z.input<typeof createTaskInput>

export const updateTaskInput = z
  .strictObject({
    done: z.boolean().optional(),
    note: text(4000, 'Notitie te lang (max. 4000 tekens)').nullish(),
    ownerId: z.uuid('Kies een medewerker van de school').optional(),
    dueOn: calendarDate('Uiterste datum als JJJJ-MM-DD').optional(),
    title: text(200, 'Titel te lang (max. 200 tekens)').min(1, 'Geef de taak een titel').optional(),
    description: text(4000, 'Omschrijving te lang (max. 4000 tekens)').nullish(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Geef aan wat er verandert (done, note, ownerId, dueOn, title of description)' })
export type UpdateTaskInput = z.input<typeof updateTaskInput>

function checkDueOn(dueOn: string, today: string): FieldError | null {
  if (dueOn < plusDays(today, -MAX_DAYS_IN_PAST)) {
    return { path: 'dueOn', message: `De uiterste datum ligt te ver in het verleden (vroegst ${plusDays(today, -MAX_DAYS_IN_PAST)})` }
  }
  if (dueOn > plusDays(today, MAX_DAYS_AHEAD)) return { path: 'dueOn', message: 'De uiterste datum ligt meer dan een jaar vooruit' }
  return null
}

/**
 * The owner must be staff of the caller's school (a school-role membership there, account active); a
 * task of a confidential incident only goes to someone who can see it: the directeur or the
 * vertrouwenspersoon.
 */
async function checkOwner(tx: Tx, ctx: TenantContext, ownerId: string, confidential: boolean): Promise<FieldError | null> {
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
  if (confidential && !roles.some((r) => CONFIDENTIAL_ROLES.includes(r.role))) {
    return { path: 'ownerId', message: 'Dit incident is vertrouwelijk: alleen de directeur of de vertrouwenspersoon kan de taak krijgen' }
  }
  return null
}

/** Plans a follow-up task on a submitted incident (directeur and IB). */
export async function createTask(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  incidentId: string,
  raw: unknown,
  options: { today?: string } = {},
): Promise<FollowUpResult> {
  if (!ctx.schoolId || !ctx.stichtingId || !ability.can('create', 'IncidentTask')) {
    return followUpError(403, '', 'Alleen de directeur of de intern begeleider plant vervolgtaken.')
  }
  const incident = await loadIncident(tx, ability, incidentId)
  if (!incident) return followUpError(404, 'id', 'Incident niet gevonden.')
  if (incident.status !== 'submitted') {
    return followUpError(409, 'status', 'Dien het incident eerst in: een concept is alleen voor de auteur zichtbaar.')
  }
  const parsed = createTaskInput.safeParse(raw)
  if (!parsed.success) return { ok: false, status: 400, errors: zodErrors(parsed.error) }
  const input = parsed.data
  const today = options.today ?? localDate(new Date())
  const errors = [checkDueOn(input.dueOn, today), await checkOwner(tx, ctx, input.ownerId, incident.confidential)].filter(
    (e): e is FieldError => e !== null,
  )
  if (errors.length) return { ok: false, status: 400, errors }
  const tenant = { stichtingId: incident.stichtingId, schoolId: incident.schoolId }
  if (!ability.can('create', record('IncidentTask', { ...tenant, incidentId: incident.id, ownerId: input.ownerId }))) {
    return followUpError(403, '', 'Je mag voor dit incident geen taken plannen.')
  }
  const id = crypto.randomUUID()
  await tx.insert(schema.incidentTasks).values({
    id,
    ...tenant,
    incidentId: incident.id,
    kind: input.kind,
    title: input.title,
    description: input.description || null,
    ownerId: input.ownerId,
    dueOn: input.dueOn,
    createdById: ctx.userId,
  })
  return { ok: true, id }
}

/**
 * Changes a task: complete or reopen it (with a note) — its owner, the directeur or the IB; reassign
 * it, move its due date or rename it — the directeur or the IB only.
 */
export async function updateTask(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  incidentId: string,
  taskId: string,
  raw: unknown,
  options: { today?: string; now?: Date } = {},
): Promise<FollowUpResult> {
  if (!z.uuid().safeParse(taskId).success || !z.uuid().safeParse(incidentId).success || !ability.can('read', 'IncidentTask')) {
    return followUpError(404, 'taskId', 'Taak niet gevonden.')
  }
  const [row] = await taskQuery(tx).where(
    and(eq(schema.incidentTasks.id, taskId), eq(schema.incidentTasks.incidentId, incidentId), readableTasks(ability)),
  )
  if (!row) return followUpError(404, 'taskId', 'Taak niet gevonden.')
  const task = row.task
  if (!ability.can('update', record('IncidentTask', taskFields(task)))) {
    return followUpError(403, '', 'Je mag alleen je eigen taken afronden.')
  }
  const parsed = updateTaskInput.safeParse(raw)
  if (!parsed.success) return { ok: false, status: 400, errors: zodErrors(parsed.error) }
  const input = parsed.data
  const planning = input.ownerId !== undefined || input.dueOn !== undefined || input.title !== undefined || input.description !== undefined
  if (planning && !ability.can('create', 'IncidentTask')) {
    return followUpError(403, '', 'Alleen de directeur of de intern begeleider wijst taken toe of verzet de uiterste datum.')
  }
  const today = options.today ?? localDate(new Date())
  const errors: FieldError[] = []
  if (input.dueOn !== undefined && input.dueOn !== task.dueOn) {
    const e = checkDueOn(input.dueOn, today)
    if (e) errors.push(e)
  }
  if (input.ownerId !== undefined && input.ownerId !== task.ownerId) {
    const e = await checkOwner(tx, ctx, input.ownerId, row.incidentConfidential)
    if (e) errors.push(e)
  }
  if (errors.length) return { ok: false, status: 400, errors }

  const changes: Partial<typeof schema.incidentTasks.$inferInsert> = {}
  if (input.ownerId !== undefined) changes.ownerId = input.ownerId
  if (input.dueOn !== undefined) changes.dueOn = input.dueOn
  if (input.title !== undefined) changes.title = input.title
  if (input.description !== undefined) changes.description = input.description || null
  if (input.note !== undefined) changes.note = input.note || null
  if (input.done === true && task.doneAt === null) {
    changes.doneAt = options.now ?? new Date()
    changes.doneById = ctx.userId
  } else if (input.done === false) {
    changes.doneAt = null
    changes.doneById = null
  }
  if (Object.keys(changes).length > 0) {
    await tx.update(schema.incidentTasks).set(changes).where(eq(schema.incidentTasks.id, task.id))
  }
  return { ok: true, id: task.id }
}

/** Completes a task, with an optional note (see updateTask for who may). */
export function completeTask(
  tx: Tx,
  ability: AppAbility,
  ctx: TenantContext,
  incidentId: string,
  taskId: string,
  note?: string | null,
): Promise<FollowUpResult> {
  return updateTask(tx, ability, ctx, incidentId, taskId, note === undefined ? { done: true } : { done: true, note })
}
