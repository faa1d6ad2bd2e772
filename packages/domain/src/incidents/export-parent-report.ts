// The report of a submitted zeer ernstig incident for the parents of one pupil involved, as a PDF
// with a "voor gezien" signature block (the school safety protocol, §3.1), other pupils redacted.
// Logged as an export for that pupil; a confidential incident asks for a reason first. Not found for
// a pupil outside the incident; a conflict for an incident that is not zeer ernstig or a draft.
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { voorGezienRefusal } from './acknowledgements.ts'
import { accessReason } from './incident-access.ts'
import { openParticipantView, renderParentReport } from './parent-report.ts'
import { recordId } from '../input-rules.ts'

export const exportParentReport = defineUseCase({
  name: 'incidents/export-parent-report',
  input: z.object({ id: recordId(), studentId: recordId(), reason: accessReason }),
  permission: ['read', 'Incident'],
  async run(tx, ctx, { id, studentId, reason }) {
    const opened = await openParticipantView(tx, ctx, id, studentId, reason)
    if (!opened.ok) return opened
    const refused = voorGezienRefusal(opened.incident)
    if (refused) return refuse('conflict', refused.path, refused.message)
    const pdf = await renderParentReport(opened.data)
    await recordSubjectRead(tx, ctx.tenant, { ...opened.subject, studentIds: [studentId] }, opened.access, 'export')
    return { ok: true, pdf, filename: `incidentverslag-${localDate(opened.incident.occurredAt)}.pdf` }
  },
})
