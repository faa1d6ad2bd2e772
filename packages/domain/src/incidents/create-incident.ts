// Registering an incident (the Bijlage 1 note): a draft, or submitted at once. Validation errors come
// back as a list, and nothing is saved.
import { schema } from '@baken/db'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { createIncidentInput } from './incident-input.ts'
import { decideSeverity, finalise, recordVersion, resolvePupils, rowValues, snapshotAfter, writeChildren } from './save-incident.ts'

const FORBIDDEN = 'Je mag geen incidenten registreren.'

export const createIncident = defineUseCase({
  name: 'incidents/create-incident',
  input: createIncidentInput,
  permission: ['create', 'Incident'],
  forbidden: FORBIDDEN,
  async run(tx, { tenant: ctx, now }, input) {
    if (!ctx.schoolId || !ctx.stichtingId) return refuse('forbidden', '', FORBIDDEN)
    const severity = decideSeverity(input)
    const pupils = await resolvePupils(tx, input.persons)
    const errors = [...severity.errors, ...pupils.errors]
    if (errors.length) return invalid(errors)

    const tenant = { stichtingId: ctx.stichtingId, schoolId: ctx.schoolId }
    const id = crypto.randomUUID()
    const values = rowValues(input, severity.suggestion.level, severity.chosen)
    // Written as a draft first: the author must see the row while its parts and first version are
    // written; submitting (which may hide a confidential incident from the author) comes last.
    // No RETURNING, for the same reason.
    await tx.insert(schema.incidents).values({ id, ...tenant, ...values, status: 'draft', reportedById: ctx.userId })
    await writeChildren(tx, tenant, id, input, pupils.groupOf)
    const after = snapshotAfter(
      {
        id,
        ...tenant,
        ...values,
        status: input.submit ? 'submitted' : 'draft',
        submittedAt: input.submit ? now : null,
        reportedById: ctx.userId,
        version: 1,
        createdAt: now,
        updatedAt: now,
        location: null,
        motive: null,
        reportedByName: null,
      },
      input,
      pupils.groupOf,
    )
    await recordVersion(tx, ctx, tenant, id, 1, null, after)
    if (input.submit) await finalise(tx, id, values.confidential, true)
    return { ok: true, id, version: 1 }
  },
})
