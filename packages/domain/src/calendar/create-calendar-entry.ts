// The stichtingbeheerder adds a day or period to the stichting's calendar: a school holiday for
// every school of a region, or one school's own day.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { schoolYearBounds } from '../dates.ts'
import { schooljaarSchema } from '../incidents/overview.ts'
import { calendarDate, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { isIsoDate } from './calendar-dates.ts'
import { CALENDAR_KEEPER_ONLY } from './calendar-entries.ts'
import type { HolidayRegion } from './school-calendar.ts'

/** Until when the zomervakantie filed under a schooljaar may run (Rijksoverheid: it ends by early September). */
const SUMMER_RUNS_UNTIL = '09-15'

/** '1 augustus 2026': the date written out, as the calendar's messages quote the schooljaar. */
const writtenDate = (iso: string) => {
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
      .max(100, 'Kies een regio of een school')
      .regex(/^(regio:(noord|midden|zuid)|school:[^\s]+)$/, 'Kies een regio of een school'),
  })
  .superRefine((v, ctx) => {
    // Refinements may run after continuable issues elsewhere: check only what parsed.
    const bounds = schoolYearBounds(v.schooljaar)
    if (!bounds || !isIsoDate(v.startsOn) || !isIsoDate(v.endsOn)) return
    const period = `${writtenDate(bounds.startsOn)} t/m ${writtenDate(bounds.endsOn)}`
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
          (v.kind === 'schoolvakantie' ? `; alleen de zomervakantie mag doorlopen, tot uiterlijk ${writtenDate(summerEnd)}` : ''),
      })
    }
  })
export type CalendarEntryInput = z.input<typeof calendarEntryInput>

export const createCalendarEntry = defineUseCase({
  name: 'calendar/create-calendar-entry',
  input: calendarEntryInput,
  permission: ['create', 'Calendar'],
  forbidden: CALENDAR_KEEPER_ONLY,
  async run(tx, { ability, tenant }, v) {
    if (!tenant.stichtingId) return refuse('forbidden', 'scope', CALENDAR_KEEPER_ONLY)
    const [known] = await tx.select({ id: schema.schoolYears.id }).from(schema.schoolYears).where(eq(schema.schoolYears.name, v.schooljaar))
    if (!known) return refuse('invalid', 'schooljaar', `Onbekend schooljaar: ${v.schooljaar}`)

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
      if (!school) return refuse('invalid', 'scope', 'Onbekende school: kies een school van de stichting')
      schoolId = school.id
    }
    if (!ability.can('create', record('Calendar', { stichtingId: tenant.stichtingId, schoolId }))) {
      return refuse('forbidden', 'scope', 'Geen toegang tot de kalender van deze school.')
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
    return { ok: true as const, id: row!.id }
  },
})
