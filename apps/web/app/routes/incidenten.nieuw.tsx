import { createIncident } from '@baken/domain'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { IncidentForm, type IncidentValues } from '~/components/incident-form.tsx'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { incidentFormOptions, incidentInputFromForm, incidentPageErrors } from '~/lib/incident-form.server.ts'
import { perform, refusalData, requireUseCase } from '~/lib/use-case.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, createIncident)
  return { options: await inTenant(ctx, (tx) => incidentFormOptions(tx, ctx.ability, ctx.user.id)) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, createIncident)
  // The form's fields (checkboxes, persons.N.field, Dutch local times) as the use case's input.
  const input = incidentInputFromForm(await request.formData())
  const saved = await perform(ctx, createIncident, input)
  // Refused: nothing was saved; the form comes back with what was typed.
  if (!saved.ok) return refusalData({ ...saved, errors: incidentPageErrors(saved.errors) }, { values: input as IncidentValues })
  return redirect(`/incidenten/${saved.id}?opgeslagen=1`)
}

export default function NewIncident() {
  const { options } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section>
      <h1>Incident registreren</h1>
      <IncidentForm options={options} values={actionData?.values ?? {}} errors={actionData?.errors ?? []} mode="create" />
    </section>
  )
}
