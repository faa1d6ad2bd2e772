// The school's shares (for the bestuurder and privacyfunctionaris, the stichting's), newest first,
// with their status, optionally only those of one status or of one incident.
import { schema } from '@baken/db'
import { and, desc, eq, gt, inArray, isNotNull, isNull, lte } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { shareSummaries, shareWhere } from './shares.ts'

export const listSharesQuery = z.object({
  status: z.enum(['actief', 'verlopen', 'ingetrokken'], { error: 'Status is actief, verlopen of ingetrokken.' }).optional(),
  incidentId: z.uuid({ error: 'Onbekend incident.' }).optional(),
})

export const listShares = defineUseCase({
  name: 'sharing/list-shares',
  input: listSharesQuery,
  permission: ['read', 'Share'],
  async run(tx, { ability, now }, filter) {
    const where = shareWhere(ability)
    if (!where) return refuse('forbidden', '', 'Geen toegang: read Share.')
    const status =
      filter.status === 'ingetrokken'
        ? isNotNull(schema.shares.revokedAt)
        : filter.status === 'verlopen'
          ? and(isNull(schema.shares.revokedAt), lte(schema.shares.expiresAt, now))
          : filter.status === 'actief'
            ? and(isNull(schema.shares.revokedAt), gt(schema.shares.expiresAt, now))
            : undefined
    const byIncident = filter.incidentId
      ? inArray(schema.shares.id, tx.select({ id: schema.shareItems.shareId }).from(schema.shareItems).where(eq(schema.shareItems.incidentId, filter.incidentId)))
      : undefined
    const rows = await tx.select().from(schema.shares).where(and(where, status, byIncident)).orderBy(desc(schema.shares.approvedAt)).limit(500)
    return { ok: true, items: await shareSummaries(tx, rows, now) }
  },
})
