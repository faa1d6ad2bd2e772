// One pupil's view of an incident, other pupils redacted: what the school may show that pupil's
// parents, or hand over on an access request (AVG art. 15). Logged for that pupil only (the others
// are not named in it); a confidential incident asks for a reason as the note itself does.
import { z } from 'zod'
import { recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase } from '../use-case.ts'
import { accessReason } from './incident-access.ts'
import { openParticipantView } from './parent-report.ts'
import { recordId } from '../input-rules.ts'

export const readParticipantView = defineUseCase({
  name: 'incidents/read-participant-view',
  input: z.object({ id: recordId(), studentId: recordId(), reason: accessReason }),
  permission: ['read', 'Incident'],
  async run(tx, ctx, { id, studentId, reason }) {
    const opened = await openParticipantView(tx, ctx, id, studentId, reason)
    if (!opened.ok) return opened
    await recordSubjectRead(tx, ctx.tenant, { ...opened.subject, studentIds: [studentId] }, opened.access)
    return { ok: true, incidentId: opened.incident.id, confidential: opened.incident.confidential, view: opened.data }
  },
})
