// The yearly overview of a school (the school safety protocol's Bijlage 2: naam, datum, groep, incident, sanctie) and the
// RI&E analysis of the same schooljaar (1 August – 31 July). Both read only submitted incidents the
// caller may read: RLS hides other schools and confidential cases from roles that may not see them,
// incidentWhere(ability, 'read') applies the role's own conditions on top.
import { schema, type Tx } from '@baken/db'
import { accessibleWhere, ForbiddenError, record, type AppAbility } from '@baken/permissions'
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { z } from 'zod'
import { displayName, studentNameColumns } from '../students.ts'
import { localDate } from '../dates.ts'
import { IRIS_CODES, irisLabel } from './iris.ts'
import { incidentWhere } from './incident-record.ts'
import { SEVERITIES, SEVERITY_LABELS, type PersonRole, type Severity } from './severity.ts'
import { textInput } from '../input-rules.ts'

// The CSV and XLSX writers, exported with the use cases they serve.
export * from './overview-export.ts'

const SCHOOLJAAR_EXAMPLE = 'bijvoorbeeld 2025-2026'

/** A schooljaar as '2025-2026': two consecutive years. */
export const schooljaarSchema = textInput({ message: `Kies een schooljaar, ${SCHOOLJAAR_EXAMPLE}` })
  .trim()
  // abort: a malformed value gets one message, not also the one about consecutive years.
  .regex(/^\d{4}-\d{4}$/, { message: `Schrijf het schooljaar als twee jaartallen met een streepje, ${SCHOOLJAAR_EXAMPLE}`, abort: true })
  .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, `Een schooljaar loopt over twee opeenvolgende jaren, ${SCHOOLJAAR_EXAMPLE}`)

export const overviewInput = z.object({ schooljaar: schooljaarSchema })
export type OverviewInput = z.input<typeof overviewInput>

export interface OverviewSchool {
  id: string
  name: string
  brin: string
}

/** One pupil's involvement in one incident: a line of Bijlage 2. */
export interface YearlyOverviewRow {
  incidentId: string
  studentId: string
  naam: string
  /** The Dutch calendar date of the incident, YYYY-MM-DD. */
  datum: string
  occurredAt: Date
  /** The pupil's group when the incident happened. */
  groep: string | null
  rol: PersonRole
  /** The IRIS voorval labels, joined. */
  incident: string
  ernst: Severity
  /** The IRIS afhandeling labels of group 'schoolmaatregel', joined (measures will add to this). */
  sanctie: string
  vertrouwelijk: boolean
}

export interface CountItem<K> {
  key: K
  label: string
  count: number
}

export interface RieAnalysis {
  /** Submitted incidents of the schooljaar the caller may read. */
  total: number
  /** Per IRIS voorval type; an incident with two types counts for both. Most frequent first. */
  perType: CountItem<number>[]
  /** Per IRIS locatie; `key: null` for incidents without a location. Most frequent first. */
  perLocation: CountItem<number | null>[]
  /** August to July, every month present. */
  perMonth: CountItem<number>[]
  /** ISO weekday 1 (maandag) to 7 (zondag), every day present. */
  perWeekday: CountItem<number>[]
  /** Hour 0–23 (Europe/Amsterdam), every hour present. */
  perHour: CountItem<number>[]
  perSeverity: CountItem<Severity>[]
}

const SCHOOLMAATREGEL = new Set(IRIS_CODES.filter((c) => c.list === 'afhandeling' && c.group === 'schoolmaatregel').map((c) => c.code))

/** Month numbers in schooljaar order: August … July. */
export const SCHOOLJAAR_MONTHS = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7] as const
export const MONTH_LABELS: Record<number, string> = {
  1: 'januari',
  2: 'februari',
  3: 'maart',
  4: 'april',
  5: 'mei',
  6: 'juni',
  7: 'juli',
  8: 'augustus',
  9: 'september',
  10: 'oktober',
  11: 'november',
  12: 'december',
}
export const WEEKDAY_LABELS: Record<number, string> = { 1: 'ma', 2: 'di', 3: 'wo', 4: 'do', 5: 'vr', 6: 'za', 7: 'zo' }

function assertMayRead(ability: AppAbility) {
  if (!ability.can('read', 'Overview')) throw new ForbiddenError('read', 'Overview')
}

/** The submitted incidents of the schooljaar the caller may read. */
function yearWhere(ability: AppAbility, schooljaar: string) {
  return and(incidentWhere(ability, 'read'), eq(schema.incidents.schoolYear, schooljaar), eq(schema.incidents.status, 'submitted'))
}

/** The school whose overview the caller may read; null (answered as 404) for any other id. */
export async function getOverviewSchool(tx: Tx, ability: AppAbility, schoolId: string): Promise<OverviewSchool | null> {
  if (!z.uuid().safeParse(schoolId).success) return null
  if (!ability.can('read', record('Overview', { schoolId }))) return null
  const s = schema.schools
  const [row] = await tx
    .select({ id: s.id, name: s.name, brin: s.brin })
    .from(s)
    .where(and(eq(s.id, schoolId), accessibleWhere(ability, 'read', 'School', { id: s.id, stichtingId: s.stichtingId })))
  return row ?? null
}

/** The schooljaren that have submitted incidents the caller may read, newest first. */
export async function listOverviewYears(tx: Tx, ability: AppAbility): Promise<string[]> {
  assertMayRead(ability)
  const i = schema.incidents
  const rows = await tx
    .selectDistinct({ year: i.schoolYear })
    .from(i)
    .where(and(incidentWhere(ability, 'read'), eq(i.status, 'submitted')))
    .orderBy(desc(i.schoolYear))
  return rows.map((r) => r.year)
}

/** Bijlage 2: one row per pupil involved in a submitted incident of the schooljaar, by date. */
export async function getYearlyOverview(tx: Tx, ability: AppAbility, raw: OverviewInput): Promise<YearlyOverviewRow[]> {
  assertMayRead(ability)
  const { schooljaar } = overviewInput.parse(raw)
  const i = schema.incidents
  const p = schema.incidentPersons
  const c = schema.incidentCodes
  const where = yearWhere(ability, schooljaar)
  const [persons, codes] = await Promise.all([
    tx
      .select({
        incidentId: i.id,
        occurredAt: i.occurredAt,
        severity: i.severity,
        confidential: i.confidential,
        studentId: p.studentId,
        role: p.role,
        ...studentNameColumns,
        groupName: schema.groups.name,
      })
      .from(p)
      .innerJoin(i, eq(i.id, p.incidentId))
      .innerJoin(schema.students, eq(schema.students.id, p.studentId))
      .leftJoin(schema.groups, eq(schema.groups.id, p.groupId))
      .where(and(where, eq(p.kind, 'leerling')))
      .orderBy(asc(i.occurredAt), asc(i.id), asc(p.position)),
    // The codes of the same incidents, in one query (no id list: a school may have thousands).
    tx
      .select({ incidentId: c.incidentId, list: c.list, code: c.code })
      .from(c)
      .innerJoin(i, eq(i.id, c.incidentId))
      .where(and(where, inArray(c.list, ['voorval', 'afhandeling'])))
      .orderBy(asc(c.code)),
  ])
  const types = new Map<string, string[]>()
  const measures = new Map<string, string[]>()
  for (const code of codes) {
    if (code.list === 'voorval') push(types, code.incidentId, irisLabel('voorval', code.code) ?? `code ${code.code}`)
    else if (SCHOOLMAATREGEL.has(code.code)) push(measures, code.incidentId, irisLabel('afhandeling', code.code)!)
  }
  return persons.map((r) => ({
    incidentId: r.incidentId,
    studentId: r.studentId!,
    naam: displayName({ firstName: r.firstName, infix: r.infix, lastName: r.lastName }),
    datum: localDate(r.occurredAt),
    occurredAt: r.occurredAt,
    groep: r.groupName,
    rol: r.role,
    incident: (types.get(r.incidentId) ?? []).join(', '),
    ernst: r.severity,
    sanctie: (measures.get(r.incidentId) ?? []).join(', '),
    vertrouwelijk: r.confidential,
  }))
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

// Dutch local time; a literal in the SQL text (not a parameter) so the select list and the
// GROUP BY carry the same expression.
const local = sql.raw(`'Europe/Amsterdam'`)

/**
 * Counts for the RI&E (risico-inventarisatie en -evaluatie): per type, location, month, weekday, hour
 * and severity. Computed in SQL — one pass with GROUPING SETS over the incidents, one GROUP BY over
 * their voorval codes — so it stays fast for a school with thousands of incidents.
 */
export async function getRieAnalysis(tx: Tx, ability: AppAbility, raw: OverviewInput): Promise<RieAnalysis> {
  assertMayRead(ability)
  const { schooljaar } = overviewInput.parse(raw)
  const i = schema.incidents
  const c = schema.incidentCodes
  const where = yearWhere(ability, schooljaar)
  const base = tx
    .select({
      month: sql<number>`date_part('month', ${i.occurredAt} at time zone ${local})::int`.as('month'),
      weekday: sql<number>`date_part('isodow', ${i.occurredAt} at time zone ${local})::int`.as('weekday'),
      hour: sql<number>`date_part('hour', ${i.occurredAt} at time zone ${local})::int`.as('hour'),
      severity: sql<Severity>`${i.severity}`.as('severity'),
      location: sql<number | null>`${i.locationCode}`.as('location'),
    })
    .from(i)
    .where(where)
    .as('b')
  const [grouped, types] = await Promise.all([
    tx
      .select({
        // Bit set = column not part of this grouping set (Postgres GROUPING()).
        set: sql<number>`grouping(${base.month}, ${base.weekday}, ${base.hour}, ${base.severity}, ${base.location})::int`,
        month: base.month,
        weekday: base.weekday,
        hour: base.hour,
        severity: base.severity,
        location: base.location,
        n: sql<number>`count(*)::int`,
      })
      .from(base)
      .groupBy(sql`grouping sets ((${base.month}), (${base.weekday}), (${base.hour}), (${base.severity}), (${base.location}), ())`),
    tx
      .select({ code: c.code, n: sql<number>`count(*)::int` })
      .from(c)
      .innerJoin(i, eq(i.id, c.incidentId))
      .where(and(where, eq(c.list, 'voorval')))
      .groupBy(c.code),
  ])
  // GROUPING(month, weekday, hour, severity, location): the one column grouped has its bit clear.
  const ONLY = { month: 0b01111, weekday: 0b10111, hour: 0b11011, severity: 0b11101, location: 0b11110, total: 0b11111 }
  const of = (set: number) => grouped.filter((g) => Number(g.set) === set)
  const countBy = <K>(set: number, key: (g: (typeof grouped)[number]) => K) => new Map(of(set).map((g) => [key(g), Number(g.n)]))
  const months = countBy(ONLY.month, (g) => Number(g.month))
  const weekdays = countBy(ONLY.weekday, (g) => Number(g.weekday))
  const hours = countBy(ONLY.hour, (g) => Number(g.hour))
  const severities = countBy(ONLY.severity, (g) => g.severity)
  const byCount = <K>(a: CountItem<K>, b: CountItem<K>) => b.count - a.count || a.label.localeCompare(b.label, 'nl')
  return {
    total: Number(of(ONLY.total)[0]?.n ?? 0),
    perType: types
      .map((t) => ({ key: t.code, label: irisLabel('voorval', t.code) ?? `code ${t.code}`, count: Number(t.n) }))
      .sort(byCount),
    perLocation: of(ONLY.location)
      .map((g) => {
        const key = g.location === null ? null : Number(g.location)
        return { key, label: key === null ? 'onbekend' : (irisLabel('locatie', key) ?? `code ${key}`), count: Number(g.n) }
      })
      .sort(byCount),
    perMonth: SCHOOLJAAR_MONTHS.map((m) => ({ key: m, label: MONTH_LABELS[m]!, count: months.get(m) ?? 0 })),
    perWeekday: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ key: d, label: WEEKDAY_LABELS[d]!, count: weekdays.get(d) ?? 0 })),
    perHour: Array.from({ length: 24 }, (_, h) => ({ key: h, label: `${String(h).padStart(2, '0')}:00`, count: hours.get(h) ?? 0 })),
    perSeverity: SEVERITIES.map((s) => ({ key: s, label: SEVERITY_LABELS[s], count: severities.get(s) ?? 0 })),
  }
}
