// A school lead releases the parents' report of a zeer ernstig incident to the portal, for one pupil
// involved: the redacted per-participant form (other pupils as "leerling A/B", free text redacted;
// AVG art. 15 lid 4) is stored as it is now, so a later edit of the incident changes nothing the
// family already has. Only the directeur and the IB release (CASL `create PortalItem`); a
// confidential incident only the directeur, who can open it (the vertrouwenspersoon's judgement is
// asked outside Baken first: ADR 033). The guardians get an e-mail without content. Logged as a
// disclosure of the pupil's data ('share') in the access log.
import { schema } from '@baken/db'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { recordId, textInput } from '../input-rules.ts'
import { recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { voorGezienRefusal } from '../incidents/acknowledgements.ts'
import { accessReason } from '../incidents/incident-access.ts'
import { openParticipantView } from '../incidents/parent-report.ts'
import { notifyFamily, releasedReport } from './portal-records.ts'

export const releaseIncidentReport = defineUseCase({
  name: 'portal/release-incident-report',
  input: z.object({
    id: recordId(),
    studentId: recordId(),
    reason: accessReason,
    /** A confidential incident: why releasing it harms neither an investigation nor another person. */
    releaseReason: textInput().trim().max(2000, 'Hoogstens 2000 tekens.').optional(),
  }),
  permission: ['create', 'PortalItem'],
  forbidden: 'Alleen de directeur of de intern begeleider zet een verslag in het ouderportaal.',
  async run(tx, ctx, { id, studentId, reason, releaseReason }) {
    const opened = await openParticipantView(tx, ctx, id, studentId, reason)
    if (!opened.ok) return opened
    const { incident } = opened
    const refused = voorGezienRefusal(incident)
    if (refused) return refuse('conflict', refused.path, refused.message)
    // A confidential case (sexual intimidation, abuse, a Meldcode case) may be kept from the family to
    // protect an investigation or others (AVG art. 23, UAVG art. 41): releasing it is the directeur's
    // judgement, recorded in words with the release and in the access log.
    if (incident.confidential && (releaseReason?.length ?? 0) < 10) {
      return refuse('invalid', 'releaseReason', 'Dit incident is vertrouwelijk. Leg vast waarom vrijgeven aan de ouders geen onderzoek en niemand anders schaadt (AVG art. 23, UAVG art. 41).')
    }
    const p = schema.portalItems
    const [live] = await tx
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.incidentId, incident.id), eq(p.studentId, studentId), isNull(p.withdrawnAt)))
    if (live) return refuse('conflict', 'studentId', 'Dit verslag staat al in het ouderportaal voor deze leerling.')
    const itemId = crypto.randomUUID()
    const item = { id: itemId, stichtingId: incident.stichtingId, schoolId: incident.schoolId, studentId }
    await tx.insert(p).values({
      ...item,
      kind: 'incident_report',
      incidentId: incident.id,
      title: 'Verslag van een zeer ernstig incident',
      confidential: incident.confidential,
      body: releasedReport(opened.data),
      releasedById: ctx.tenant.userId,
      releasedAt: ctx.now,
      releaseReason: incident.confidential ? releaseReason! : null,
    })
    const access = incident.confidential ? { breakGlass: true, reason: `Vrijgegeven aan het ouderportaal: ${releaseReason}` } : opened.access
    await recordSubjectRead(tx, ctx.tenant, { ...opened.subject, studentIds: [studentId] }, access, 'share')
    const notified = await notifyFamily(tx, item, ctx.tenant.userId)
    return { ok: true, id: itemId, notified }
  },
})
