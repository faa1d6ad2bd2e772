import { readIncident, runUseCase, updateIncident } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { IncidentForm, type IncidentValues } from '~/components/incident-form.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { incidentFormOptions, incidentInputFromForm, incidentPageErrors } from '~/lib/incident-form.server.ts'
import { perform, refusalData, requireUseCase, caseContextOf } from '~/lib/use-case.server.ts'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readIncident)
  const found = await inTenant(ctx, async (tx) => {
    // The edit form shows the whole note, so it is a logged read (break-glass for the directeur on
    // a confidential incident, as on the incident page); only an incident the caller may update.
    const read = await runUseCase(readIncident, tx, caseContextOf(ctx), { id: params.id ?? '', edit: true })
    if (!read.ok) return read
    return { ok: true as const, incident: read.incident, options: await incidentFormOptions(tx, ctx.ability, ctx.user.id) }
  })
  if (!found.ok && found.reason === 'forbidden') return breakGlassPrompt(request, 'incident', params.id ?? '')
  if (!found.ok) throw data('Niet gevonden', { status: 404 })
  const { incident, options } = found
  const values: IncidentValues = {
    ...incident,
    occurredAt: incident.occurredAt.toISOString(),
    parentsContactedAt: incident.parentsContactedAt?.toISOString() ?? null,
    voorval: incident.voorval.map((c) => c.code),
    voorwerp: incident.voorwerp.map((c) => c.code),
    afhandeling: incident.afhandeling.map((c) => c.code),
  }
  return { id: incident.id, version: incident.version, values, options }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readIncident)
  const form = await request.formData()
  // The form's fields (checkboxes, persons.N.field, Dutch local times) as the use case's input.
  const input = { ...incidentInputFromForm(form), id: params.id ?? '', expectedVersion: Number(form.get('expectedVersion')) || undefined }
  const saved = await perform(ctx, updateIncident, input)
  if (!saved.ok) return refusalData({ ...saved, errors: incidentPageErrors(saved.errors) })
  return redirect(`/incidenten/${params.id}?opgeslagen=1`)
}

export default function EditIncidentPage() {
  const loaded = useLoaderData<typeof loader>()
  if ('breakGlass' in loaded) return <BreakGlassForm {...loaded.breakGlass} />
  return <EditIncident {...loaded} />
}

function EditIncident({ id, version, values, options }: Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { breakGlass: unknown }>) {
  const actionData = useActionData<typeof action>()
  return (
    <section>
      <p>
        <Link to={`/incidenten/${id}`}>← Terug naar het incident</Link>
      </p>
      <h1>Incident wijzigen</h1>
      <p className="muted">Elke wijziging wordt als nieuwe versie bewaard (versie {version} → {version + 1}).</p>
      <IncidentFormWithVersion version={version}>
        <IncidentForm options={options} values={values} errors={actionData?.errors ?? []} mode="edit" />
      </IncidentFormWithVersion>
    </section>
  )
}

/** Carries the version the form was loaded at, so a concurrent edit is refused instead of lost. */
function IncidentFormWithVersion({ version, children }: { version: number; children: React.ReactNode }) {
  return (
    <div data-version={version} className="with-version">
      {children}
      <input type="hidden" name="expectedVersion" value={version} form="incident-form" />
    </div>
  )
}
