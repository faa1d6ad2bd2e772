// Planning a follow-up task on a submitted incident (the directeur and the IB): a §4 victim-care
// step or any other follow-up, for a staff member of the school, due within a year.
import { schema } from '@baken/db'
import { record } from '@baken/permissions'
import { localDate } from '../dates.ts'
import type { FieldError } from '../result.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { loadIncident } from './incident-record.ts'
import { checkDueOn, checkOwner, createTaskInput } from './tasks.ts'
import { recordId } from '../input-rules.ts'

const FORBIDDEN = 'Alleen de directeur of de intern begeleider plant vervolgtaken.'

export const createTask = defineUseCase({
  name: 'incidents/create-task',
  input: createTaskInput.extend({ id: recordId() }),
  permission: ['create', 'IncidentTask'],
  forbidden: FORBIDDEN,
  async run(tx, { ability, tenant: ctx, now }, { id: incidentId, ...input }) {
    if (!ctx.schoolId || !ctx.stichtingId) return refuse('forbidden', '', FORBIDDEN)
    const incident = await loadIncident(tx, ability, incidentId)
    if (!incident) return refuse('not_found', 'id', 'Incident niet gevonden.')
    if (incident.status !== 'submitted') {
      return refuse('conflict', 'status', 'Dien het incident eerst in: een concept is alleen voor de auteur zichtbaar.')
    }
    const today = localDate(now)
    const errors = [checkDueOn(input.dueOn, today), await checkOwner(tx, ctx, input.ownerId, incident.confidential)].filter(
      (e): e is FieldError => e !== null,
    )
    if (errors.length) return invalid(errors)
    const tenant = { stichtingId: incident.stichtingId, schoolId: incident.schoolId }
    if (!ability.can('create', record('IncidentTask', { ...tenant, incidentId: incident.id, ownerId: input.ownerId }))) {
      return refuse('forbidden', '', 'Je mag voor dit incident geen taken plannen.')
    }
    const id = crypto.randomUUID()
    await tx.insert(schema.incidentTasks).values({
      id,
      ...tenant,
      incidentId: incident.id,
      kind: input.kind,
      title: input.title,
      description: input.description || null,
      ownerId: input.ownerId,
      dueOn: input.dueOn,
      createdById: ctx.userId,
    })
    return { ok: true, id }
  },
})
