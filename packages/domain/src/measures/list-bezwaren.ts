// The bezwaren against one measure's decision, with deadline, the rule that sets it and overdue flag.
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { findBezwaren } from './bezwaar.ts'
import { measureView } from './get-measure.ts'
import { recordId } from '../input-rules.ts'

export const listBezwaren = defineUseCase({
  name: 'measures/list-bezwaren',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Bezwaar'],
  async run(tx, { ability, tenant, now }, { id }) {
    const today = localDate(now)
    // Opening the bezwaren opens the case: logged as the measure page's read is (measureView).
    if (!(await measureView(tx, ability, tenant, id, today))) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    return { ok: true, items: await findBezwaren(tx, ability, { measureId: id }, today) }
  },
})
