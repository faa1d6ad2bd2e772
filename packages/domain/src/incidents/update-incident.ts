// Changing an incident: any subset of the fields on top of the current note; a draft can be
// submitted. Every change is kept as a version, and a change that changes nothing writes nothing.
import { schema } from '@baken/db'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { zodErrors } from '../result.ts'
import { defineUseCase, invalid, refuse } from '../use-case.ts'
import { createIncidentInput, crossChecks, INCIDENT_INPUT_FIELDS, updateIncidentFields } from './incident-input.ts'
import { diffSnapshots, loadIncident, snapshotOf } from './incident-record.ts'
import { decideSeverity, finalise, recordVersion, resolvePupils, rowValues, snapshotAfter, writeChildren } from './save-incident.ts'
import { recordId } from '../input-rules.ts'

export const updateIncident = defineUseCase({
  name: 'incidents/update-incident',
  input: z
    .object({ id: recordId(), ...updateIncidentFields })
    .strict()
    .superRefine(crossChecks),
  permission: ['update', 'Incident'],
  async run(tx, { ability, tenant: ctx, now }, { id, ...parsed }) {
    const current = await loadIncident(tx, ability, id, 'update')
    if (!current) return refuse('not_found', 'id', 'Incident niet gevonden.')
    const { expectedVersion, submit, ...patch } = parsed
    // Only the fields the caller sent (the schema has no defaults: an absent field stays absent).
    if (Object.keys(parsed).every((k) => k === 'expectedVersion')) {
      return invalid([{ path: '', message: 'Niets te wijzigen: geef minstens één veld dat verandert.' }])
    }
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      return refuse('conflict', 'expectedVersion', `Het incident is intussen gewijzigd (versie ${current.version}); laad het opnieuw.`)
    }
    if (submit === false && current.status === 'submitted') {
      return invalid([{ path: 'submit', message: 'Een ingediend incident wordt niet terug een concept.' }])
    }
    const before = snapshotOf(current)
    const stored = Object.fromEntries(INCIDENT_INPUT_FIELDS.map((k) => [k, before[k]]))
    const changed = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    const merged = createIncidentInput.safeParse({
      ...stored,
      severity: undefined,
      ...changed,
      submit: submit ?? current.status === 'submitted',
    })
    if (!merged.success) return invalid(zodErrors(merged.error))
    const input = merged.data
    const kept = patch.severity === undefined ? { severity: current.severity, reason: current.severityReason } : undefined
    if (kept && patch.severityReason === undefined) input.severityReason = current.severityReason
    const severity = decideSeverity(input, kept)
    const pupils = await resolvePupils(tx, input.persons)
    const errors = [...severity.errors, ...pupils.errors]
    if (errors.length) return invalid(errors)

    const version = current.version + 1
    const submitting = current.status === 'draft' && input.submit
    const values = {
      ...rowValues(input, severity.suggestion.level, severity.chosen),
      status: current.status === 'submitted' || submitting ? ('submitted' as const) : ('draft' as const),
      submittedAt: current.submittedAt ?? (submitting ? now : null),
      version,
      updatedAt: now,
    }
    const tenant = { stichtingId: current.stichtingId, schoolId: current.schoolId }
    const after = snapshotAfter({ ...current, ...values }, input, pupils.groupOf)
    // A change that changes nothing (the form saved as it was, a field sent with its stored value)
    // writes nothing: no version, no new updatedAt.
    if (!submitting && diffSnapshots(before, after).length === 0) return { ok: true, id, version: current.version }
    // Parts and the version first, the row itself last (see create-incident.ts).
    await writeChildren(tx, tenant, id, input, pupils.groupOf)
    await recordVersion(tx, ctx, tenant, id, version, before, after)
    // Submitting and raising confidentiality go through finalise_incident (migration 0006): they may
    // hide the incident from the editor, which an ordinary UPDATE under RLS does not allow.
    const raises = values.confidential && !current.confidential
    await tx
      .update(schema.incidents)
      .set({ ...values, status: current.status, submittedAt: current.submittedAt, confidential: raises ? false : values.confidential })
      .where(and(eq(schema.incidents.id, id), eq(schema.incidents.version, current.version)))
    if (raises || submitting) await finalise(tx, id, values.confidential, submitting)
    return { ok: true, id, version }
  },
})
