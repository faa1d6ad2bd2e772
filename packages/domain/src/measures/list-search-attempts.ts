// The attempts to find another school for a pupil being removed, oldest first.
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { searchAttemptsOf } from './removal-search.ts'
import { recordId } from '../input-rules.ts'

export const listSearchAttempts = defineUseCase({
  name: 'measures/list-search-attempts',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Measure'],
  async run(tx, { ability }, { id }) {
    const items = await searchAttemptsOf(tx, ability, id)
    return items ? { ok: true as const, items } : refuse('not_found', 'id', 'Maatregel niet gevonden.')
  },
})
