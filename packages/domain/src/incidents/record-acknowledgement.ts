// Records that a parent (or the pupil, when of age) saw the report of a zeer ernstig incident "voor
// gezien": only for a submitted zeer ernstig incident the caller may update; the date lies between
// the incident and today; the pupil, when given, must be involved in the incident. Append-only.
import { schema } from '@baken/db'
import { localDate } from '../dates.ts'
import type { FieldError } from '../result.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { recordAcknowledgementInput, voorGezienRefusal } from './acknowledgements.ts'
import { loadIncident } from './incident-record.ts'
import { recordId } from '../input-rules.ts'

export const recordAcknowledgement = defineUseCase({
  name: 'incidents/record-acknowledgement',
  input: recordAcknowledgementInput.extend({ id: recordId() }),
  permission: ['update', 'Incident'],
  async run(tx, { ability, tenant, now }, { id: incidentId, ...input }) {
    const incident = await loadIncident(tx, ability, incidentId, 'update')
    if (!incident) return refuse('not_found', 'id', 'Incident niet gevonden.')
    const refused = voorGezienRefusal(incident)
    if (refused) return refuse('conflict', refused.path, refused.message)
    const errors: FieldError[] = []
    const today = localDate(now)
    const incidentDay = localDate(incident.occurredAt)
    if (input.acknowledgedOn > today) errors.push({ path: 'acknowledgedOn', message: 'De datum ligt in de toekomst' })
    if (input.acknowledgedOn < incidentDay) errors.push({ path: 'acknowledgedOn', message: `De datum ligt vóór het incident (${incidentDay})` })
    if (input.studentId && !incident.persons.some((p) => p.studentId === input.studentId)) {
      errors.push({ path: 'studentId', message: 'Deze leerling is niet bij het incident betrokken' })
    }
    if (errors.length) return invalid(errors)
    const id = crypto.randomUUID()
    await tx.insert(schema.incidentAcknowledgements).values({
      id,
      stichtingId: incident.stichtingId,
      schoolId: incident.schoolId,
      incidentId: incident.id,
      studentId: input.studentId ?? null,
      guardianName: input.guardianName,
      acknowledgedOn: input.acknowledgedOn,
      method: input.method,
      recordedById: tenant.userId,
      note: input.note || null,
    })
    return { ok: true, id }
  },
})
