// The bevoegd gezag's mandate to a school's directeur to decide schorsingen (Awb art. 10:1–10:3).
// The bestuurder grants it per school by mandaatbesluit, in writing, with the longest schorsing the
// directeur may decide (1 up to the sector maximum) and the day it starts; he may withdraw it at any
// time (Awb art. 10:8). Every grant and withdrawal is a new version (school_mandates, append-only);
// the school's mandate is its latest version. The decision stays a decision of the bevoegd gezag
// (Awb art. 10:2), and the letter says it was taken under mandate. Nobody decides on an objection to
// a decision they took under mandate (Awb art. 10:3 lid 3; bezwaar.ts).
import { schema, type Sector, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, desc, eq, sql } from 'drizzle-orm'
import { refuse, type Refused } from '../use-case.ts'
import { ruleOf, ruleSetFor } from './rule-lookups.ts'
import type { RuleView } from './rule-model.ts'

export type MandateRow = typeof schema.schoolMandates.$inferSelect

export interface MandateVersion {
  id: string
  version: number
  action: 'verleend' | 'ingetrokken'
  maxSchoolDays: number | null
  startsOn: string | null
  besluitOn: string
  byName: string | null
  at: string
}

export interface SchoolMandates {
  schoolId: string
  schoolName: string
  sector: Sector
  /** The sector's maximum schorsing, the most a mandate can cover. */
  sectorMax: number
  /** The mandate in force or starting later; null when none was granted or the last was withdrawn. */
  current: MandateVersion | null
  /** Every version, newest first. */
  history: MandateVersion[]
}

export interface MandatesView {
  rule: RuleView
  mayManage: boolean
  items: SchoolMandates[]
}

export const sectorMaxOf = (sector: Sector, onDate: string) => ruleOf(ruleSetFor(sector, onDate), 'schorsing.maxSchooldagen').value as number

/** The school's latest mandate version, or null. RLS shows it to its staff and to the stichting's board. */
export async function latestMandate(tx: Tx, schoolId: string): Promise<MandateRow | null> {
  const [row] = await tx
    .select()
    .from(schema.schoolMandates)
    .where(eq(schema.schoolMandates.schoolId, schoolId))
    .orderBy(desc(schema.schoolMandates.version))
    .limit(1)
  return row ?? null
}

export type MandateCheck = { ok: true; mandate: MandateRow } | { ok: false; message: string }

/**
 * Whether the school's directeur may decide this schorsing today under the school's mandate: one is
 * in force (granted, not withdrawn, started) and the schorsing is not longer than it allows.
 */
export async function mandateForSchorsing(tx: Tx, m: { schoolId: string; kind: string; schoolDays: number | null }, today: string): Promise<MandateCheck> {
  const board = 'Dit besluit is aan het bevoegd gezag'
  if (m.kind !== 'schorsing') return { ok: false, message: `${board}: een mandaat van de directeur geldt alleen voor schorsingen.` }
  const mandate = await latestMandate(tx, m.schoolId)
  if (!mandate || mandate.action !== 'verleend') {
    return { ok: false, message: `${board}: de stichting heeft de directeur van deze school geen mandaat gegeven om te schorsen (Awb art. 10:1).` }
  }
  if (mandate.startsOn! > today) {
    return { ok: false, message: `${board}: het mandaat van de directeur gaat in op ${mandate.startsOn}.` }
  }
  if ((m.schoolDays ?? 0) > mandate.maxSchoolDays!) {
    return {
      ok: false,
      message: `${board}: het mandaat van de directeur (besluit van ${mandate.besluitOn}) geldt voor een schorsing van ten hoogste ${mandate.maxSchoolDays} schooldagen; deze duurt ${m.schoolDays}.`,
    }
  }
  return { ok: true, mandate }
}

/** The mandate version a decision was taken under, for its letter and page. */
export async function mandateById(tx: Tx, id: string | null): Promise<MandateRow | null> {
  if (!id) return null
  const [row] = await tx.select().from(schema.schoolMandates).where(eq(schema.schoolMandates.id, id))
  return row ?? null
}

/**
 * The school of the caller's stichting whose mandate the caller grants or withdraws; refused for
 * whoever does not manage its mandates, not found for a school of no stichting of theirs.
 */
export async function schoolToMandate(tx: Tx, ability: AppAbility, ctx: TenantContext, schoolId: string): Promise<{ id: string; sector: Sector; stichtingId: string } | Refused> {
  if (!ctx.stichtingId || !ability.can('manage', record('Mandate', { stichtingId: ctx.stichtingId }))) return refuse('forbidden', '', ONLY_BOARD_MANDATES)
  const [school] = await tx
    .select({ id: schema.schools.id, sector: schema.schools.sector, stichtingId: schema.schools.stichtingId })
    .from(schema.schools)
    .where(and(eq(schema.schools.id, schoolId), eq(schema.schools.stichtingId, ctx.stichtingId)))
  return school ?? refuse('not_found', 'schoolId', 'School niet gevonden.')
}

/** Appends a version; a lock per school makes two changes at once take consecutive versions. */
export async function appendMandateVersion(tx: Tx, ctx: TenantContext, schoolId: string, values: Pick<MandateRow, 'action' | 'maxSchoolDays' | 'startsOn' | 'besluitOn'>): Promise<MandateVersion> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`baken:mandate:${schoolId}`}, 0))`)
  const latest = await latestMandate(tx, schoolId)
  const [row] = await tx
    .insert(schema.schoolMandates)
    .values({ stichtingId: ctx.stichtingId!, schoolId, version: (latest?.version ?? 0) + 1, ...values, createdById: ctx.userId })
    .returning()
  const [user] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, ctx.userId))
  return {
    id: row!.id,
    version: row!.version,
    action: row!.action,
    maxSchoolDays: row!.maxSchoolDays,
    startsOn: row!.startsOn,
    besluitOn: row!.besluitOn,
    byName: user?.name ?? null,
    at: row!.createdAt.toISOString(),
  }
}

/** Who grants and withdraws a mandate. */
export const ONLY_BOARD_MANDATES = 'Alleen het bevoegd gezag (de bestuurder) verleent of trekt een mandaat in (Awb art. 10:1).'
