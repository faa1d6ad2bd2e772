// Opening an incident's note: the full note with its persons, the severity rules, the guidance and
// its history. Every opening is logged, one row per pupil involved, in the caller's transaction; a
// confidential incident opens for anyone but the vertrouwenspersoon and its reporter only with a
// reason (break-glass, ../privacy/access-log.ts). `edit` opens it for the edit form: only an
// incident the caller may update; `submittedOnly` for a step that needs a submitted incident (a
// draft is not found, and not logged).
import { z } from 'zod'
import { recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase } from '../use-case.ts'
import { guidanceForVoorval } from './guidance.ts'
import { accessReason, openIncident } from './incident-access.ts'
import { listVersions } from './incident-record.ts'
import { suggestSeverity } from './severity.ts'
import { recordId } from '../input-rules.ts'

export const readIncident = defineUseCase({
  name: 'incidents/read-incident',
  input: z.object({ id: recordId(), reason: accessReason, edit: z.boolean().optional(), submittedOnly: z.boolean().optional() }),
  permission: ['read', 'Incident'],
  async run(tx, ctx, { id, reason, edit, submittedOnly }) {
    const opened = await openIncident(tx, ctx, id, reason, { action: edit ? 'update' : 'read', submittedOnly })
    if (!opened.ok) return opened
    const { incident, subject, access } = opened
    await recordSubjectRead(tx, ctx.tenant, subject, access)
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
