import { ROLES } from '@baken/db'
import { getMfaPolicy, mayRun, updateMfaPolicy } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CheckboxGroup } from '~/components/form-parts.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { perform, refusalData, requireUseCase } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

/**
 * /beheer/tweede-factor — the stichtingbeheerder chooses which of the stichting's roles must use a
 * second factor (ADR 024). Without a choice: every role. Partner roles here bind the partner's
 * staff who work with this stichting.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getMfaPolicy)
  const policy = await perform(ctx, getMfaPolicy, {})
  if (!policy.ok) throw data('Geen toegang', { status: 403 })
  // Every role but the platform_beheerder's, which is not the stichting's to decide.
  const roles = ROLES.filter((r) => r !== 'platform_beheerder')
  return { policy: policy.policy, roles, mayUpdate: mayRun(updateMfaPolicy, ctx.ability) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, updateMfaPolicy)
  const form = await request.formData()
  const saved = await perform(ctx, updateMfaPolicy, { requiredRoles: form.getAll('requiredRoles') })
  if (!saved.ok) return refusalData(saved)
  return redirect('/beheer/tweede-factor?opgeslagen=1')
}

export default function MfaPolicyPage() {
  const t = useT()
  const { policy, roles, mayUpdate } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const error = actionData?.errors?.[0]?.message
  const options = roles.map((r) => ({ value: r, label: t(`role.${r}`) }))
  return (
    <section className="card">
      <h1>Tweede factor bij het inloggen</h1>
      <p>
        Wie een rol heeft die hier aangevinkt staat, moet naast het wachtwoord een tweede factor gebruiken (een authenticator-app, met herstelcodes). Wie er nog geen
        heeft, stelt die in direct na het inloggen en kan tot dan niets anders. Het Normenkader IBP vraagt dit voor iedereen die persoonsgegevens van leerlingen ziet.
      </p>
      {params.get('opgeslagen') ? (
        <p className="notice" role="status">
          Opgeslagen.
        </p>
      ) : null}
      {error ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>Niet opgeslagen.</strong> {error}
          </p>
        </div>
      ) : null}
      <p>{policy.isDefault ? 'Nu geldt de standaard: elke rol.' : `Gekozen door de stichting${policy.updatedAt ? ` (laatst gewijzigd ${new Date(policy.updatedAt).toLocaleDateString('nl-NL')})` : ''}.`}</p>
      {mayUpdate ? (
        <Form method="post">
          <CheckboxGroup id="requiredRoles" name="requiredRoles" legend="Rollen die een tweede factor moeten gebruiken" options={options} checked={policy.requiredRoles} error={error} />
          <button type="submit">Opslaan</button>
        </Form>
      ) : (
        <ul>
          {policy.requiredRoles.map((r) => (
            <li key={r}>{t(`role.${r}`)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
