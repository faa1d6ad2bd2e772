// The board's oversight for the bestuurder: open and recent schorsingen and verwijderingen
// of all schools of the stichting, the approvals queue, deadlines at risk (a notice to the Inspectie or the leerplichtambtenaar not filed,
// bezwaar decision due within a week or overdue), measures per school per schooljaar, and incident
// counts per school. Rows come through RLS (the board sees these kinds of measure of all its schools)
// and the CASL clauses, as everywhere else.
//
// The incident counts and the comparison between schools per IRIS voorval come from the
// security-definer aggregates board_incident_counts and board_incident_type_counts (0009, 0016), since
// incident rows are invisible in a stichting context; they read the summary tables of 0043. Opening
// a case from here is logged on the measure page (getMeasure → recordMeasureAccess, reason
// "toezicht bevoegd gezag").
import { schema, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate, plusDays } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { getBoardIncidentCounts, getBoardTypeComparison, type BoardSchoolCounts, type BoardTypeComparison } from '../incidents/board-counts.ts'
import { schooljaarSchema } from '../incidents/overview.ts'
import { schoolYearBounds, schoolYearOf } from '../dates.ts'
import { displayName } from '../students.ts'
import { findBezwaren, type BezwaarView } from './bezwaar.ts'
import { findMeasures, measureWhere, openNoticeTasks, type NOTICE_TASK_KINDS, type MeasureListItem } from './measure-cases.ts'
import { WORKFLOWS } from './workflows.ts'
import { recordId } from '../input-rules.ts'

/** How far back a closed case still counts as recent. */
export const RECENT_DAYS = 90
/** A bezwaar decision due within this many days is at risk. */
export const BEZWAAR_RISK_DAYS = 7

const BOARD_KINDS = ['schorsing', 'verwijdering'] as const
const COUNTED_KINDS = ['time_out', 'schorsing', 'verwijdering'] as const

/** A measure in the board's oversight: the list's fields without the pupil's id and the pending verwijdering, with whether it is open or waits for the board. */
export interface OversightMeasure extends Omit<MeasureListItem, 'studentId' | 'pendingRemovalId'> {
  open: boolean
  /** Waiting for the board: a proposed schorsing, a verwijdering after the hearings. */
  awaitingBoard: boolean
}

/** A statutory notice not yet filed: the Inspectie notice of a schorsing, or a verwijdering's notice to the Inspectie or the leerplichtambtenaar. */
export interface InspectieNoticeAtRisk {
  taskId: string
  measureId: string
  kind: (typeof NOTICE_TASK_KINDS)[number]
  /** The task's title, e.g. "Besluit tot verwijdering melden bij de leerplichtambtenaar (WPO art. 40)". */
  title: string
  studentName: string
  schoolName: string
  dueOn: string
  overdue: boolean
}

export interface SchoolMeasureCounts {
  schoolId: string
  name: string
  sector: string
  counts: Record<(typeof COUNTED_KINDS)[number], number>
  total: number
}

export interface BoardOversight {
  stichting: { id: string; name: string }
  schooljaar: string
  today: string
  measures: OversightMeasure[]
  queue: OversightMeasure[]
  deadlines: { inspectie: InspectieNoticeAtRisk[]; bezwaren: BezwaarView[] }
  measuresPerSchool: SchoolMeasureCounts[]
  incidentsPerSchool: BoardSchoolCounts[]
  /** The schools compared on the IRIS voorval types (counts only). */
  irisComparison: BoardTypeComparison
}

/** Whether the caller may see the oversight of this stichting (the bestuurder of it, nobody else). */
export function mayOversee(ability: AppAbility, stichtingId: string): boolean {
  return ability.can('read', record('Oversight', { stichtingId }))
}

const awaitingBoard = (kind: string, state: string) => (kind === 'schorsing' && state === 'proposed') || (kind === 'verwijdering' && state === 'hearings_recorded')

/**
 * The board's oversight of its stichting (the data of /bestuur): only the bestuurder, only for their
 * own stichting. An `id` that is not the caller's stichting is not found.
 */
export const getBoardOversight = defineUseCase({
  name: 'measures/get-board-oversight',
  input: z.object({ id: recordId().optional(), schooljaar: schooljaarSchema.optional() }),
  permission: ['read', 'Oversight'],
  async run(tx, { ability, tenant, now }, { id, schooljaar }) {
    const stichtingId = tenant.stichtingId
    if ((id !== undefined && id !== stichtingId) || !stichtingId || tenant.schoolId || !mayOversee(ability, stichtingId)) {
      return refuse('not_found', 'id', 'Stichting niet gevonden.')
    }
    return { ok: true, ...(await oversightOf(tx, ability, stichtingId, localDate(now), schooljaar)) }
  },
})

async function oversightOf(tx: Tx, ability: AppAbility, stichtingId: string, today: string, year: string | undefined): Promise<BoardOversight> {
  const schooljaar = schooljaarSchema.parse(year ?? schoolYearOf(new Date(`${today}T12:00:00Z`)))
  const bounds = schoolYearBounds(schooljaar)!
  const m = schema.measures
  const since = new Date(Date.parse(`${plusDays(today, -RECENT_DAYS)}T00:00:00Z`))

  const [[stichting], schools, rows, tasks, bezwaren, perSchool, incidentsPerSchool] = await Promise.all([
    tx.select({ id: schema.stichtingen.id, name: schema.stichtingen.name }).from(schema.stichtingen).where(eq(schema.stichtingen.id, stichtingId)),
    tx
      .select({ id: schema.schools.id, name: schema.schools.name, sector: schema.schools.sector })
      .from(schema.schools)
      .where(eq(schema.schools.stichtingId, stichtingId))
      .orderBy(asc(schema.schools.name)),
    // Every open schorsing and verwijdering the board sees and the closed ones changed in the last
    // 90 days (findMeasures, no row limit). Chosen in the query: ten years of closed cases stay in
    // the database.
    findMeasures(tx, ability, { kinds: [...BOARD_KINDS] }, { all: true, openOrChangedSince: since }),
    // Statutory notices not yet filed (the summary is ready; the school submits it, e.g. in the ISD portal).
    openNoticeTasks(tx, ability),
    findBezwaren(tx, ability, { dueBy: plusDays(today, BEZWAAR_RISK_DAYS) }, today),
    // Measures per school and kind in the schooljaar (by start date, else the day proposed), without
    // refused or withdrawn ones.
    tx
      .select({ schoolId: m.schoolId, kind: m.kind, n: sql<number>`count(*)::int` })
      .from(m)
      .where(
        and(
          measureWhere(ability, 'read'),
          inArray(m.kind, [...COUNTED_KINDS]),
          notInArray(m.state, ['refused', 'withdrawn']),
          sql`coalesce(${m.startsOn}, (${m.createdAt} at time zone 'Europe/Amsterdam')::date) between ${bounds.startsOn}::date and ${bounds.endsOn}::date`,
        ),
      )
      .groupBy(m.schoolId, m.kind),
    getBoardIncidentCounts(tx, ability, schooljaar),
  ])

  const measures: OversightMeasure[] = rows
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: r.kindLabel,
      state: r.state,
      stateLabel: r.stateLabel,
      open: !WORKFLOWS[r.kind].final.includes(r.state),
      awaitingBoard: awaitingBoard(r.kind, r.state),
      studentName: r.studentName,
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      schoolDays: r.schoolDays,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
  return {
    stichting: stichting ?? { id: stichtingId, name: '' },
    schooljaar,
    today,
    measures,
    queue: measures.filter((x) => x.awaitingBoard).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
    deadlines: {
      inspectie: tasks.map((t) => ({
        taskId: t.taskId,
        measureId: t.measureId,
        kind: t.kind as InspectieNoticeAtRisk['kind'],
        title: t.title,
        studentName: displayName(t),
        schoolName: t.schoolName,
        dueOn: t.dueOn,
        overdue: t.dueOn < today,
      })),
      bezwaren,
    },
    measuresPerSchool: schools.map((s) => {
      const counts = Object.fromEntries(COUNTED_KINDS.map((k) => [k, perSchool.find((p) => p.schoolId === s.id && p.kind === k)?.n ?? 0])) as SchoolMeasureCounts['counts']
      return { schoolId: s.id, name: s.name, sector: s.sector, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }
    }),
    incidentsPerSchool: incidentsPerSchool ?? [],
    irisComparison: (await getBoardTypeComparison(tx, ability, schooljaar)) ?? { schools: [], rows: [] },
  }
}
