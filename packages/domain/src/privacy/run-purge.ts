// The purge, confirming a dry run: deletes and anonymises exactly what that dry run reported (same
// peildatum). A conflict when anything changed since (new data, a legal hold, another purge): run a
// new dry run.
import { schema } from '@baken/db'
import { and, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../use-case.ts'
import { resultRows } from '@baken/db'
import { canPurge, PURGE_FORBIDDEN, summarisePurge, type PurgeReport } from './purge.ts'

export const runPurge = defineUseCase({
  name: 'privacy/run-purge',
  input: z.object({ dryRunId: z.uuid('Geef de proefrun op die u heeft bekeken (dryRunId)') }),
  permission: ['manage', 'Retention'],
  forbidden: PURGE_FORBIDDEN,
  async run(tx, { ability, tenant }, { dryRunId }) {
    if (!canPurge(ability, tenant)) return refuse('forbidden', '', PURGE_FORBIDDEN)
    const [dry] = await tx
      .select()
      .from(schema.purgeRuns)
      .where(and(eq(schema.purgeRuns.id, dryRunId), eq(schema.purgeRuns.stichtingId, tenant.stichtingId)))
    if (!dry || !dry.dryRun) return refuse('not_found', 'dryRunId', 'Proefrun niet gevonden.')
    const result = await tx.execute(sql`select privacy_purge(${dry.asOf}::date, ${JSON.stringify(dry.report)}::jsonb) as outcome`)
    const outcome = resultRows<{ outcome: { changed: boolean; plan: PurgeReport } }>(result)[0]!.outcome
    if (outcome.changed) {
      return refuse(
        'conflict',
        'dryRunId',
        'Er is iets veranderd sinds deze proefrun (nieuwe gegevens, een bewaarplicht of een eerdere opschoning). Maak een nieuwe proefrun en bevestig die.',
      )
    }
    const [run] = await tx
      .insert(schema.purgeRuns)
      .values({ stichtingId: tenant.stichtingId, dryRun: false, ranById: tenant.userId, asOf: dry.asOf, report: outcome.plan })
      .returning({ id: schema.purgeRuns.id })
    return { ok: true, runId: run!.id, dryRun: false, report: outcome.plan, summary: summarisePurge(outcome.plan) }
  },
})
