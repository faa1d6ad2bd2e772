// Loads the school calendar of one school through the tenant wall: the school (RLS: one's own school,
// or one's stichting's schools) and its calendar entries (RLS, migration 0011: everyone in the
// stichting reads the region rows and their own school's rows).
import { schema, type Tx } from '@baken/db'
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm'
import { z } from 'zod'
import { schoolYearBounds } from '../dates.ts'
import { calendarEntryColumns } from './calendar-entries.ts'
import { buildSchoolCalendar, type SchoolCalendar } from './school-calendar.ts'

/**
 * The calendar of a school for the given schooljaren ('2026-2027', …), or null when the caller cannot
 * see the school. Entries are read by date, not by their school_year label, so the zomervakantie that
 * starts in July and runs into August counts in both schooljaren. Dates outside the schooljaren throw
 * OutsideCalendarError: load the next schooljaar too when a period may run past 31 July.
 */
export async function loadSchoolCalendar(tx: Tx, schoolId: string, years: readonly string[]): Promise<SchoolCalendar | null> {
  const schoolYears = [...new Set(years)].sort()
  if (schoolYears.length === 0) throw new RangeError('loadSchoolCalendar needs at least one schooljaar')
  const bounds = schoolYears.map((y) => {
    const b = schoolYearBounds(y)
    if (!b) throw new RangeError(`Not a schooljaar: ${y}`)
    return b
  })
  if (!z.uuid().safeParse(schoolId).success) return null
  const s = schema.schools
  const [school] = await tx.select({ id: s.id, stichtingId: s.stichtingId, region: s.holidayRegion }).from(s).where(eq(s.id, schoolId))
  if (!school) return null

  const c = schema.calendarEntries
  const rows = await tx
    .select(calendarEntryColumns)
    .from(c)
    .where(
      and(
        eq(c.stichtingId, school.stichtingId),
        lte(c.startsOn, bounds.at(-1)!.endsOn),
        gte(c.endsOn, bounds[0]!.startsOn),
        or(and(isNull(c.schoolId), eq(c.region, school.region)), eq(c.schoolId, school.id)),
      ),
    )
  // A schooljaar without any school holiday for the region has not been entered yet: warn, do not guess.
  const incompleteYears = schoolYears.filter(
    (y) => !rows.some((r) => r.schoolId === null && r.kind === 'schoolvakantie' && r.schoolYear === y),
  )
  return buildSchoolCalendar({ region: school.region, schoolId: school.id, entries: rows, schoolYears, incompleteYears })
}
