// The caller's own most recent reports (drafts included), for a teacher's home page: when, which
// types, which pupils, and whether it is still a draft.
import { schema } from '@baken/db'
import { and, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { incidentWhere } from './incident-record.ts'
import { summariseIncidents } from './incident-summaries.ts'

export const listMyReports = defineUseCase({
  name: 'incidents/list-my-reports',
  input: z.object({ limit: z.coerce.number().int().min(1).max(20).optional().default(5) }),
  permission: ['create', 'Incident'],
  async run(tx, { ability, tenant }, { limit }) {
    const i = schema.incidents
    const rows = await tx
      .select({ id: i.id, occurredAt: i.occurredAt, status: i.status, severity: i.severity })
      .from(i)
      .where(and(eq(i.reportedById, tenant.userId), incidentWhere(ability, 'read')))
      .orderBy(desc(i.occurredAt), desc(i.id))
      .limit(limit)
    const summaries = await summariseIncidents(tx, rows.map((r) => r.id))
    return { ok: true as const, items: rows.map((r) => ({ ...r, ...summaries[r.id]! })) }
  },
})
