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
//
// The use cases: dry-run-purge.ts, run-purge.ts, list-purge-runs.ts.
import type { TenantContext } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'

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
  /** The parents' portal (0069): items released about the pupil, "voor gezien" on the pupil's measures. */
  portalItems: string[]
  measureAcknowledgements: string[]
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
  portalItems: number
  measureAcknowledgements: number
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
    portalItems: distinct(d.map((e) => e.portalItems)),
    measureAcknowledgements: distinct(d.map((e) => e.measureAcknowledgements)),
    studentsDeleted: r.administratie.length,
    sharedItemsDeleted: distinct(r.gedeeldeGegevens.map((g) => g.items)),
    heldStudents: r.heldStudents.length,
    accessLogRowsPastRetention: r.toegangslog.rowsPastRetention,
  }
  return { ...s, anythingDue: s.dossierStudents + s.studentsDeleted + s.sharedItemsDeleted > 0 }
}

/**
 * Who purges: the stichting's own side with `manage Retention` (the privacyfunctionaris alone, in
 * the abilities); never a school's account. The SQL functions check the same again.
 */
export function canPurge(ability: AppAbility, ctx: TenantContext): ctx is TenantContext & { stichtingId: string } {
  return ctx.schoolId === null && ctx.stichtingId !== null && ability.can('manage', record('Retention', { stichtingId: ctx.stichtingId }))
}

export const PURGE_FORBIDDEN = 'Alleen de privacyfunctionaris van de stichting voert de opschoning uit.'

