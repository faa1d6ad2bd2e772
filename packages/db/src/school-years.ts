// School years are shared reference data (ADR 023): one row per schooljaar (1 August – 31 July) for
// every tenant. The demo seed makes its own; a production database starts empty, and groups,
// overviews and the school calendar need the current one. So every start makes sure the previous,
// the current and the next schooljaar exist (the next one so groups can be prepared before
// 1 August). Existing rows are left as they are.
import type { Database } from './client.ts'
import { schoolYearOfDate } from './calendar/calendar-dates.ts'
import { localDate } from './calendar/dutch-date.ts'
import { schoolYears } from './schema.ts'

/** The schooljaren a running installation needs around `now` (Dutch local date): previous, current, next. */
export function schoolYearsAround(now: Date): { name: string; startsOn: string; endsOn: string }[] {
  const first = Number(schoolYearOfDate(localDate(now)).slice(0, 4))
  return [first - 1, first, first + 1].map((y) => ({ name: `${y}-${y + 1}`, startsOn: `${y}-08-01`, endsOn: `${y + 1}-07-31` }))
}

/** Inserts the missing ones (as the migration owner); answers the names it added. */
export async function ensureSchoolYears(db: Database, now: Date = new Date()): Promise<string[]> {
  const added = await db
    .insert(schoolYears)
    .values(schoolYearsAround(now))
    .onConflictDoNothing({ target: schoolYears.name })
    .returning({ name: schoolYears.name })
  return added.map((r) => r.name).sort()
}

