// The purge's dry run: what is due on the day (default today), stored in purge_runs.
import { schema } from '@baken/db'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { calendarDate } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { resultRows } from '@baken/db'
import { canPurge, PURGE_FORBIDDEN, summarisePurge, type PurgeReport } from './purge.ts'

export const dryRunPurge = defineUseCase({
  name: 'privacy/dry-run-purge',
  input: z.object({ asOf: calendarDate('Peildatum als JJJJ-MM-DD').optional() }),
  permission: ['manage', 'Retention'],
  forbidden: PURGE_FORBIDDEN,
  async run(tx, { ability, tenant, now }, input) {
    if (!canPurge(ability, tenant)) return refuse('forbidden', '', PURGE_FORBIDDEN)
    const asOf = input.asOf ?? localDate(now)
    const result = await tx.execute(sql`select privacy_purge_report(${asOf}::date) as report`)
    const report = resultRows<{ report: PurgeReport }>(result)[0]!.report
    const [run] = await tx
      .insert(schema.purgeRuns)
      .values({ stichtingId: tenant.stichtingId, dryRun: true, ranById: tenant.userId, asOf, report })
      .returning({ id: schema.purgeRuns.id })
    return { ok: true, runId: run!.id, dryRun: true, report, summary: summarisePurge(report) }
  },
})
