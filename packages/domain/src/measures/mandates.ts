// The bevoegd gezag's mandate to a school's directeur to decide schorsingen (Awb art. 10:1–10:3).
// The bestuurder grants it per school by mandaatbesluit, in writing, with the longest schorsing the
// directeur may decide (1 up to the sector maximum) and the day it starts; he may withdraw it at any
// time (Awb art. 10:8). Every grant and withdrawal is a new version (school_mandates, append-only);
// the school's mandate is its latest version. The decision stays a decision of the bevoegd gezag
// (Awb art. 10:2), and the letter says it was taken under mandate. Nobody decides on an objection to
// a decision they took under mandate (Awb art. 10:3 lid 3; bezwaar.ts).
import { schema, type Sector, type TenantContext, type Tx } from '@baken/db'
import { record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { refusal as refuse, zodRefusal, type Refusal } from '../result.ts'
import { ruleOf, ruleSetFor } from './rule-lookups.ts'
import { ruleView, type RuleView } from './rule-model.ts'

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

const sectorMaxOf = (sector: Sector, onDate: string) => ruleOf(ruleSetFor(sector, onDate), 'schorsing.maxSchooldagen').value as number

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
export async function mandateForSchorsing(tx: Tx, m: { schoolId: string; kind: string; schoolDays: number | null }, today: string = localDate(new Date())): Promise<MandateCheck> {
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

/** Every school of the stichting with its mandate and the history of versions. */
export async function getMandates(tx: Tx, ability: AppAbility, ctx: TenantContext, today: string = localDate(new Date())): Promise<MandatesView | null> {
  if (!ctx.stichtingId || !ability.can('read', record('Mandate', { stichtingId: ctx.stichtingId }))) return null
  const [schools, rows] = await Promise.all([
    tx
      .select({ id: schema.schools.id, name: schema.schools.name, sector: schema.schools.sector })
      .from(schema.schools)
      .where(eq(schema.schools.stichtingId, ctx.stichtingId))
      .orderBy(asc(schema.schools.name)),
    tx
      .select({ m: schema.schoolMandates, byName: schema.users.name })
      .from(schema.schoolMandates)
      .leftJoin(schema.users, eq(schema.users.id, schema.schoolMandates.createdById))
      .where(eq(schema.schoolMandates.stichtingId, ctx.stichtingId))
      .orderBy(desc(schema.schoolMandates.version)),
  ])
  const view = (r: (typeof rows)[number]): MandateVersion => ({
    id: r.m.id,
    version: r.m.version,
    action: r.m.action,
    maxSchoolDays: r.m.maxSchoolDays,
    startsOn: r.m.startsOn,
    besluitOn: r.m.besluitOn,
    byName: r.byName,
    at: r.m.createdAt.toISOString(),
  })
  return {
    rule: ruleView(ruleOf(ruleSetFor('po', today), 'schorsing.mandaat')),
    mayManage: ability.can('manage', record('Mandate', { stichtingId: ctx.stichtingId })),
    items: schools.map((s) => {
      const history = rows.filter((r) => r.m.schoolId === s.id).map(view)
      const latest = history[0]
      return {
        schoolId: s.id,
        schoolName: s.name,
        sector: s.sector,
        sectorMax: sectorMaxOf(s.sector, today),
        current: latest?.action === 'verleend' ? latest : null,
        history,
      }
    }),
  }
}

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

export const grantMandateInput = z.strictObject({
  schoolId: z.uuid('Kies een school van de stichting'),
  maxSchoolDays: z.coerce.number({ message: 'Geef het aantal schooldagen' }).int('Een heel aantal schooldagen').min(1, 'Een mandaat geldt voor minstens 1 schooldag'),
  startsOn: isoDate,
  besluitOn: isoDate,
})

export const withdrawMandateInput = z.strictObject({
  schoolId: z.uuid('Kies een school van de stichting'),
  /** The date of the decision to withdraw; today when not given. */
  besluitOn: isoDate.optional(),
})

export type MandateResult = { ok: true; mandate: MandateVersion } | Refusal

async function schoolOfStichting(tx: Tx, ctx: TenantContext, schoolId: string) {
  const [school] = await tx
    .select({ id: schema.schools.id, sector: schema.schools.sector, stichtingId: schema.schools.stichtingId })
    .from(schema.schools)
    .where(and(eq(schema.schools.id, schoolId), eq(schema.schools.stichtingId, ctx.stichtingId!)))
  return school ?? null
}

/** Appends a version; a lock per school makes two changes at once take consecutive versions. */
async function appendVersion(tx: Tx, ctx: TenantContext, schoolId: string, values: Pick<MandateRow, 'action' | 'maxSchoolDays' | 'startsOn' | 'besluitOn'>): Promise<MandateVersion> {
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

const onlyBoard = 'Alleen het bevoegd gezag (de bestuurder) verleent of trekt een mandaat in (Awb art. 10:1).'

/** Grants (or changes: a new version) the mandate of a school's directeur for schorsingen. */
export async function grantMandate(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown, today: string = localDate(new Date())): Promise<MandateResult> {
  if (!ctx.stichtingId || !ability.can('manage', record('Mandate', { stichtingId: ctx.stichtingId }))) return refuse(403, '', onlyBoard)
  const parsed = grantMandateInput.safeParse(raw)
  if (!parsed.success) return zodRefusal(parsed.error)
  const input = parsed.data
  const school = await schoolOfStichting(tx, ctx, input.schoolId)
  if (!school) return refuse(404, 'schoolId', 'School niet gevonden.')
  const max = sectorMaxOf(school.sector, today)
  if (input.maxSchoolDays > max) {
    const rule = ruleOf(ruleSetFor(school.sector, today), 'schorsing.maxSchooldagen')
    return refuse(400, 'maxSchoolDays', `Een schorsing duurt ten hoogste ${max} schooldagen (${rule.source}); een mandaat kan niet verder gaan.`)
  }
  if (input.besluitOn > today) return refuse(400, 'besluitOn', 'Het mandaatbesluit ligt in de toekomst; leg het vast als het is genomen.')
  // Awb art. 10:1: the mandate exists from the besluit on; it cannot work before it.
  if (input.startsOn < input.besluitOn) return refuse(400, 'startsOn', 'Het mandaat kan niet ingaan vóór de datum van het mandaatbesluit.')
  const mandate = await appendVersion(tx, ctx, school.id, { action: 'verleend', maxSchoolDays: input.maxSchoolDays, startsOn: input.startsOn, besluitOn: input.besluitOn })
  return { ok: true, mandate }
}

/** Withdraws the school's mandate (Awb art. 10:8): a new version; decisions taken under it stand. */
export async function withdrawMandate(tx: Tx, ability: AppAbility, ctx: TenantContext, raw: unknown, today: string = localDate(new Date())): Promise<MandateResult> {
  if (!ctx.stichtingId || !ability.can('manage', record('Mandate', { stichtingId: ctx.stichtingId }))) return refuse(403, '', onlyBoard)
  const parsed = withdrawMandateInput.safeParse(raw)
  if (!parsed.success) return zodRefusal(parsed.error)
  const school = await schoolOfStichting(tx, ctx, parsed.data.schoolId)
  if (!school) return refuse(404, 'schoolId', 'School niet gevonden.')
  const besluitOn = parsed.data.besluitOn ?? today
  if (besluitOn > today) return refuse(400, 'besluitOn', 'Het besluit tot intrekking ligt in de toekomst.')
  const latest = await latestMandate(tx, school.id)
  if (!latest || latest.action !== 'verleend') return refuse(409, 'schoolId', 'Deze school heeft geen mandaat om in te trekken.')
  if (besluitOn < latest.besluitOn) return refuse(400, 'besluitOn', 'De intrekking kan niet vóór het mandaatbesluit liggen.')
  const mandate = await appendVersion(tx, ctx, school.id, { action: 'ingetrokken', maxSchoolDays: null, startsOn: null, besluitOn })
  return { ok: true, mandate }
}
