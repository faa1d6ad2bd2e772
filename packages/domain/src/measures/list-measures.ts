// The measures the caller may see, newest first (the board: all its schools'), at most 500.
import { defineUseCase } from '../use-case.ts'
import { findMeasures, listMeasuresInput } from './measure-cases.ts'

export const listMeasures = defineUseCase({
  name: 'measures/list-measures',
  input: listMeasuresInput,
  permission: ['read', 'Measure'],
  async run(tx, { ability }, input) {
    return { ok: true, items: await findMeasures(tx, ability, input) }
  },
})
