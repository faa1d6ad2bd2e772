// What the measure page shows about bezwaar against the decision, and what the caller may do there.
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { measureBezwaarOf } from './bezwaar.ts'
import { recordId } from '../input-rules.ts'

export const getMeasureBezwaar = defineUseCase({
  name: 'measures/get-measure-bezwaar',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Bezwaar'],
  async run(tx, { ability, tenant, now }, { id }) {
    const view = await measureBezwaarOf(tx, ability, tenant, id, localDate(now))
    // Not found also for a measure without a decision to object to (a time-out, an adempauze).
    return view ? { ok: true as const, ...view } : refuse('not_found', 'id', 'Maatregel niet gevonden.')
  },
})
