// The bestuurder grants (or changes: a new version) the mandate of a school's directeur to decide
// schorsingen (Awb art. 10:1), by mandaatbesluit, up to the sector maximum.
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { appendMandateVersion, schoolToMandate, sectorMaxOf } from './mandates.ts'
import { ruleOf, ruleSetFor } from './rule-lookups.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

export const grantMandate = defineUseCase({
  name: 'measures/grant-mandate',
  input: z.strictObject({
    schoolId: z.uuid('Kies een school van de stichting'),
    maxSchoolDays: z.coerce.number({ message: 'Geef het aantal schooldagen' }).int('Een heel aantal schooldagen').min(1, 'Een mandaat geldt voor minstens 1 schooldag'),
    startsOn: isoDate,
    besluitOn: isoDate,
  }),
  permission: ['manage', 'Mandate'],
  async run(tx, { ability, tenant, now }, input) {
    const today = localDate(now)
    const school = await schoolToMandate(tx, ability, tenant, input.schoolId)
    if ('ok' in school) return school
    const max = sectorMaxOf(school.sector, today)
    if (input.maxSchoolDays > max) {
      const rule = ruleOf(ruleSetFor(school.sector, today), 'schorsing.maxSchooldagen')
      return refuse('invalid', 'maxSchoolDays', `Een schorsing duurt ten hoogste ${max} schooldagen (${rule.source}); een mandaat kan niet verder gaan.`)
    }
    if (input.besluitOn > today) return refuse('invalid', 'besluitOn', 'Het mandaatbesluit ligt in de toekomst; leg het vast als het is genomen.')
    // Awb art. 10:1: the mandate exists from the besluit on; it cannot work before it.
    if (input.startsOn < input.besluitOn) return refuse('invalid', 'startsOn', 'Het mandaat kan niet ingaan vóór de datum van het mandaatbesluit.')
    const mandate = await appendMandateVersion(tx, tenant, school.id, { action: 'verleend', maxSchoolDays: input.maxSchoolDays, startsOn: input.startsOn, besluitOn: input.besluitOn })
    return { ok: true, mandate }
  },
})
