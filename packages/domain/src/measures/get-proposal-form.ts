// What the form for proposing a measure shows from the measures area: the schooljaren a schorsing
// may start in (this one and the next), each pupil's schorsingen in them with their school days,
// and the sector maximum of a schorsing with its rule and status.
import { z } from 'zod'
import { localDate, schoolYearOf } from '../dates.ts'
import { defineUseCase } from '../use-case.ts'
import { schorsingMaximumAt } from './law-settings.ts'
import { listSchorsingenByPupil } from './schorsing-chain.ts'

export const getProposalForm = defineUseCase({
  name: 'measures/get-proposal-form',
  input: z.object({}),
  permission: ['create', 'Measure'],
  async run(tx, { ability, tenant, now }) {
    const thisYear = schoolYearOf(now)
    const start = Number(thisYear.slice(0, 4))
    const years = [thisYear, `${start + 1}-${start + 2}`]
    const [schorsingen, schorsingMax] = await Promise.all([
      listSchorsingenByPupil(tx, ability, years),
      tenant.schoolId ? schorsingMaximumAt(tx, tenant.schoolId, localDate(now)) : Promise.resolve(null),
    ])
    return { ok: true, years, schorsingen, schorsingMax }
  },
})
