import { createIncident } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { IncidentForm, type IncidentValues } from '~/components/incident-form.tsx'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'
import { incidentFormOptions, incidentInputFromForm } from '~/lib/incident-form.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Incident')
  return { options: await inTenant(ctx, (tx) => incidentFormOptions(tx, ctx.ability)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Incident')
  const input = incidentInputFromForm(await request.formData())
  try {
    const saved = await inTenant(ctx, async (tx) => {
      const result = await createIncident(tx, ctx.ability, ctx.tenant, input)
      if (!result.ok) throw result
      return result
    })
    return redirect(`/incidenten/${saved.id}?opgeslagen=1`)
  } catch (failure) {
    if (failure && typeof failure === 'object' && 'errors' in failure) {
      const f = failure as { status: number; errors: { path: string; message: string }[] }
      // Nothing was saved (the transaction rolled back); the form comes back with what was typed.
      return data({ errors: f.errors, values: input as IncidentValues }, { status: f.status })
    }
    throw failure
  }
}

export default function NewIncident() {
  const { options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section>
      <h1>Incident registreren</h1>
      <p className="muted">Notitie volgens Bijlage 1 van het protocol. Alleen de bovenste velden zijn nodig om snel vast te leggen; de rest kan later.</p>
      <IncidentForm options={options} values={actionData?.values ?? {}} errors={actionData?.errors ?? []} mode="create" />
    </section>
  )
}
