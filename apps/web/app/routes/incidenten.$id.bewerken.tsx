import { loadIncident, updateIncident } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { IncidentForm, type IncidentValues } from '~/components/incident-form.tsx'
import { inTenant, requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'
import { incidentFormOptions, incidentInputFromForm } from '~/lib/incident-form.server.ts'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const found = await inTenant(ctx, async (tx) => {
    const incident = await loadIncident(tx, ctx.ability, params.id ?? '', 'update')
    return incident ? { incident, options: await incidentFormOptions(tx, ctx.ability) } : null
  })
  if (!found) throw data('Niet gevonden', { status: 404 })
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
  requirePermission(request, ctx, 'read', 'Incident')
  const form = await request.formData()
  const input = { ...incidentInputFromForm(form), expectedVersion: Number(form.get('expectedVersion')) || undefined }
  const saved = await writeInTenant(ctx, (tx) => updateIncident(tx, ctx.ability, ctx.tenant, params.id ?? '', input))
  if (!saved.ok) return data({ errors: saved.errors }, { status: saved.status })
  return redirect(`/incidenten/${params.id}?opgeslagen=1`)
}

export default function EditIncident() {
  const { id, version, values, options } = useLoaderData<typeof loader>()
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
