// The hearings of a verwijdering, who must be heard for this pupil (with the rule's source) and
// whether the board may decide.
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { hearingsOf } from './removal-hearings.ts'
import { recordId } from '../input-rules.ts'

export const getMeasureHearings = defineUseCase({
  name: 'measures/get-measure-hearings',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Measure'],
  async run(tx, { ability, now }, { id }) {
    const view = await hearingsOf(tx, ability, id, localDate(now))
    return view ? { ok: true as const, ...view } : refuse('not_found', 'id', 'Verwijdering niet gevonden.')
  },
})
