// Opening an incident's note: the full note with its persons, the severity rules, the guidance and
// its history. Every opening is logged, one row per pupil involved, in the caller's transaction; a
// confidential incident opens for anyone but the vertrouwenspersoon and its reporter only with a
// reason (break-glass, ../privacy/access-log.ts). `edit` opens it for the edit form: only an
// incident the caller may update; `submittedOnly` for a step that needs a submitted incident (a
// draft is not found, and not logged).
import { z } from 'zod'
import { incidentSubject, recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { guidanceForVoorval } from './guidance.ts'
import { accessReason, openIncidentAccess } from './incident-access.ts'
import { listVersions, loadIncident } from './incident-record.ts'
import { suggestSeverity } from './severity.ts'

export const readIncident = defineUseCase({
  name: 'incidents/read-incident',
  input: z.object({ id: z.string(), reason: accessReason, edit: z.boolean().optional(), submittedOnly: z.boolean().optional() }),
  permission: ['read', 'Incident'],
  async run(tx, { ability, tenant }, { id, reason, edit, submittedOnly }) {
    // Another school's incident, a confidential one for the wrong role, someone else's draft: not found.
    const incident = await loadIncident(tx, ability, id, edit ? 'update' : 'read')
    if (!incident || (submittedOnly && incident.status !== 'submitted')) return refuse('not_found', 'id', 'Incident niet gevonden.')
    const subject = incidentSubject(incident)
    const opened = await openIncidentAccess(tx, tenant, { ...subject, confidential: incident.confidential, reportedById: incident.reportedById }, reason)
    if (!opened.ok) return opened
    await recordSubjectRead(tx, tenant, subject, opened.access)
    const codes = incident.voorval.map((c) => c.code)
    return {
      ok: true,
      incident,
      severitySuggestion: suggestSeverity({ ...incident, voorval: codes }),
      guidance: guidanceForVoorval(codes),
      versions: await listVersions(tx, incident.id),
    }
  },
})
