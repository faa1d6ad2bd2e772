// Changing a follow-up task: complete or reopen it (with a note) — its owner, the directeur or the
// IB; reassign it, move its due date or rename it — those who plan tasks (IncidentTask 'create').
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { localDate } from '../dates.ts'
import type { FieldError } from '../result.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { checkDueOn, checkOwner, readableTasks, somethingChanges, taskFields, taskQuery, updateTaskFields } from './tasks.ts'
import { recordId } from '../input-rules.ts'

export const updateTask = defineUseCase({
  name: 'incidents/update-task',
  input: z.strictObject({ id: recordId(), taskId: recordId(), ...updateTaskFields }).refine(...somethingChanges),
  permission: ['update', 'IncidentTask'],
  async run(tx, { ability, tenant: ctx, now }, { id: incidentId, taskId, ...input }) {
    if (!z.uuid().safeParse(taskId).success || !z.uuid().safeParse(incidentId).success || !ability.can('read', 'IncidentTask')) {
      return refuse('not_found', 'taskId', 'Taak niet gevonden.')
    }
    const [row] = await taskQuery(tx).where(
      and(eq(schema.incidentTasks.id, taskId), eq(schema.incidentTasks.incidentId, incidentId), readableTasks(ability)),
    )
    if (!row) return refuse('not_found', 'taskId', 'Taak niet gevonden.')
    const task = row.task
    if (!ability.can('update', record('IncidentTask', taskFields(task)))) {
      return refuse('forbidden', '', 'Je mag alleen je eigen taken afronden.')
    }
    const planning = input.ownerId !== undefined || input.dueOn !== undefined || input.title !== undefined || input.description !== undefined
    if (planning && !ability.can('create', 'IncidentTask')) {
      return refuse('forbidden', '', 'Alleen de directeur of de intern begeleider wijst taken toe of verzet de uiterste datum.')
    }
    const today = localDate(now)
    const errors: FieldError[] = []
    if (input.dueOn !== undefined && input.dueOn !== task.dueOn) {
      const e = checkDueOn(input.dueOn, today)
      if (e) errors.push(e)
    }
    if (input.ownerId !== undefined && input.ownerId !== task.ownerId) {
      const e = await checkOwner(tx, ctx, input.ownerId, row.incidentConfidential)
      if (e) errors.push(e)
    }
    if (errors.length) return invalid(errors)

    const changes: Partial<typeof schema.incidentTasks.$inferInsert> = {}
    if (input.ownerId !== undefined) changes.ownerId = input.ownerId
    if (input.dueOn !== undefined) changes.dueOn = input.dueOn
    if (input.title !== undefined) changes.title = input.title
    if (input.description !== undefined) changes.description = input.description || null
    if (input.note !== undefined) changes.note = input.note || null
    if (input.done === true && task.doneAt === null) {
      changes.doneAt = now
      changes.doneById = ctx.userId
    } else if (input.done === false) {
      changes.doneAt = null
      changes.doneById = null
    }
    if (Object.keys(changes).length > 0) {
      await tx.update(schema.incidentTasks).set(changes).where(eq(schema.incidentTasks.id, task.id))
    }
    return { ok: true, id: task.id }
  },
})
