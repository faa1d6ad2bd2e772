// The bestuurder withdraws a school's mandate (Awb art. 10:8): a new version; decisions taken under
// it stand.
import { record } from '@baken/permissions'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { appendMandateVersion, latestMandate, mandateSchool, ONLY_BOARD_MANDATES } from './mandates.ts'

const isoDate = calendarDate('Datum als JJJJ-MM-DD')

export const withdrawMandate = defineUseCase({
  name: 'measures/withdraw-mandate',
  input: z.strictObject({
    schoolId: z.uuid('Kies een school van de stichting'),
    /** The date of the decision to withdraw; today when not given. */
    besluitOn: isoDate.optional(),
  }),
  permission: ['manage', 'Mandate'],
  forbidden: ONLY_BOARD_MANDATES,
  async run(tx, { ability, tenant, now }, input) {
    if (!tenant.stichtingId || !ability.can('manage', record('Mandate', { stichtingId: tenant.stichtingId }))) return refuse('forbidden', '', ONLY_BOARD_MANDATES)
    const today = localDate(now)
    const school = await mandateSchool(tx, tenant, input.schoolId)
    if (!school) return refuse('not_found', 'schoolId', 'School niet gevonden.')
    const besluitOn = input.besluitOn ?? today
    if (besluitOn > today) return refuse('invalid', 'besluitOn', 'Het besluit tot intrekking ligt in de toekomst.')
    const latest = await latestMandate(tx, school.id)
    if (!latest || latest.action !== 'verleend') return refuse('conflict', 'schoolId', 'Deze school heeft geen mandaat om in te trekken.')
    if (besluitOn < latest.besluitOn) return refuse('invalid', 'besluitOn', 'De intrekking kan niet vóór het mandaatbesluit liggen.')
    const mandate = await appendMandateVersion(tx, tenant, school.id, { action: 'ingetrokken', maxSchoolDays: null, startsOn: null, besluitOn })
    return { ok: true, mandate }
  },
})
