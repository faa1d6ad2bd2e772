// The report of a submitted zeer ernstig incident for the parents of one pupil involved, as a PDF
// with a "voor gezien" signature block (the school safety protocol, §3.1), other pupils redacted.
// Logged as an export for that pupil; a confidential incident asks for a reason first. Not found for
// a pupil outside the incident; a conflict for an incident that is not zeer ernstig or a draft.
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { incidentSubject, recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { voorGezienRefusal } from './acknowledgements.ts'
import { accessReason, openIncidentAccess } from './incident-access.ts'
import { loadIncident } from './incident-record.ts'
import { participantView, renderParentReport } from './parent-report.ts'

export const exportParentReport = defineUseCase({
  name: 'incidents/export-parent-report',
  input: z.object({ id: z.string(), studentId: z.string(), reason: accessReason }),
  permission: ['read', 'Incident'],
  async run(tx, { ability, tenant, now }, { id, studentId, reason }) {
    const incident = await loadIncident(tx, ability, id)
    if (!incident) return refuse('not_found', 'id', 'Incident niet gevonden.')
    const subject = incidentSubject(incident)
    const opened = await openIncidentAccess(tx, tenant, { ...subject, confidential: incident.confidential, reportedById: incident.reportedById }, reason)
    if (!opened.ok) return opened
    const view = await participantView(tx, tenant, incident, studentId, now)
    if (!view.ok) return view
    const refused = voorGezienRefusal(incident)
    if (refused) return refuse('conflict', refused.path, refused.message)
    const pdf = await renderParentReport(view.data)
    await recordSubjectRead(tx, tenant, { ...subject, studentIds: [studentId] }, opened.access, 'export')
    return { ok: true, pdf, filename: `incidentverslag-${localDate(incident.occurredAt)}.pdf` }
  },
})
