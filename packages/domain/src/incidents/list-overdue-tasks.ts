// Open tasks of the caller's school due before today (Dutch date), oldest first: for the directeur
// and the IB all of them (RLS still hides confidential incidents from the IB); for a leerkracht or
// vertrouwenspersoon those of incidents they may read and their own.
import { schema } from '@baken/db'
import { and, asc, count, eq, isNull, lt } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import { defineUseCase } from '../use-case.ts'
import { readableTasks, taskQuery, toItem } from './tasks.ts'

export const listOverdueTasks = defineUseCase({
  name: 'incidents/list-overdue-tasks',
  // A school that falls behind can have hundreds: a page of them, the oldest first, and the total.
  input: z.object({
    page: z.coerce.number().int().min(1, 'Pagina moet 1 of hoger zijn').max(100_000).optional().default(1),
    pageSize: z.coerce.number().int().min(1).max(200).optional().default(50),
  }),
  permission: ['read', 'IncidentTask'],
  async run(tx, { ability, now }, input) {
    const today = localDate(now)
    const t = schema.incidentTasks
    const where = and(isNull(t.doneAt), lt(t.dueOn, today), readableTasks(ability))
    const [rows, [total]] = await Promise.all([
      taskQuery(tx)
        .where(where)
        .orderBy(asc(t.dueOn), asc(schema.incidents.occurredAt), asc(t.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      tx.select({ n: count() }).from(t).innerJoin(schema.incidents, eq(schema.incidents.id, t.incidentId)).where(where),
    ])
    const items = rows.map((r) => toItem(ability, r, today))
    return { ok: true, items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize }
  },
})
