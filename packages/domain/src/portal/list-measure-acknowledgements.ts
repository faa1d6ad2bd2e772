// The "voor gezien" records on a measure's released letter and report, oldest first, with the
// guardian's reaction for the school to read, and the items released for the measure (on which
// staff record a paper "voor gezien", record-measure-acknowledgement.ts). Whoever can see the measure sees them (RLS 0059
// follows the measure's visibility); not found otherwise.
import { schema } from '@baken/db'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { loadMeasure } from '../measures/measure-cases.ts'
import { defineUseCase, refuse } from '../use-case.ts'

export const listMeasureAcknowledgements = defineUseCase({
  name: 'portal/list-measure-acknowledgements',
  input: z.object({ id: recordId() }),
  permission: ['read', 'Measure'],
  async run(tx, { ability }, { id }) {
    const m = await loadMeasure(tx, ability, id)
    if (!m) return refuse('not_found', 'id', 'Maatregel niet gevonden.')
    const a = schema.measureAcknowledgements
    const items = await tx
      .select({
        id: a.id,
        portalItemId: a.portalItemId,
        kind: schema.portalItems.kind,
        guardianName: a.guardianName,
        acknowledgedOn: a.acknowledgedOn,
        method: a.method,
        reaction: a.reaction,
        recordedAt: a.recordedAt,
      })
      .from(a)
      .leftJoin(schema.portalItems, eq(schema.portalItems.id, a.portalItemId))
      .where(eq(a.measureId, m.id))
      .orderBy(asc(a.recordedAt))
    const p = schema.portalItems
    const released = await tx
      .select({ id: p.id, kind: p.kind, releasedAt: p.releasedAt, withdrawnAt: p.withdrawnAt })
      .from(p)
      .where(and(eq(p.measureId, m.id), eq(p.studentId, m.studentId)))
      .orderBy(asc(p.releasedAt))
    return {
      ok: true,
      items: items.map((x) => ({ ...x, recordedAt: x.recordedAt.toISOString() })),
      released: released.map((r) => ({ id: r.id, kind: r.kind, releasedAt: r.releasedAt.toISOString(), withdrawnAt: r.withdrawnAt?.toISOString() ?? null })),
    }
  },
})
