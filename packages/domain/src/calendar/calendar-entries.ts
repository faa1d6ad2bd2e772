// The calendar as the stichting keeps it (maintained by the stichtingbeheerder): school
// holidays per region and schooljaar, and each school's own days (study days, extra days off).
//
// Two walls: RLS (migration 0011) lets everyone in the stichting read the region rows and their own
// school's rows, and only the stichtingbeheerder write; CASL 'Calendar' (abilities.ts) says the same
// per role, and its conditions are folded into every query here.
import { schema, type Tx } from '@baken/db'
import { accessibleWhere, type AppAbility } from '@baken/permissions'
import { and, asc, eq } from 'drizzle-orm'
import { schooljaarSchema } from '../incidents/overview.ts'
import type { CalendarEntryKind, HolidayRegion } from './school-calendar.ts'

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

/** The message for a role that does not keep the calendar. */
export const CALENDAR_KEEPER_ONLY = 'Alleen de stichtingbeheerder onderhoudt de schoolkalender.'

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

/** An entry's own columns: what it is, when, and the region or school it applies to. */
export const calendarEntryColumns = {
  id: schema.calendarEntries.id,
  kind: schema.calendarEntries.kind,
  name: schema.calendarEntries.name,
  startsOn: schema.calendarEntries.startsOn,
  endsOn: schema.calendarEntries.endsOn,
  schoolYear: schema.calendarEntries.schoolYear,
  region: schema.calendarEntries.region,
  schoolId: schema.calendarEntries.schoolId,
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
      ...calendarEntryColumns,
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
