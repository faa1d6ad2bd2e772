// What the measure page shows about the search for another school (verwijderingen only).
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { measureSearchOf } from './removal-search.ts'
import { recordId } from '../input-rules.ts'

export const getMeasureSearch = defineUseCase({
  name: 'measures/get-measure-search',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Measure'],
  async run(tx, { ability, now }, { id }) {
    const view = await measureSearchOf(tx, ability, id, localDate(now))
    return view ? { ok: true as const, ...view } : refuse('not_found', 'id', 'Verwijdering niet gevonden.')
  },
})
