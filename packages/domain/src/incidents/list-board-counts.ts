// The board's (bestuurder's) counts of submitted incidents per school of the stichting in a
// schooljaar: numbers only, never content.
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { getBoardIncidentCounts } from './board-counts.ts'
import { schooljaarSchema } from './overview.ts'

export const listBoardCounts = defineUseCase({
  name: 'incidents/list-board-counts',
  input: z.object({ schooljaar: schooljaarSchema }),
  permission: ['read', 'IncidentCount'],
  run: async (tx, { ability }, { schooljaar }) => ({ ok: true as const, schooljaar, schools: (await getBoardIncidentCounts(tx, ability, schooljaar)) ?? [] }),
})
