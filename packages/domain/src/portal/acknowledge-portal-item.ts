// "Voor gezien", given digitally by a guardian (or the pupil from 16) on a released report, with an
// optional reaction the school reads. The school safety protocol §3.1 has the parents sign the report
// of a zeer ernstig incident; this is the same record as a paper signature (incident_acknowledgements,
// append-only: a second one is a new row), saying how it was given: 'digitaal'. "Voor gezien" means
// received and read, not agreed.
import { schema } from '@baken/db'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { textInput, recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'

export const acknowledgePortalItem = defineUseCase({
  name: 'portal/acknowledge-portal-item',
  input: z.object({
    id: recordId(),
    reaction: textInput().trim().max(4000, 'Uw reactie is te lang (hoogstens 4000 tekens).').optional(),
  }),
  permission: ['record', 'PortalItem'],
  async run(tx, { tenant, now }, { id, reaction }) {
    if (!z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Bericht niet gevonden.')
    const p = schema.portalItems
    const [item] = await tx
      .select({ id: p.id, kind: p.kind, stichtingId: p.stichtingId, schoolId: p.schoolId, studentId: p.studentId, incidentId: p.incidentId, measureId: p.measureId })
      .from(p)
      .where(eq(p.id, id))
    if (!item) return refuse('not_found', 'id', 'Bericht niet gevonden.')
    const [me] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, tenant.userId))
    const ackId = crypto.randomUUID()
    // A decision letter or the report of a time-out or schorsing: the measure's own record.
    if (item.measureId) {
      await tx.insert(schema.measureAcknowledgements).values({
        id: ackId,
        stichtingId: item.stichtingId,
        schoolId: item.schoolId,
        measureId: item.measureId,
        studentId: item.studentId,
        portalItemId: item.id,
        guardianName: me?.name ?? 'ouder/verzorger',
        acknowledgedOn: localDate(now),
        method: 'digitaal',
        reaction: reaction || null,
        recordedById: tenant.userId,
        recordedAt: now,
      })
      return { ok: true, id: ackId }
    }
    if (!item.incidentId) return refuse('conflict', 'id', 'Bij dit bericht hoort geen "voor gezien".')
    await tx.insert(schema.incidentAcknowledgements).values({
      id: ackId,
      stichtingId: item.stichtingId,
      schoolId: item.schoolId,
      incidentId: item.incidentId,
      studentId: item.studentId,
      guardianName: me?.name ?? 'ouder/verzorger',
      acknowledgedOn: localDate(now),
      method: 'digitaal',
      recordedById: tenant.userId,
      recordedAt: now,
      portalItemId: item.id,
      reaction: reaction || null,
    })
    return { ok: true, id: ackId }
  },
})
