// The parents' "voor gezien" records of an incident the caller may read, oldest first.
import { schema } from '@baken/db'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import type { AcknowledgementItem, AcknowledgementMethod } from './acknowledgements.ts'
import { loadIncident } from './incident-record.ts'
import { recordId } from '../input-rules.ts'

export const listAcknowledgements = defineUseCase({
  name: 'incidents/list-acknowledgements',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Incident'],
  async run(tx, { ability }, { id }) {
    const incident = await loadIncident(tx, ability, id)
    if (!incident) return refuse('not_found', 'id', 'Incident niet gevonden.')
    const a = schema.incidentAcknowledgements
    const rows = await tx
      .select({ ack: a, recordedByName: schema.users.name })
      .from(a)
      .leftJoin(schema.users, eq(schema.users.id, a.recordedById))
      .where(eq(a.incidentId, incident.id))
      .orderBy(asc(a.acknowledgedOn), asc(a.recordedAt))
    const items: AcknowledgementItem[] = rows.map(({ ack, recordedByName }) => ({
      id: ack.id,
      incidentId: ack.incidentId,
      studentId: ack.studentId,
      guardianName: ack.guardianName,
      acknowledgedOn: ack.acknowledgedOn,
      method: ack.method as AcknowledgementMethod,
      recordedById: ack.recordedById,
      recordedByName,
      recordedAt: ack.recordedAt,
      note: ack.note,
      portalItemId: ack.portalItemId,
      reaction: ack.reaction,
    }))
    return { ok: true, items }
  },
})
