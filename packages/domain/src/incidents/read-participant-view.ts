// One pupil's view of an incident, other pupils redacted: what the school may show that pupil's
// parents, or hand over on an access request (AVG art. 15). Logged for that pupil only (the others
// are not named in it); a confidential incident asks for a reason as the note itself does.
import { z } from 'zod'
import { incidentSubject, recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { accessReason, openIncidentAccess } from './incident-access.ts'
import { loadIncident } from './incident-record.ts'
import { participantView } from './parent-report.ts'

export const readParticipantView = defineUseCase({
  name: 'incidents/read-participant-view',
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
    await recordSubjectRead(tx, tenant, { ...subject, studentIds: [studentId] }, opened.access)
    return { ok: true, incidentId: incident.id, view: view.data }
  },
})
