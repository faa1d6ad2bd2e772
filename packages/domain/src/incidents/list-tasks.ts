// The follow-up tasks of one incident, by due date, and (for those who plan them) the §4
// victim-care steps proposed for an incident with a victim. Not found when the caller may not read
// the incident.
import { schema } from '@baken/db'
import { and, asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { loadIncident } from './incident-record.ts'
import { readableTasks, stripIncident, taskQuery, toItem, victimCareProposals } from './tasks.ts'
import { recordId } from '../input-rules.ts'

export const listTasks = defineUseCase({
  name: 'incidents/list-tasks',
  input: z.object({ id: recordId() }),
  permission: ['read', 'IncidentTask'],
  async run(tx, { ability, now }, { id }) {
    const incident = await loadIncident(tx, ability, id)
    if (!incident) return refuse('not_found', 'id', 'Incident niet gevonden.')
    const today = localDate(now)
    const rows = await taskQuery(tx)
      .where(and(eq(schema.incidentTasks.incidentId, incident.id), readableTasks(ability)))
      .orderBy(asc(schema.incidentTasks.dueOn), asc(schema.incidentTasks.createdAt))
    const items = rows.map((r) => stripIncident(toItem(ability, r, today)))
    // The steps still to plan are for those who plan them (the directeur and the IB).
    const proposals = ability.can('create', 'IncidentTask') ? victimCareProposals(incident, today, items.map((t) => t.kind)) : []
    return { ok: true, items, proposals }
  },
})
