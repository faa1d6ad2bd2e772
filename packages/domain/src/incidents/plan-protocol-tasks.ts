// "Alles inplannen": every §4 victim-care step not yet planned for this incident, at once, for the
// caller, each with the due date the protocol proposes. The same checks as planning one step
// (createTask); one refused step refuses them all (the caller's transaction rolls back).
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { recordId } from '../input-rules.ts'
import { defineUseCase, refuse, runUseCase } from '../use-case.ts'
import { createTask } from './create-task.ts'
import { loadIncident } from './incident-record.ts'
import { readableTasks, taskQuery, victimCareProposals } from './tasks.ts'

export const planProtocolTasks = defineUseCase({
  name: 'incidents/plan-protocol-tasks',
  input: z.object({ id: recordId() }),
  permission: ['create', 'IncidentTask'],
  forbidden: 'Alleen de directeur of de intern begeleider plant vervolgtaken.',
  async run(tx, ctx, { id }) {
    const incident = await loadIncident(tx, ctx.ability, id)
    if (!incident) return refuse('not_found', 'id', 'Incident niet gevonden.')
    // The tasks as listTasks reads them (readableTasks looks at the incident joined in taskQuery).
    const planned = await taskQuery(tx).where(and(eq(schema.incidentTasks.incidentId, incident.id), readableTasks(ctx.ability)))
    const proposals = victimCareProposals(incident, localDate(ctx.now), planned.map((t) => t.task.kind)).filter((p) => !p.planned)
    const ids: string[] = []
    for (const p of proposals) {
      const made = await runUseCase(createTask, tx, ctx, { id: incident.id, kind: p.kind, title: p.title, description: p.description, dueOn: p.dueOn, ownerId: ctx.tenant.userId })
      if (!made.ok) return made
      ids.push(made.id)
    }
    return { ok: true as const, ids }
  },
})
