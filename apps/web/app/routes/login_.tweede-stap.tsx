import { getDatabase, withContext } from '@baken/db'
import { listPasskeys, verifySecondFactor } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { PasskeyButton } from '~/components/passkeys.tsx'
import { requireSession } from '~/lib/context.server.ts'
import { safeRedirect } from '~/lib/http.server.ts'
import { codeThrottle, mfaSecretKey } from '~/lib/mfa.server.ts'

// Retry-After on a rate-limited code.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders

/**
 * /login/tweede-stap — the second step of a login (a TOTP code or a recovery code), and the
 * re-verification that a step-up asks for (?step-up=1). Returns to redirectTo.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  const url = new URL(request.url)
  const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), '/')
  if (auth.gate === 'second_factor_enrolment_required') throw redirect(`/account/tweede-factor?redirectTo=${encodeURIComponent(redirectTo)}`)
  const stepUp = url.searchParams.get('step-up') === '1'
  // Nothing owed and no step-up asked: straight on. A user without any factor has nothing to give here.
  if (!auth.gate && (!stepUp || auth.session?.secondFactorAt === null)) throw redirect(redirectTo)
  const hasPasskey = (await withContext(getDatabase(), { userId: auth.user.id }, (tx) => listPasskeys(tx, auth.user.id))).length > 0
  return { redirectTo, stepUp: stepUp && !auth.gate, hasPasskey }
}

const codeForm = z.object({ code: z.string().trim().min(1).max(64), redirectTo: z.string().max(2000).optional() })

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  const parsed = codeForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Vul de code in.' }, { status: 400 })
  const result = await verifySecondFactor(
    getDatabase(),
    mfaSecretKey,
    { userId: auth.user.id, email: auth.user.email, sessionId: auth.sessionId, code: parsed.data.code, ip: context.clientIp, userAgent: request.headers.get('user-agent') },
    codeThrottle,
  )
  if (!result.ok) {
    if (result.reason === 'rate_limited') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      return data(
        { error: `Te veel onjuiste codes. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.` },
        { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
      )
    }
    return data({ error: 'Deze code klopt niet, is verlopen of is al gebruikt. Probeer de volgende code uit je app, of een ongebruikte herstelcode.' }, { status: 401 })
  }
  // Without a chosen organisation the organisation page comes first (as after a password login).
  const target = auth.membership ? safeRedirect(parsed.data.redirectTo, '/') : '/organisatie'
  return redirect(target)
}

export default function SecondStep() {
  const { redirectTo, stepUp, hasPasskey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const error = actionData?.error ?? null
  return (
    <section className="card narrow">
      <h1>{stepUp ? 'Bevestig dat jij het bent' : 'Tweede stap van het inloggen'}</h1>
      <p id="code-help">
        {stepUp
          ? 'Voor deze handeling vragen we je tweede factor opnieuw (hooguit 5 minuten oud). '
          : ''}
        Vul de code van 6 cijfers uit je authenticator-app in. Heb je je telefoon niet bij je? Gebruik dan een van je herstelcodes.
      </p>
      <Form method="post" aria-describedby={error ? 'code-error' : undefined}>
        {error ? (
          <p id="code-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor="code">Code</label>
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            maxLength={64}
            aria-describedby="code-help"
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Bevestigen
        </button>
      </Form>
      {hasPasskey ? (
        <section aria-labelledby="passkey-step-title">
          <h2 id="passkey-step-title">Of gebruik je passkey</h2>
          <PasskeyButton
            optionsUrl="/api/v1/account/mfa/passkey-assertion/options"
            optionsBody={{}}
            verifyUrl="/api/v1/account/mfa/passkey-assertion"
            verifyBody={{}}
            then={redirectTo}
            className="button secondary"
            texts={{
              button: 'Bevestigen met passkey',
              busy: 'Bezig met je passkey…',
              cancelled: 'Er is geen passkey gebruikt, of het duurde te lang. Probeer het opnieuw.',
              unsupported: 'Deze browser ondersteunt geen passkeys. Gebruik een code.',
            }}
          />
        </section>
      ) : null}
      <Form method="post" action="/logout">
        <p>
          <button type="submit" className="button secondary">
            Uitloggen
          </button>{' '}
          {stepUp ? <Link to={redirectTo}>Terug</Link> : null}
        </p>
      </Form>
    </section>
  )
}
