// Row-level security overhead: the incident list's and the dossier's main SQL, run as the owner (RLS
// not applied) and as baken_app with the request context (applyContext), measured on the database
// server with EXPLAIN (ANALYZE, TIMING OFF): planning + execution time, no network in between.
import { applyContext, openDatabase, resultRows, type ContextSettings, type DatabaseConfig, type Tx } from '../../packages/db/src/index.ts'
import { percentile } from './load.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function lit(value: string, pattern: RegExp = UUID): string {
  if (!pattern.test(value)) throw new Error(`Unexpected literal ${value}`)
  return `'${value}'`
}

/** The SQL of listIncidents (packages/domain/src/incidents/list-incidents.ts) for a directeur. */
function listQueries(schoolId: string, schoolYear: string, pageIds: string[]): string[] {
  const where = `"incidents"."school_id" = ${lit(schoolId)} and "incidents"."school_year" = ${lit(schoolYear, /^\d{4}-\d{4}$/)}`
  const ids = pageIds.map((id) => lit(id)).join(', ')
  return [
    `select "id", "occurred_at", "school_year", "status", "severity", "confidential", "location_code", "reported_by_id"
     from "incidents" where (${where}) order by "incidents"."occurred_at" desc, "incidents"."id" desc limit 25 offset 0`,
    `select count(*) from "incidents" where (${where})`,
    `select "incident_id", "code" from "incident_codes" where ("incident_codes"."incident_id" in (${ids}) and "incident_codes"."list" = 'voorval')`,
    `select "incident_persons"."incident_id", "incident_persons"."student_id", "incident_persons"."role", "students"."first_name",
       "students"."infix", "students"."last_name", "groups"."name"
     from "incident_persons" inner join "students" on "students"."id" = "incident_persons"."student_id"
     left join "groups" on "groups"."id" = "incident_persons"."group_id"
     where "incident_persons"."incident_id" in (${ids})`,
  ]
}

/** The SQL of getDossier (packages/domain/src/incidents/dossier.ts): the pupil's incidents and their types. */
function dossierQueries(schoolId: string, studentId: string, incidentIds: string[]): string[] {
  return [
    `select "incidents"."id", "incidents"."occurred_at", "incident_persons"."role", "incidents"."severity", "incidents"."status",
       "incidents"."confidential", "incidents"."situation"
     from "incident_persons" inner join "incidents" on "incidents"."id" = "incident_persons"."incident_id"
     where ("incident_persons"."student_id" = ${lit(studentId)} and "incidents"."school_id" = ${lit(schoolId)})
     order by "incidents"."occurred_at" desc`,
    `select "incident_id", "code" from "incident_codes"
     where ("incident_codes"."incident_id" in (${incidentIds.map((id) => lit(id)).join(', ') || 'null'}) and "incident_codes"."list" = 'voorval')`,
  ]
}

/** The SQL of readIncident (packages/domain/src/incidents/incident-record.ts): the incident, its codes, pupils and versions. */
function detailQueries(schoolId: string, incidentId: string): string[] {
  const id = lit(incidentId)
  return [
    `select * from "incidents" where ("incidents"."id" = ${id} and "incidents"."school_id" = ${lit(schoolId)})`,
    `select * from "incident_codes" where "incident_codes"."incident_id" = ${id}`,
    `select "incident_persons"."id", "incident_persons"."role", "incident_persons"."kind", "students"."first_name", "students"."last_name", "groups"."name"
     from "incident_persons" left join "students" on "students"."id" = "incident_persons"."student_id"
     left join "groups" on "groups"."id" = "incident_persons"."group_id"
     where "incident_persons"."incident_id" = ${id}`,
    `select "version", "changed_at" from "incident_versions" where "incident_versions"."incident_id" = ${id} order by "version" desc`,
  ]
}

/** The board's reads of /bestuur that depend on row-level security: the counts per school and type, and its measures. */
function boardQueries(stichtingId: string, schoolYear: string): string[] {
  const year = lit(schoolYear, /^\d{4}-\d{4}$/)
  return [
    `select school_id, severity, confidential, incidents from board_incident_counts(${year})`,
    `select school_id, code, incidents from board_incident_type_counts(${year})`,
    `select "id", "kind", "state", "school_id" from "measures" where "measures"."stichting_id" = ${lit(stichtingId)} and "measures"."kind" in ('schorsing', 'verwijdering')`,
  ]
}

/** The context settings without demoting to baken_app: the owner, for whom RLS is not applied. */
async function ownerContext(tx: Tx, s: ContextSettings): Promise<void> {
  const value = (v: string | null | undefined, pattern?: RegExp) => (v ? lit(v, pattern) : `''`)
  await tx.execute(
    `select set_config('app.user_id', ${value(s.userId)}, true), set_config('app.role', ${value(s.role, /^[a-z_]+$/)}, true),
       set_config('app.stichting_id', ${value(s.stichtingId)}, true), set_config('app.school_id', ${value(s.schoolId)}, true)`,
  )
}

async function explainMs(tx: Tx, query: string): Promise<number> {
  const rows = resultRows<Record<string, unknown>>(await tx.execute(`explain (analyze, timing off, format json) ${query}`))
  const raw = rows[0]?.['QUERY PLAN']
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { 'Planning Time': number; 'Execution Time': number }[]
  return plan[0]!['Planning Time'] + plan[0]!['Execution Time']
}

export interface RlsFigure {
  name: string
  ownerMedian: number
  rlsMedian: number
  ratio: number
  n: number
  /** Per query of the set: the first words of its SQL and the medians (owner, RLS). */
  queries: { sql: string; ownerMedian: number; rlsMedian: number }[]
}

export async function measureRls(options: {
  url: string
  /** Another database than the Postgres server at url: the PGlite run's data folder (server stopped). */
  database?: DatabaseConfig
  context: ContextSettings & { schoolId: string }
  /** The bestuurder of the same stichting (no school). */
  boardContext: ContextSettings
  schoolYear: string
  /** Non-confidential submitted incidents of the school, for the detail set. */
  incidentIds: string[]
  pageIds: string[]
  /** Pupils with the ids of their incidents (the second dossier query takes the first one's ids). */
  dossiers: { studentId: string; incidentIds: string[] }[]
  rounds: number
}): Promise<RlsFigure[]> {
  const handle = await openDatabase(options.database ?? { kind: 'postgres', url: options.url, max: 1 })
  try {
    const { db } = handle
    const sets: { name: string; context?: ContextSettings; queries: (round: number) => string[] }[] = [
      { name: 'incident list (4 queries)', queries: () => listQueries(options.context.schoolId, options.schoolYear, options.pageIds) },
      {
        name: 'student dossier (2 queries)',
        queries: (round) => {
          const d = options.dossiers[round % options.dossiers.length]!
          return dossierQueries(options.context.schoolId, d.studentId, d.incidentIds)
        },
      },
      {
        name: 'incident detail (4 queries)',
        queries: (round) => detailQueries(options.context.schoolId, options.incidentIds[round % options.incidentIds.length]!),
      },
      {
        name: 'board (3 queries)',
        context: options.boardContext,
        queries: () => boardQueries(options.boardContext.stichtingId!, options.schoolYear),
      },
    ]
    const figures: RlsFigure[] = []
    for (const set of sets) {
      const owner: number[] = []
      const rls: number[] = []
      const perQuery = set.queries(0).map((q) => ({ sql: q.replace(/\s+/g, ' ').slice(0, 70), owner: [] as number[], rls: [] as number[] }))
      const warmup = Math.min(20, options.rounds)
      for (let round = 0; round < options.rounds + warmup; round++) {
        const queries = set.queries(round)
        // Alternate which goes first, so caching favours neither.
        const measured = round >= warmup
        const runAll = async (tx: Tx, into: 'owner' | 'rls') => {
          let ms = 0
          for (const [i, q] of queries.entries()) {
            const one = await explainMs(tx, q)
            if (measured) perQuery[i]![into].push(one)
            ms += one
          }
          return ms
        }
        // The owner gets the context too (the board's aggregates read it); its owner_all policy
        // leaves every row visible, so only baken_app's side pays for the policies.
        const context = set.context ?? options.context
        const runOwner = () =>
          db.transaction(async (tx) => {
            await ownerContext(tx, context)
            return runAll(tx, 'owner')
          })
        const runRls = () =>
          db.transaction(async (tx) => {
            await applyContext(tx, context)
            return runAll(tx, 'rls')
          })
        let a: number
        let b: number
        if (round % 2 === 0) {
          a = await runOwner()
          b = await runRls()
        } else {
          b = await runRls()
          a = await runOwner()
        }
        if (measured) {
          owner.push(a)
          rls.push(b)
        }
      }
      const ownerMedian = percentile(owner, 50)
      const rlsMedian = percentile(rls, 50)
      figures.push({
        name: set.name,
        ownerMedian,
        rlsMedian,
        ratio: rlsMedian / ownerMedian,
        n: owner.length,
        queries: perQuery.map((q) => ({ sql: q.sql, ownerMedian: percentile(q.owner, 50), rlsMedian: percentile(q.rls, 50) })),
      })
    }
    return figures
  } finally {
    await handle.close()
  }
}
