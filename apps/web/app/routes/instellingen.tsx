import { getLawSettings, updateLawSettings } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { inTenant, requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'

/**
 * /instellingen — the stichting's choices where the law leaves room (the bestuurder and the
 * stichtingbeheerder): for now the age up to which the parents of a vo pupil also receive a decision,
 * with the rule, its source and its status beside it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'LawSettings')
  const settings = await inTenant(ctx, (tx) => getLawSettings(tx, ctx.ability, ctx.tenant))
  if (!settings) throw data('Geen toegang', { status: 403 })
  return { settings, mayUpdate: ctx.ability.can('update', 'LawSettings') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'LawSettings')
  const form = await request.formData()
  if (form.get('intent') !== 'vo-adult-age') return data({ errors: [{ path: 'intent', message: 'Onbekende actie.' }] }, { status: 400 })
  const raw = form.get('voDecisionAdultAge')
  // A whole number from the select; anything else goes to the domain as it is and is refused there.
  const voDecisionAdultAge = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : raw
  const saved = await writeInTenant(ctx, (tx) => updateLawSettings(tx, ctx.ability, ctx.tenant, { voDecisionAdultAge }))
  if (!saved.ok) return data({ errors: saved.errors }, { status: saved.status })
  return redirect('/instellingen?opgeslagen=1')
}

const STATUS_LABELS: Record<string, string> = { vastgesteld: 'Vastgesteld', onzeker: 'Onzeker', instelbaar: 'Instelbaar' }

export default function Settings() {
  const { settings, mayUpdate } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const rule = settings.voDecisionAdultAgeRule
  const ages = Array.from({ length: rule.max - rule.min + 1 }, (_, i) => rule.min + i)
  const error = actionData?.errors?.[0]?.message
  return (
    <section className="card">
      <h1>Instellingen van de stichting</h1>
      <p className="muted">Regels waarin de wet de stichting ruimte laat. Baken past ze toe op besluiten, brieven en berichten van alle scholen van de stichting.</p>
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
      <section aria-labelledby="vo-age-h">
        <h2 id="vo-age-h">Voortgezet onderwijs: besluit ook naar de ouders tot</h2>
        <p>
          {rule.text}{' '}
          {rule.status.map((s) => (
            <span key={s} className="badge">
              {STATUS_LABELS[s] ?? s}
            </span>
          ))}
        </p>
        <p className="pr-source">Bron: {rule.source}</p>
        {rule.note ? <p className="muted">{rule.note}</p> : null}
        <p>
          Nu: <strong>{settings.voDecisionAdultAge} jaar</strong>
          {settings.voDecisionAdultAgeChosen === null ? ` (standaard van de regelset)` : ' (gekozen door de stichting)'}.
        </p>
        {mayUpdate ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="vo-adult-age" />
            <div>
              <label htmlFor="voDecisionAdultAge">Leeftijd waarop de leerling het besluit alleen ontvangt</label>
              <select id="voDecisionAdultAge" name="voDecisionAdultAge" defaultValue={settings.voDecisionAdultAge} aria-invalid={error ? true : undefined}>
                {ages.map((a) => (
                  <option key={a} value={a}>
                    {a} jaar{a === rule.default ? ' (standaard)' : a === rule.min ? ' (meerderjarig)' : ''}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit">Opslaan</button>
          </Form>
        ) : null}
      </section>
    </section>
  )
}
