// What the measure use cases share: the CASL where-clause and loading of a measure the caller may
// act on, the list query (the list, the detail, the board's oversight and the pending-removal links
// read it), the access log of opening a case, and the mandate a decision was taken under.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, gte, inArray, isNull, notInArray, or } from 'drizzle-orm'
import { z } from 'zod'
import { textInput } from '../input-rules.ts'
import { refuse, type Refused } from '../use-case.ts'
import { recordAccess } from '../privacy/access-log.ts'
import { displayName, studentNameColumns } from '../students.ts'
import { mandateById } from './mandates.ts'
import { MEASURE_KINDS, MEASURE_LABELS, type MeasureKind } from './rule-model.ts'
import { stateLabel, WORKFLOWS, type StepSubject } from './workflows.ts'

const measureColumns = {
  id: schema.measures.id,
  schoolId: schema.measures.schoolId,
  stichtingId: schema.measures.stichtingId,
  kind: schema.measures.kind,
  proposedById: schema.measures.proposedById,
}

export function measureWhere(ability: AppAbility, action: 'read' | 'create' | 'update') {
  return accessibleWhere(ability, action, 'Measure', measureColumns)
}

/**
 * The measure the caller may perform `action` on, or null (answered as 404). `lock` takes a row
 * lock for the rest of the transaction (e.g. to number letter versions one at a time).
 */
export async function loadMeasure(
  tx: Tx,
  ability: AppAbility,
  id: string,
  options: { action?: 'read' | 'update'; lock?: boolean } = {},
): Promise<typeof schema.measures.$inferSelect | null> {
  const action = options.action ?? 'read'
  if (!z.uuid().safeParse(id).success || !ability.can(action, 'Measure')) return null
  const query = tx
    .select()
    .from(schema.measures)
    .where(and(eq(schema.measures.id, id), measureWhere(ability, action)))
  const [m] = options.lock ? await query.for('update') : await query
  return m ?? null
}

/** The measure's fields the CASL step rules look at (workflows.ts), not yet knowing of a mandate. */
export function stepSubject(m: typeof schema.measures.$inferSelect): Omit<StepSubject, 'mandated'> {
  return { stichtingId: m.stichtingId, schoolId: m.schoolId, kind: m.kind, proposedById: m.proposedById }
}

/**
 * The measure the caller records something on (a hearing, a search attempt): not found when they
 * cannot see it, refused with `forbidden` when they may not act on it.
 */
export async function measureToUpdate(tx: Tx, ability: AppAbility, id: string, forbidden: string): Promise<typeof schema.measures.$inferSelect | Refused> {
  const m = await loadMeasure(tx, ability, id)
  if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
  return mayUpdateMeasure(ability, m) ? m : refuse('forbidden', '', forbidden)
}

/** Whether the caller may act on this measure (take a step, record a hearing or a search attempt). */
export function mayUpdateMeasure(ability: AppAbility, m: typeof schema.measures.$inferSelect): boolean {
  return ability.can('update', record('Measure', { stichtingId: m.stichtingId, schoolId: m.schoolId, kind: m.kind, proposedById: m.proposedById }))
}

/** The final states of a verwijdering: after these no schorsing can be pending it. */
export const REMOVAL_CLOSED = WORKFLOWS.verwijdering.final

/** The task kinds of a statutory notice (Inspectie, leerplichtambtenaar): the board's oversight lists the open ones. */
export const NOTICE_TASK_KINDS = ['inspectie_melding', 'inspectie_verwijdering', 'leerplicht_verwijdering'] as const

/** The statutory notices not yet filed on the measures the caller may read, the soonest due first. */
export function openNoticeTasks(tx: Tx, ability: AppAbility, options: { limit?: number } = {}) {
  const m = schema.measures
  const query = tx
    .select({
      taskId: schema.measureTasks.id,
      measureId: m.id,
      kind: schema.measureTasks.kind,
      title: schema.measureTasks.title,
      dueOn: schema.measureTasks.dueOn,
      ...studentNameColumns,
      schoolName: schema.schools.name,
    })
    .from(schema.measureTasks)
    .innerJoin(m, eq(m.id, schema.measureTasks.measureId))
    .innerJoin(schema.students, eq(schema.students.id, m.studentId))
    .innerJoin(schema.schools, eq(schema.schools.id, m.schoolId))
    .where(and(measureWhere(ability, 'read'), inArray(schema.measureTasks.kind, [...NOTICE_TASK_KINDS]), isNull(schema.measureTasks.doneAt)))
    .orderBy(asc(schema.measureTasks.dueOn))
  return options.limit === undefined ? query : query.limit(options.limit)
}

export interface MeasureListItem {
  id: string
  kind: MeasureKind
  kindLabel: string
  state: string
  stateLabel: string
  studentId: string
  studentName: string
  schoolId: string
  schoolName: string
  startsOn: string | null
  endsOn: string | null
  schoolDays: number | null
  /** For a schorsing pending a verwijdering: that verwijdering's id, or null. */
  pendingRemovalId: string | null
  createdAt: Date
  updatedAt: Date
}

export const listMeasuresInput = z.object({
  id: z.uuid().optional(),
  kind: z.enum(MEASURE_KINDS).optional(),
  state: textInput().max(40).optional(),
  studentId: z.uuid().optional(),
  kinds: z.array(z.enum(MEASURE_KINDS)).max(MEASURE_KINDS.length).optional(),
  /** The schorsingen pending this verwijdering. */
  pendingRemovalId: z.uuid().optional(),
})

/**
 * The measures the caller may see, newest first: at most 500, unless `options.all` (the board's
 * oversight, which counts every case of the stichting).
 */
export async function findMeasures(
  tx: Tx,
  ability: AppAbility,
  raw: z.input<typeof listMeasuresInput> = {},
  options: {
    all?: boolean
    /** Only open cases (not in a final state of their kind) and those changed since this moment. */
    openOrChangedSince?: Date
  } = {},
): Promise<MeasureListItem[]> {
  const input = listMeasuresInput.parse(raw)
  const m = schema.measures
  const since = options.openOrChangedSince
  const openOrChanged = since
    ? or(...MEASURE_KINDS.map((kind) => and(eq(m.kind, kind), notInArray(m.state, [...WORKFLOWS[kind].final]))), gte(m.updatedAt, since))
    : undefined
  const rows = await tx
    .select({
      id: m.id,
      kind: m.kind,
      state: m.state,
      studentId: m.studentId,
      ...studentNameColumns,
      schoolId: m.schoolId,
      schoolName: schema.schools.name,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
      schoolDays: m.schoolDays,
      pendingRemovalId: m.pendingRemovalId,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    })
    .from(m)
    .innerJoin(schema.students, eq(schema.students.id, m.studentId))
    .innerJoin(schema.schools, eq(schema.schools.id, m.schoolId))
    .where(
      and(
        measureWhere(ability, 'read'),
        input.id ? eq(m.id, input.id) : undefined,
        input.kind ? eq(m.kind, input.kind) : undefined,
        input.state ? eq(m.state, input.state) : undefined,
        input.studentId ? eq(m.studentId, input.studentId) : undefined,
        input.kinds ? inArray(m.kind, input.kinds) : undefined,
        input.pendingRemovalId ? eq(m.pendingRemovalId, input.pendingRemovalId) : undefined,
        openOrChanged,
      ),
    )
    .orderBy(desc(m.createdAt))
    .limit(options.all ? Number.MAX_SAFE_INTEGER : 500)
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: MEASURE_LABELS[r.kind],
    state: r.state,
    stateLabel: stateLabel(r.kind, r.state),
    studentId: r.studentId,
    studentName: displayName(r),
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    schoolDays: r.schoolDays,
    pendingRemovalId: r.pendingRemovalId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }))
}

/**
 * Logs that the caller opened the case in the access log, in the read's transaction. The bestuurder opens
 * the cases of the stichting's schools as the bevoegd gezag: the row says so.
 */
export async function recordMeasureAccess(tx: Tx, ability: AppAbility, ctx: TenantContext, m: { id: string; studentId: string; schoolId: string; stichtingId: string }): Promise<void> {
  await recordAccess(tx, ctx, {
    subjectType: 'measure',
    subjectId: m.id,
    studentId: m.studentId,
    schoolId: m.schoolId,
    stichtingId: m.stichtingId,
    // Who oversees the stichting's schools (CASL 'Oversight': the bestuurder) opens a case as the bevoegd gezag.
    reason: ability.can('read', record('Oversight', { stichtingId: m.stichtingId })) ? 'toezicht bevoegd gezag' : null,
  })
}

export async function mandateSummary(tx: Tx, id: string | null) {
  const mandate = await mandateById(tx, id)
  return mandate ? { id: mandate.id, version: mandate.version, maxSchoolDays: mandate.maxSchoolDays, startsOn: mandate.startsOn, besluitOn: mandate.besluitOn } : null
}

export interface PendingSchorsing {
  id: string
  state: string
  stateLabel: string
  startsOn: string | null
  endsOn: string | null
  schoolDays: number | null
  /** Not refused or ended: still running (nothing closes it when the verwijdering ends). */
  running: boolean
}

/** Both ends of the link between a schorsing and the verwijdering it is pending. */
export async function pendingRemovalLinks(tx: Tx, ability: AppAbility, item: MeasureListItem) {
  const removal = item.pendingRemovalId ? ((await findMeasures(tx, ability, { id: item.pendingRemovalId }))[0] ?? null) : null
  const schorsingen: PendingSchorsing[] | null =
    item.kind === 'verwijdering'
      ? (await findMeasures(tx, ability, { pendingRemovalId: item.id, kind: 'schorsing' })).reverse().map((s) => ({
          id: s.id,
          state: s.state,
          stateLabel: s.stateLabel,
          startsOn: s.startsOn,
          endsOn: s.endsOn,
          schoolDays: s.schoolDays,
          running: !WORKFLOWS.schorsing.final.includes(s.state),
        }))
      : null
  return {
    removal: removal ? { id: removal.id, state: removal.state, stateLabel: removal.stateLabel, open: !REMOVAL_CLOSED.includes(removal.state) } : null,
    schorsingen,
  }
}

