// The purge (storage limitation, AVG art. 5 lid 1 e): delete or anonymise what is past its retention term, with a dry run
// first, skipping students under a legal hold; every run, dry or real, is stored in purge_runs.
//
// Choice: the work is done by SECURITY DEFINER functions in migration 0021 (privacy_purge_report and
// privacy_purge), not by an owner-run job. They check inside that the caller is the privacyfunctionaris
// of a stichting and touch only that stichting; the application role keeps no DELETE grant on the
// dossier tables. Both compute the same plan (privacy_purge_plan); the purge takes the report of the
// dry run the FG confirmed and refuses (409) when the plan changed since, so it deletes or anonymises
// exactly what the dry run reported. Reports hold ids and counts only, never names (a name kept in
// the report would outlive the purge).
//
// The access log is not purged: it is append-only and hash-chained (0019), and cutting a prefix needs
// the verifier to accept an anchored start. Rows past the toegangslog term are reported ('behouden').
import { schema, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import type { PrivacyFailure } from './subject-requests.ts'
import { zodRefusal } from '../result.ts'

export interface PurgeDossierEntry {
  studentId: string
  schoolId: string
  leftOn: string
  incidentsDeleted: string[]
  incidentsAnonymised: string[]
  measures: string[]
  referrals: string[]
  sharesDeleted: string[]
  sharesUnlinked: string[]
  guardians: string[]
  reportCases: string[]
  acknowledgements: string[]
}

export interface PurgeReport {
  asOf: string
  months: Record<string, number>
  leerlingdossier: PurgeDossierEntry[]
  administratie: { studentId: string; schoolId: string; leftOn: string; subjectRequests: string[]; legalHolds: string[] }[]
  gedeeldeGegevens: { shareId: string; schoolId: string; endedOn: string; items: string[] }[]
  heldStudents: string[]
  toegangslog: { rowsPastRetention: number; action: 'behouden' }
}

export interface PurgeSummary {
  dossierStudents: number
  incidentsDeleted: number
  incidentsAnonymised: number
  measures: number
  referrals: number
  sharesDeleted: number
  guardians: number
  reportCases: number
  studentsDeleted: number
  sharedItemsDeleted: number
  heldStudents: number
  accessLogRowsPastRetention: number
  /** Anything to delete or anonymise at all. */
  anythingDue: boolean
}

const distinct = (lists: string[][]) => new Set(lists.flat()).size

export function summarisePurge(r: PurgeReport): PurgeSummary {
  const d = r.leerlingdossier
  const s = {
    dossierStudents: d.length,
    incidentsDeleted: distinct(d.map((e) => e.incidentsDeleted)),
    incidentsAnonymised: distinct(d.map((e) => e.incidentsAnonymised)),
    measures: distinct(d.map((e) => e.measures)),
    referrals: distinct(d.map((e) => e.referrals)),
    sharesDeleted: distinct(d.map((e) => e.sharesDeleted)),
    guardians: distinct(d.map((e) => e.guardians)),
    reportCases: distinct(d.map((e) => e.reportCases)),
    studentsDeleted: r.administratie.length,
    sharedItemsDeleted: distinct(r.gedeeldeGegevens.map((g) => g.items)),
    heldStudents: r.heldStudents.length,
    accessLogRowsPastRetention: r.toegangslog.rowsPastRetention,
  }
  return { ...s, anythingDue: s.dossierStudents + s.studentsDeleted + s.sharedItemsDeleted > 0 }
}

function canPurge(ability: AppAbility, ctx: TenantContext): ctx is TenantContext & { stichtingId: string } {
  return (
    ctx.role === 'privacyfunctionaris' &&
    ctx.schoolId === null &&
    ctx.stichtingId !== null &&
    ability.can('manage', record('Retention', { stichtingId: ctx.stichtingId }))
  )
}

const forbidden: PrivacyFailure = {
  ok: false,
  status: 403,
  errors: [{ path: '', message: 'Alleen de privacyfunctionaris van de stichting voert de opschoning uit.' }],
}

export const dryRunInput = z.object({ asOf: calendarDate('Peildatum als JJJJ-MM-DD').optional() })

export type PurgeRunResult = { ok: true; runId: string; dryRun: boolean; report: PurgeReport; summary: PurgeSummary } | PrivacyFailure

/** The dry run: what is due on the day (default today), stored in purge_runs. */
export async function purgeDryRun(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown = {}): Promise<PurgeRunResult> {
  if (!canPurge(ability, ctx)) return forbidden
  const parsed = dryRunInput.safeParse(raw)
  if (!parsed.success) {
    return zodRefusal(parsed.error)
  }
  const asOf = parsed.data.asOf ?? localDate(new Date())
  const result = await tx.execute(sql`select privacy_purge_report(${asOf}::date) as report`)
  const report = rowsOf<{ report: PurgeReport }>(result)[0]!.report
  const [run] = await tx
    .insert(schema.purgeRuns)
    .values({ stichtingId: ctx.stichtingId, dryRun: true, ranById: ctx.userId, asOf, report })
    .returning({ id: schema.purgeRuns.id })
  return { ok: true, runId: run!.id, dryRun: true, report, summary: summarisePurge(report) }
}

export const purgeInput = z.object({ dryRunId: z.uuid('Geef de proefrun op die u heeft bekeken (dryRunId)') })

/**
 * The purge, confirming a dry run: deletes and anonymises exactly what that dry run reported (same
 * peildatum). 409 when anything changed since (new data, a legal hold, another purge): run a new dry run.
 */
export async function runPurge(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown): Promise<PurgeRunResult> {
  if (!canPurge(ability, ctx)) return forbidden
  const parsed = purgeInput.safeParse(raw)
  if (!parsed.success) {
    return zodRefusal(parsed.error)
  }
  const [dry] = await tx
    .select()
    .from(schema.purgeRuns)
    .where(and(eq(schema.purgeRuns.id, parsed.data.dryRunId), eq(schema.purgeRuns.stichtingId, ctx.stichtingId)))
  if (!dry || !dry.dryRun) return { ok: false, status: 404, errors: [{ path: 'dryRunId', message: 'Proefrun niet gevonden.' }] }
  const result = await tx.execute(sql`select privacy_purge(${dry.asOf}::date, ${JSON.stringify(dry.report)}::jsonb) as outcome`)
  const outcome = rowsOf<{ outcome: { changed: boolean; plan: PurgeReport } }>(result)[0]!.outcome
  if (outcome.changed) {
    return {
      ok: false,
      status: 409,
      errors: [{ path: 'dryRunId', message: 'Er is iets veranderd sinds deze proefrun (nieuwe gegevens, een bewaarplicht of een eerdere opschoning). Maak een nieuwe proefrun en bevestig die.' }],
    }
  }
  const [run] = await tx
    .insert(schema.purgeRuns)
    .values({ stichtingId: ctx.stichtingId, dryRun: false, ranById: ctx.userId, asOf: dry.asOf, report: outcome.plan })
    .returning({ id: schema.purgeRuns.id })
  return { ok: true, runId: run!.id, dryRun: false, report: outcome.plan, summary: summarisePurge(outcome.plan) }
}

export interface PurgeRunItem {
  id: string
  dryRun: boolean
  ranAt: string
  ranBy: string | null
  asOf: string
  summary: PurgeSummary
  report: PurgeReport
}

export async function listPurgeRuns(tx: Tx, ability: AppAbility, ctx: TenantContext, limit = 20): Promise<PurgeRunItem[]> {
  if (!canPurge(ability, ctx)) return []
  const ranBy = sql<string | null>`(select u.name from users u where u.id = ${schema.purgeRuns.ranById})`
  const rows = await tx
    .select({ r: schema.purgeRuns, ranBy })
    .from(schema.purgeRuns)
    .where(eq(schema.purgeRuns.stichtingId, ctx.stichtingId))
    .orderBy(desc(schema.purgeRuns.ranAt))
    .limit(limit)
  return rows.map(({ r, ranBy }) => {
    const report = r.report as PurgeReport
    return { id: r.id, dryRun: r.dryRun, ranAt: r.ranAt.toISOString(), ranBy, asOf: r.asOf, summary: summarisePurge(report), report }
  })
}

/** Rows of tx.execute on both drivers (node-postgres returns { rows }, PGlite too). */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[]
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}
