// The calendar as the stichting keeps it (maintained by the stichtingbeheerder): school
// holidays per region and schooljaar, and each school's own days (study days, extra days off).
//
// Two walls: RLS (migration 0011) lets everyone in the stichting read the region rows and their own
// school's rows, and only the stichtingbeheerder write; CASL 'Calendar' (abilities.ts) says the same
// per role, and its conditions are folded into every query here.
import { schema, type TenantContext, type Tx } from '@baken/db'
import { accessibleWhere, record, type AppAbility } from '@baken/permissions'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { calendarDate } from '../input-rules.ts'
import { schooljaarSchema } from '../incidents/overview.ts'
import type { FieldError } from '../incidents/save-incident.ts'
import { schoolYearBounds } from '../dates.ts'
import { isIsoDate } from './calendar-dates.ts'
import { loadSchoolCalendar } from './load-school-calendar.ts'
import { describeSchoolYear, type CalendarEntryKind, type HolidayRegion, type SchoolYearCalendar } from './school-calendar.ts'
import { zodErrors } from '../result.ts'
import { textInput } from '../input-rules.ts'

export const CALENDAR_ENTRY_KIND_LABELS: Record<CalendarEntryKind, string> = {
  schoolvakantie: 'schoolvakantie',
  feestdag: 'feestdag',
  studiedag: 'studiedag',
  vrije_dag: 'vrije dag',
}

/** CASL condition fields for Calendar → columns. */
export const calendarColumns = {
  stichtingId: schema.calendarEntries.stichtingId,
  schoolId: schema.calendarEntries.schoolId,
}

export type CalendarWriteResult = { ok: true; id: string } | { ok: false; status: 400 | 403 | 404; errors: FieldError[] }

const refused = (status: 400 | 403 | 404, path: string, message: string): CalendarWriteResult => ({
  ok: false,
  status,
  errors: [{ path, message }],
})

export interface CalendarEntryItem {
  id: string
  kind: CalendarEntryKind
  name: string
  startsOn: string
  endsOn: string
  schoolYear: string
  region: HolidayRegion | null
  schoolId: string | null
  schoolName: string | null
}

/**
 * The entries of a schooljaar the caller may read, by region or school and date. An entry belongs to
 * the schooljaar it is filed under: the zomervakantie under the schooljaar in which it starts, as the
 * Rijksoverheid lists it.
 */
export async function listCalendarEntries(tx: Tx, ability: AppAbility, input: { schooljaar: string }): Promise<CalendarEntryItem[]> {
  const schooljaar = schooljaarSchema.parse(input.schooljaar)
  const c = schema.calendarEntries
  const rows = await tx
    .select({
      id: c.id,
      kind: c.kind,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      schoolYear: c.schoolYear,
      region: c.region,
      schoolId: c.schoolId,
      schoolName: schema.schools.name,
    })
    .from(c)
    .leftJoin(schema.schools, eq(schema.schools.id, c.schoolId))
    .where(and(eq(c.schoolYear, schooljaar), accessibleWhere(ability, 'read', 'Calendar', calendarColumns)))
    .orderBy(asc(c.region), asc(schema.schools.name), asc(c.startsOn), asc(c.name))
  return rows
}

/** The schooljaren the platform knows (school_years), newest first. */
export async function listSchoolYearNames(tx: Tx): Promise<string[]> {
  const rows = await tx.select({ name: schema.schoolYears.name }).from(schema.schoolYears).orderBy(asc(schema.schoolYears.name))
  return rows.map((r) => r.name).reverse()
}

export interface CalendarSchoolSummary {
  id: string
  name: string
  brin: string
  region: HolidayRegion
  /** The school's own entries in the schooljaar. */
  entries: CalendarEntryItem[]
  /** School days from 1 August to 31 July on the school's calendar. */
  schoolDays: number
  /** No school holiday entered for the school's region in this schooljaar. */
  incomplete: boolean
}

export interface StichtingCalendar {
  schooljaar: string
  /** Per region its entries; `incomplete`: no school holiday entered for the region in this schooljaar. */
  regions: { region: HolidayRegion; entries: CalendarEntryItem[]; incomplete: boolean }[]
  schools: CalendarSchoolSummary[]
}

/** The whole stichting's calendar for a schooljaar: per region and per school (stichting roles). */
export async function getStichtingCalendar(tx: Tx, ability: AppAbility, input: { schooljaar: string }): Promise<StichtingCalendar> {
  const schooljaar = schooljaarSchema.parse(input.schooljaar)
  const entries = await listCalendarEntries(tx, ability, { schooljaar })
  const s = schema.schools
  const schools = await tx
    .select({ id: s.id, name: s.name, brin: s.brin, region: s.holidayRegion, stichtingId: s.stichtingId })
    .from(s)
    .orderBy(asc(s.name))
  const summaries: CalendarSchoolSummary[] = []
  for (const school of schools) {
    if (!ability.can('read', record('Calendar', { stichtingId: school.stichtingId, schoolId: school.id }))) continue
    const calendar = await loadSchoolCalendar(tx, school.id, [schooljaar])
    if (!calendar) continue
    const year = describeSchoolYear(calendar, schooljaar)
    summaries.push({
      id: school.id,
      name: school.name,
      brin: school.brin,
      region: school.region,
      entries: entries.filter((e) => e.schoolId === school.id),
      schoolDays: year.schoolDays,
      incomplete: year.incomplete,
    })
  }
  return {
    schooljaar,
    regions: schema.REGIONS.map((region) => {
      const own = entries.filter((e) => e.schoolId === null && e.region === region)
      return { region, entries: own, incomplete: !own.some((e) => e.kind === 'schoolvakantie') }
    }),
    schools: summaries,
  }
}

export interface SchoolCalendarView extends SchoolYearCalendar {
  school: { id: string; name: string; region: HolidayRegion }
}

/**
 * One school's calendar for a schooljaar, national holidays included, with its number of school days
 * (school staff; read-only). Null when the caller may not read it (another school, no Calendar rule).
 */
export async function getSchoolCalendarView(
  tx: Tx,
  ability: AppAbility,
  schoolId: string,
  input: { schooljaar: string },
): Promise<SchoolCalendarView | null> {
  const schooljaar = schooljaarSchema.parse(input.schooljaar)
  if (!z.uuid().safeParse(schoolId).success) return null
  const s = schema.schools
  const [school] = await tx
    .select({ id: s.id, name: s.name, region: s.holidayRegion, stichtingId: s.stichtingId })
    .from(s)
    .where(eq(s.id, schoolId))
  if (!school || !ability.can('read', record('Calendar', { stichtingId: school.stichtingId, schoolId: school.id }))) return null
  const calendar = await loadSchoolCalendar(tx, school.id, [schooljaar])
  if (!calendar) return null
  return { ...describeSchoolYear(calendar, schooljaar), school: { id: school.id, name: school.name, region: school.region } }
}

/** Until when the zomervakantie filed under a schooljaar may run (Rijksoverheid: it ends by early September). */
const SUMMER_RUNS_UNTIL = '09-15'

const dutchDate = (iso: string) => {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']
  return `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`
}

/**
 * A new entry. The scope is 'regio:noord|midden|zuid' (a school holiday for every school of the
 * region) or 'school:<id>' (one school's day). Both dates lie in the schooljaar; only a schoolvakantie
 * (the zomervakantie) may run on into August and early September.
 */
export const calendarEntryInput = z
  .object({
    schooljaar: schooljaarSchema,
    kind: z.enum(schema.CALENDAR_ENTRY_KINDS, { message: 'Kies de soort: schoolvakantie, feestdag, studiedag of vrije dag' }),
    name: textInput({ message: 'Geef een naam, bijvoorbeeld Herfstvakantie' })
      .trim()
      .min(1, 'Geef een naam, bijvoorbeeld Herfstvakantie')
      .max(120, 'Naam te lang (max. 120 tekens)'),
    startsOn: calendarDate('Begindatum als JJJJ-MM-DD'),
    endsOn: calendarDate('Einddatum als JJJJ-MM-DD'),
    scope: textInput({ message: 'Kies een regio of een school' })
      .regex(/^(regio:(noord|midden|zuid)|school:[^\s]+)$/, 'Kies een regio of een school'),
  })
  .superRefine((v, ctx) => {
    // Refinements may run after continuable issues elsewhere: check only what parsed.
    const bounds = schoolYearBounds(v.schooljaar)
    if (!bounds || !isIsoDate(v.startsOn) || !isIsoDate(v.endsOn)) return
    const period = `${dutchDate(bounds.startsOn)} t/m ${dutchDate(bounds.endsOn)}`
    if (v.startsOn < bounds.startsOn || v.startsOn > bounds.endsOn) {
      ctx.addIssue({ code: 'custom', path: ['startsOn'], message: `De begindatum valt buiten schooljaar ${v.schooljaar} (${period})` })
    }
    if (v.endsOn < v.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'De einddatum ligt vóór de begindatum' })
      return
    }
    const summerEnd = `${bounds.endsOn.slice(0, 4)}-${SUMMER_RUNS_UNTIL}`
    if (v.kind === 'schoolvakantie' ? v.endsOn > summerEnd : v.endsOn > bounds.endsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message:
          `De einddatum valt buiten schooljaar ${v.schooljaar} (${period})` +
          (v.kind === 'schoolvakantie' ? `; alleen de zomervakantie mag doorlopen, tot uiterlijk ${dutchDate(summerEnd)}` : ''),
      })
    }
  })
export type CalendarEntryInput = z.input<typeof calendarEntryInput>



/** Adds an entry to the caller's stichting (stichtingbeheerder). Refusals come back as values. */
export async function createCalendarEntry(tx: Tx, ability: AppAbility, tenant: TenantContext, input: unknown): Promise<CalendarWriteResult> {
  if (!tenant.stichtingId || !ability.can('create', 'Calendar')) {
    return refused(403, 'scope', 'Alleen de stichtingbeheerder onderhoudt de schoolkalender.')
  }
  const parsed = calendarEntryInput.safeParse(input)
  if (!parsed.success) return { ok: false, status: 400, errors: zodErrors(parsed.error) }
  const v = parsed.data
  const [known] = await tx.select({ id: schema.schoolYears.id }).from(schema.schoolYears).where(eq(schema.schoolYears.name, v.schooljaar))
  if (!known) return refused(400, 'schooljaar', `Onbekend schooljaar: ${v.schooljaar}`)

  let region: HolidayRegion | null = null
  let schoolId: string | null = null
  if (v.scope.startsWith('regio:')) {
    region = v.scope.slice('regio:'.length) as HolidayRegion
  } else {
    const id = v.scope.slice('school:'.length)
    const [school] = z.uuid().safeParse(id).success
      ? await tx
          .select({ id: schema.schools.id })
          .from(schema.schools)
          .where(and(eq(schema.schools.id, id), eq(schema.schools.stichtingId, tenant.stichtingId)))
      : []
    if (!school) return refused(400, 'scope', 'Onbekende school: kies een school van de stichting')
    schoolId = school.id
  }
  if (!ability.can('create', record('Calendar', { stichtingId: tenant.stichtingId, schoolId }))) {
    return refused(403, 'scope', 'Geen toegang tot de kalender van deze school.')
  }
  const [row] = await tx
    .insert(schema.calendarEntries)
    .values({
      stichtingId: tenant.stichtingId,
      schoolId,
      region,
      schoolYear: v.schooljaar,
      kind: v.kind,
      name: v.name,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      createdById: tenant.userId,
    })
    .returning({ id: schema.calendarEntries.id })
  return { ok: true, id: row!.id }
}

/** Deletes an entry of the caller's stichting (stichtingbeheerder); 404 for anything it cannot delete. */
export async function deleteCalendarEntry(tx: Tx, ability: AppAbility, id: string): Promise<CalendarWriteResult> {
  if (!ability.can('delete', 'Calendar')) return refused(403, 'id', 'Alleen de stichtingbeheerder onderhoudt de schoolkalender.')
  if (!z.uuid().safeParse(id).success) return refused(404, 'id', 'Niet gevonden')
  const c = schema.calendarEntries
  const deleted = await tx
    .delete(c)
    .where(and(eq(c.id, id), accessibleWhere(ability, 'delete', 'Calendar', calendarColumns)))
    .returning({ id: c.id })
  if (deleted.length === 0) return refused(404, 'id', 'Niet gevonden')
  return { ok: true, id: deleted[0]!.id }
}

