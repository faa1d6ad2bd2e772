// A school lead releases the decision letter of a time-out, schorsing or verwijdering to the portal,
// as it was sent (the latest version): the letter is addressed to the parents and names only their
// child. Only the directeur and the IB release (CASL `create PortalItem`) and only a measure they
// can see; the guardians get an e-mail without content. Logged as a disclosure of the pupil's data.
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'
import { decisionLetterSnapshot, releaseMeasureItem } from './measure-items.ts'

export const releaseMeasureLetter = defineUseCase({
  name: 'portal/release-measure-letter',
  input: z.object({ id: recordId() }),
  permission: ['create', 'PortalItem'],
  forbidden: 'Alleen de directeur of de intern begeleider zet een brief in het ouderportaal.',
  run: (tx, ctx, { id }) => releaseMeasureItem(tx, ctx, id, 'decision_letter', decisionLetterSnapshot, (body) => `Brief: ${body.letterLabel}`),
})
