// A school lead releases the report of a time-out or schorsing to the portal for the parents to
// sign "voor gezien" (the school safety protocol): what was decided, for which days, the reasons
// (other pupils and staff redacted, AVG art. 15 lid 4) and the steps, without who took them.
// Directeur and IB only (CASL `create PortalItem`); the guardians get an e-mail without content.
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { defineUseCase } from '../use-case.ts'
import { measureReportSnapshot, releaseMeasureItem } from './measure-items.ts'

export const releaseMeasureReport = defineUseCase({
  name: 'portal/release-measure-report',
  input: z.object({ id: recordId() }),
  permission: ['create', 'PortalItem'],
  forbidden: 'Alleen de directeur of de intern begeleider zet een verslag in het ouderportaal.',
  run: (tx, ctx, { id }) => releaseMeasureItem(tx, ctx, id, 'measure_report', measureReportSnapshot, (body) => `Verslag van de ${body.measureLabel}`),
})
