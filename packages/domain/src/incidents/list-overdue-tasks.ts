// Open tasks of the caller's school due before today (Dutch date), oldest first: for the directeur
// and the IB all of them (RLS still hides confidential incidents from the IB); for a leerkracht or
// vertrouwenspersoon those of incidents they may read and their own.
import { schema } from '@baken/db'
import { and, asc, isNull, lt } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase } from '../use-case.ts'
import { readableTasks, taskQuery, toItem } from './tasks.ts'

export const listOverdueTasks = defineUseCase({
  name: 'incidents/list-overdue-tasks',
  input: z.object({}),
  permission: ['read', 'IncidentTask'],
  async run(tx, { ability, now }) {
    const today = localDate(now)
    const t = schema.incidentTasks
    const rows = await taskQuery(tx)
      .where(and(isNull(t.doneAt), lt(t.dueOn, today), readableTasks(ability)))
      .orderBy(asc(t.dueOn), asc(schema.incidents.occurredAt))
    const items = rows.map((r) => toItem(ability, r, today))
    return { ok: true, items, total: items.length }
  },
})
