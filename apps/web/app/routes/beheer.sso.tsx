import { getSsoProvider, saveSsoProvider, testSsoConnection } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { ssoCallbackUrl } from '~/lib/sso.server.ts'
import { perform, refusalData, requireUseCase } from '~/lib/use-case.server.ts'

/**
 * /beheer/sso — the stichtingbeheerder sets the stichting's sign-in service (OpenID Connect:
 * Microsoft Entra ID, Google Workspace, Entree Federatie …): issuer, client id, secret (write-only),
 * the acr values that count as MFA, enabled, and "alleen via SSO" for the stichting's staff.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getSsoProvider)
  const found = await perform(ctx, getSsoProvider, {})
  return { provider: found.ok ? found.provider : null, callbackUrl: ssoCallbackUrl(request) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'test') {
    requireUseCase(ctx, testSsoConnection)
    const tested = await perform(ctx, testSsoConnection, {})
    if (!tested.ok) return refusalData(tested)
    return data({ tested: true as const })
  }
  if (intent !== 'save') return data({ errors: [{ path: 'intent', message: 'Onbekende actie.' }] }, { status: 400 })
  requireUseCase(ctx, saveSsoProvider)
  const secret = String(form.get('clientSecret') ?? '')
  const acr = String(form.get('mfaAcrValues') ?? '')
  const saved = await perform(ctx, saveSsoProvider, {
    displayName: form.get('displayName') ?? '',
    issuer: form.get('issuer') ?? '',
    clientId: form.get('clientId') ?? '',
    ...(secret ? { clientSecret: secret } : {}),
    mfaAcrValues: acr
      .split(/[\n,]/)
      .map((v) => v.trim())
      .filter(Boolean),
    enabled: form.get('enabled') === 'on',
    ssoOnly: form.get('ssoOnly') === 'on',
    emailTrust: form.get('emailTrust') === 'on' ? 'issuer' : 'claim',
  })
  if (!saved.ok) return refusalData(saved)
  return redirect('/beheer/sso?opgeslagen=1')
}

export default function SsoSettings() {
  const { provider, callbackUrl } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [params] = useSearchParams()
  const errors = actionData && 'errors' in actionData ? actionData.errors : []
  const errorOf = (path: string) => errors.find((e) => e.path === path)?.message
  const field = (path: string) => {
    const message = errorOf(path)
    return { 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${path}-error` : undefined }
  }
  const FieldError = ({ path }: { path: string }) =>
    errorOf(path) ? (
      <p id={`${path}-error`} className="error">
        {errorOf(path)}
      </p>
    ) : null
  return (
    <section className="card">
      <h1>Inloggen via de school (SSO)</h1>
      <p className="muted">
        Laat het personeel van de stichting inloggen met het account van de school (OpenID Connect: Microsoft Entra ID, Google Workspace, Entree
        Federatie). Baken maakt zelf geen accounts aan: wie inlogt, moet al uitgenodigd zijn en wordt herkend aan een bevestigd e-mailadres.
      </p>
      {params.get('opgeslagen') ? (
        <p className="notice" role="status">
          Opgeslagen. De inlogdienst is bereikbaar.
        </p>
      ) : null}
      {actionData && 'tested' in actionData ? (
        <p className="notice" role="status">
          Verbinding gelukt: de configuratie van de inlogdienst is gelezen.
        </p>
      ) : null}
      {errors.length ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>Niet gelukt.</strong> {errors[0]!.message}
          </p>
        </div>
      ) : null}
      <p>
        Redirect-URI om bij de inlogdienst te registreren: <code>{callbackUrl}</code>
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <div className="field">
          <label htmlFor="displayName">Naam op de inlogknop</label>
          <input id="displayName" name="displayName" required maxLength={120} defaultValue={provider?.displayName ?? ''} {...field('displayName')} />
          <FieldError path="displayName" />
        </div>
        <div className="field">
          <label htmlFor="issuer">Issuer-URL</label>
          <input id="issuer" name="issuer" type="url" required inputMode="url" defaultValue={provider?.issuer ?? ''} {...field('issuer')} />
          <FieldError path="issuer" />
        </div>
        <div className="field">
          <label htmlFor="clientId">Client-id</label>
          <input id="clientId" name="clientId" required defaultValue={provider?.clientId ?? ''} autoComplete="off" {...field('clientId')} />
          <FieldError path="clientId" />
        </div>
        <div className="field">
          <label htmlFor="clientSecret">Clientgeheim</label>
          <input id="clientSecret" name="clientSecret" type="password" autoComplete="new-password" required={!provider?.clientSecretSet} {...field('clientSecret')} />
          <p className="muted">{provider?.clientSecretSet ? 'Er is een geheim opgeslagen. Laat leeg om het te houden.' : 'Wordt versleuteld opgeslagen en nooit meer getoond.'}</p>
          <FieldError path="clientSecret" />
        </div>
        <div className="field">
          <label htmlFor="mfaAcrValues">acr-waarden die als tweede factor gelden (optioneel, één per regel)</label>
          <textarea id="mfaAcrValues" name="mfaAcrValues" rows={2} defaultValue={provider?.mfaAcrValues.join('\n') ?? ''} {...field('mfaAcrValues')} />
          <FieldError path="mfaAcrValues" />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="enabled" defaultChecked={provider?.enabled ?? true} /> Inlogdienst aan
          </label>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="ssoOnly" defaultChecked={provider?.ssoOnly ?? false} aria-describedby={errorOf('ssoOnly') ? 'ssoOnly-help ssoOnly-error' : 'ssoOnly-help'} /> Personeel logt
            alleen via de school in
          </label>
          <p id="ssoOnly-help" className="muted">
            Inloggen met een wachtwoord wordt dan geweigerd voor wie alleen rollen binnen deze stichting heeft. Partners (Halt, politie) en platformbeheer
            houden hun wachtwoord. API-tokens blijven werken.
          </p>
          <FieldError path="ssoOnly" />
        </div>
        <div className="field">
          <label>
            <input
              type="checkbox"
              name="emailTrust"
              defaultChecked={provider?.emailTrust === 'issuer'}
              aria-describedby={errorOf('emailTrust') ? 'emailTrust-help emailTrust-error' : 'emailTrust-help'}
            />{' '}
            E-mailadressen van deze inlogdienst vertrouwen
          </label>
          <p id="emailTrust-help" className="muted">
            Voor Microsoft Entra ID: die zegt niet of een adres gecontroleerd is. Zet dit aan als de adressen uit de eigen tenant van de stichting komen. Een
            collega wordt bij de eerste keer inloggen op e-mailadres herkend. Niet mogelijk met de issuers common, organizations of consumers.
          </p>
          <FieldError path="emailTrust" />
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Opslaan
        </button>
      </Form>
      {provider ? (
        <Form method="post">
          <input type="hidden" name="intent" value="test" />
          <button type="submit" className="secondary" disabled={navigation.state === 'submitting'}>
            Verbinding testen
          </button>
        </Form>
      ) : null}
    </section>
  )
}
