// The stichtingbeheerder takes over the Rijksoverheid's school holidays that Baken ships for a
// schooljaar (BUNDLED_SCHOOL_HOLIDAYS), as an import of that file.
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { CALENDAR_KEEPER_ONLY } from './calendar-entries.ts'
import { BUNDLED_SCHOOL_HOLIDAYS, importSchoolHolidays } from './import-school-holidays.ts'

export const importBundledSchoolHolidays = defineUseCase({
  name: 'calendar/import-bundled-school-holidays',
  input: z.object({ schooljaar: z.string().max(9) }),
  permission: ['create', 'Calendar'],
  forbidden: CALENDAR_KEEPER_ONLY,
  async run(tx, ctx, { schooljaar }) {
    const data = BUNDLED_SCHOOL_HOLIDAYS[schooljaar]
    if (!data) return refuse('invalid', 'file', `Baken levert geen schoolvakanties mee voor schooljaar ${schooljaar}; importeer een bestand van de Rijksoverheid.`)
    return importSchoolHolidays.run(tx, ctx, { text: JSON.stringify(data) })
  },
})
