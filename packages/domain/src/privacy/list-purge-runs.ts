// The stichting's purge runs, dry and real, newest first (the privacyfunctionaris).
import { schema } from '@baken/db'
import { desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../use-case.ts'
import { canPurge, summarisePurge, type PurgeReport, type PurgeSummary } from './purge.ts'

export interface PurgeRunItem {
  id: string
  dryRun: boolean
  ranAt: string
  ranBy: string | null
  asOf: string
  summary: PurgeSummary
  report: PurgeReport
}

export const listPurgeRuns = defineUseCase({
  name: 'privacy/list-purge-runs',
  input: z.object({ limit: z.number().int().min(1).max(100).default(20) }),
  permission: ['manage', 'Retention'],
  async run(tx, { ability, tenant }, { limit }) {
    if (!canPurge(ability, tenant)) return { ok: true, items: [] as PurgeRunItem[] }
    const ranBy = sql<string | null>`(select u.name from users u where u.id = ${schema.purgeRuns.ranById})`
    const rows = await tx
      .select({ r: schema.purgeRuns, ranBy })
      .from(schema.purgeRuns)
      .where(eq(schema.purgeRuns.stichtingId, tenant.stichtingId))
      .orderBy(desc(schema.purgeRuns.ranAt))
      .limit(limit)
    const items: PurgeRunItem[] = rows.map(({ r, ranBy }) => {
      const report = r.report as PurgeReport
      return { id: r.id, dryRun: r.dryRun, ranAt: r.ranAt.toISOString(), ranBy, asOf: r.asOf, summary: summarisePurge(report), report }
    })
    return { ok: true, items }
  },
})
