// A school lead takes a released item out of the portal again (released by mistake, or the
// vertrouwenspersoon judges that it must not be seen now: AVG art. 23, UAVG art. 41). From that
// statement on the family no longer sees it (RLS 0058 shows only items not withdrawn); the row stays
// as the record of what was released when. A "voor gezien" already given stays too.
import { schema } from '@baken/db'
import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { recordId } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'

export const withdrawPortalItem = defineUseCase({
  name: 'portal/withdraw-portal-item',
  input: z.object({ id: recordId() }),
  permission: ['update', 'PortalItem'],
  async run(tx, { tenant, now }, { id }) {
    if (!z.uuid().safeParse(id).success) return refuse('not_found', 'id', 'Bericht niet gevonden.')
    const p = schema.portalItems
    const done = await tx
      .update(p)
      .set({ withdrawnAt: now, withdrawnById: tenant.userId })
      .where(and(eq(p.id, id), isNull(p.withdrawnAt)))
      .returning({ id: p.id })
    if (!done.length) return refuse('not_found', 'id', 'Bericht niet gevonden of al ingetrokken.')
    return { ok: true, id }
  },
})
