// The bestuurder withdraws a school's mandate (Awb art. 10:8): a new version; decisions taken under
// it stand.
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { appendMandateVersion, latestMandate, schoolToMandate } from './mandates.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

export const withdrawMandate = defineUseCase({
  name: 'measures/withdraw-mandate',
  input: z.strictObject({
    schoolId: z.uuid('Kies een school van de stichting'),
    /** The date of the decision to withdraw; today when not given. */
    besluitOn: isoDate.optional(),
  }),
  permission: ['manage', 'Mandate'],
  async run(tx, { ability, tenant, now }, input) {
    const today = localDate(now)
    const school = await schoolToMandate(tx, ability, tenant, input.schoolId)
    if ('ok' in school) return school
    const besluitOn = input.besluitOn ?? today
    if (besluitOn > today) return refuse('invalid', 'besluitOn', 'Het besluit tot intrekking ligt in de toekomst.')
    const latest = await latestMandate(tx, school.id)
    if (!latest || latest.action !== 'verleend') return refuse('conflict', 'schoolId', 'Deze school heeft geen mandaat om in te trekken.')
    if (besluitOn < latest.besluitOn) return refuse('invalid', 'besluitOn', 'De intrekking kan niet vóór het mandaatbesluit liggen.')
    const mandate = await appendMandateVersion(tx, tenant, school.id, { action: 'ingetrokken', maxSchoolDays: null, startsOn: null, besluitOn })
    return { ok: true, mandate }
  },
})
