// A school lead releases the report of a time-out or schorsing to the portal for the parents to
// sign "voor gezien" (the school safety protocol): what was decided, for which days, the reasons
// (other pupils and staff redacted, AVG art. 15 lid 4) and the steps, without who took them.
// Directeur and IB only (CASL `create PortalItem`); the guardians get an e-mail without content.
import { schema } from '@baken/db'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { loadMeasure } from '../measures/measure-cases.ts'
import { recordSubjectRead } from '../privacy/access-log.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { measureReportSnapshot, refuseLiveRelease } from './measure-items.ts'
import { notifyFamily } from './portal-records.ts'

export const releaseMeasureReport = defineUseCase({
  name: 'portal/release-measure-report',
  input: z.object({ id: recordId() }),
  permission: ['create', 'PortalItem'],
  forbidden: 'Alleen de directeur of de intern begeleider zet een verslag in het ouderportaal.',
  async run(tx, ctx, { id }) {
    const m = await loadMeasure(tx, ctx.ability, id)
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    const live = await refuseLiveRelease(tx, m, 'measure_report')
    if (live) return live
    const body = await measureReportSnapshot(tx, m)
    if ('ok' in body) return body
    const itemId = crypto.randomUUID()
    const item = { id: itemId, stichtingId: m.stichtingId, schoolId: m.schoolId, studentId: m.studentId }
    await tx.insert(schema.portalItems).values({
      ...item,
      kind: 'measure_report',
      measureId: m.id,
      title: `Verslag van de ${body.measureLabel}`,
      body,
      releasedById: ctx.tenant.userId,
      releasedAt: ctx.now,
    })
    await recordSubjectRead(tx, ctx.tenant, { type: 'measure', id: m.id, schoolId: m.schoolId, studentIds: [m.studentId] }, { breakGlass: false, reason: null }, 'share')
    const notified = await notifyFamily(tx, item, ctx.tenant.userId)
    return { ok: true, id: itemId, notified }
  },
})
