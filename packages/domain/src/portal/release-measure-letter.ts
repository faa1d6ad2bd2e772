// A school lead releases the decision letter of a time-out, schorsing or verwijdering to the portal,
// as it was sent (the latest version): the letter is addressed to the parents and names only their
// child. Only the directeur and the IB release (CASL `create PortalItem`) and only a measure they
// can see; the guardians get an e-mail without content. Logged as a disclosure of the pupil's data.
import { schema } from '@baken/db'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { loadMeasure } from '../measures/measure-cases.ts'
import { recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { decisionLetterSnapshot, refuseLiveRelease } from './measure-items.ts'
import { notifyFamily } from './portal-records.ts'

export const releaseMeasureLetter = defineUseCase({
  name: 'portal/release-measure-letter',
  input: z.object({ id: recordId() }),
  permission: ['create', 'PortalItem'],
  forbidden: 'Alleen de directeur of de intern begeleider zet een brief in het ouderportaal.',
  async run(tx, ctx, { id }) {
    const m = await loadMeasure(tx, ctx.ability, id)
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    const live = await refuseLiveRelease(tx, m, 'decision_letter')
    if (live) return live
    const body = await decisionLetterSnapshot(tx, m)
    if ('ok' in body) return body
    const itemId = crypto.randomUUID()
    const item = { id: itemId, stichtingId: m.stichtingId, schoolId: m.schoolId, studentId: m.studentId }
    await tx.insert(schema.portalItems).values({
      ...item,
      kind: 'decision_letter',
      measureId: m.id,
      title: `Brief: ${body.letterLabel}`,
      body,
      releasedById: ctx.tenant.userId,
      releasedAt: ctx.now,
    })
    await recordSubjectRead(tx, ctx.tenant, { type: 'measure', id: m.id, schoolId: m.schoolId, studentIds: [m.studentId] }, { breakGlass: false, reason: null }, 'share')
    const notified = await notifyFamily(tx, item, ctx.tenant.userId)
    return { ok: true, id: itemId, notified }
  },
})
