// Staff record that a parent (or the pupil, when of age) signed a measure's released decision letter
// or report "voor gezien" on paper, at school or by word of mouth, as they do for an incident's
// report (incidents/record-acknowledgement.ts; the school safety protocol: the parents sign the
// report). On an item released for this measure; dated between its release and today. Append-only;
// 'digitaal' is the family's own, in the portal. RLS (0069) holds the same rule.
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { ACKNOWLEDGEMENT_METHODS, recordAcknowledgementInput } from '../incidents/acknowledgements.ts'
import { recordId } from '../input-rules.ts'
import { loadMeasure } from '../measures/measure-cases.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'

/** The ways staff record a "voor gezien": every one but the portal's own. */
export const STAFF_ACKNOWLEDGEMENT_METHODS = ACKNOWLEDGEMENT_METHODS.filter((m) => m !== 'digitaal')

export const recordMeasureAcknowledgement = defineUseCase({
  name: 'portal/record-measure-acknowledgement',
  input: recordAcknowledgementInput.pick({ guardianName: true, acknowledgedOn: true }).extend({
    id: recordId(),
    portalItemId: z.uuid('Kies de brief of het verslag dat is getekend.'),
    method: z.enum(STAFF_ACKNOWLEDGEMENT_METHODS, { message: `Kies: ${STAFF_ACKNOWLEDGEMENT_METHODS.join(', ')}` }),
  }),
  permission: ['update', 'Measure'],
  async run(tx, { ability, tenant, now }, { id, portalItemId, ...input }) {
    const m = await loadMeasure(tx, ability, id, { action: 'update' })
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    const p = schema.portalItems
    const [item] = await tx
      .select({ id: p.id, releasedAt: p.releasedAt })
      .from(p)
      .where(and(eq(p.id, portalItemId), eq(p.measureId, m.id), eq(p.studentId, m.studentId)))
    if (!item) return invalid([{ path: 'portalItemId', message: 'Deze brief of dit verslag staat niet in het ouderportaal bij deze maatregel.' }])
    const today = localDate(now)
    const released = localDate(item.releasedAt)
    if (input.acknowledgedOn > today) return invalid([{ path: 'acknowledgedOn', message: 'De datum ligt in de toekomst' }])
    if (input.acknowledgedOn < released) return invalid([{ path: 'acknowledgedOn', message: `De datum ligt vóór de vrijgave aan de ouders (${released})` }])
    const ackId = crypto.randomUUID()
    await tx.insert(schema.measureAcknowledgements).values({
      id: ackId,
      stichtingId: m.stichtingId,
      schoolId: m.schoolId,
      measureId: m.id,
      studentId: m.studentId,
      portalItemId: item.id,
      guardianName: input.guardianName,
      acknowledgedOn: input.acknowledgedOn,
      method: input.method,
      recordedById: tenant.userId,
    })
    return { ok: true, id: ackId }
  },
})
