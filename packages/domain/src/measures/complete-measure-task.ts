// Marking a measure's task done, such as a statutory notice filed by hand.
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordId, textInput } from '../input-rules.ts'
import { defineUseCase, refuse } from '../use-case.ts'
import { loadMeasure } from './measure-cases.ts'

const completeMeasureTaskInput = z.strictObject({
  id: recordId(),
  taskId: recordId(),
  reference: textInput().trim().max(200, 'Kenmerk te lang').optional(),
  note: textInput().trim().max(4000, 'Notitie te lang').optional(),
})

/**
 * Marks a measure's task done — for the Inspectie notice, the manual submission in the Inspectie's
 * portal with its reference (the portal has no API). School staff who may update the measure.
 */
export const completeMeasureTask = defineUseCase({
  name: 'measures/complete-measure-task',
  input: completeMeasureTaskInput,
  permission: ['update', 'Measure'],
  async run(tx, { ability, tenant: ctx, now }, { id: measureId, taskId, ...data }) {
    if (!z.uuid().safeParse(taskId).success) return refuse('not_found', 'id', 'Taak niet gevonden.')
    const m = await loadMeasure(tx, ability, measureId, { action: 'update' })
    if (!m || !ctx.schoolId) return refuse('not_found', 'id', 'Taak niet gevonden.')
    const [task] = await tx
      .select()
      .from(schema.measureTasks)
      .where(and(eq(schema.measureTasks.id, taskId), eq(schema.measureTasks.measureId, m.id)))
    if (!task) return refuse('not_found', 'taskId', 'Taak niet gevonden.')
    if (task.doneAt) return refuse('conflict', 'taskId', 'Deze taak is al afgerond.')
    if (task.kind === 'inspectie_melding' && !data.reference) {
      return refuse('invalid', 'reference', 'Vul het kenmerk in dat het Internet Schooldossier van de Inspectie gaf.')
    }
    await tx
      .update(schema.measureTasks)
      .set({ doneAt: now, doneById: ctx.userId, reference: data.reference ?? null, note: data.note ?? null })
      .where(eq(schema.measureTasks.id, task.id))
    return { ok: true, id: m.id, state: m.state }
  },
})
