import { getDatabase, withContext } from '@baken/db'
import { attemptLogin, createSession, listMembershipOptions, listSsoChoices, loginThrottleFromEnv, passwordRefusedBySsoOnly, type SsoRefusal } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { PasskeyButton } from '~/components/passkeys.tsx'
import { safeRedirect } from '~/lib/http.server.ts'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'
import { useT } from '~/root.tsx'

// Document responses take their headers from here (Retry-After on a rate-limited attempt).
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders

// Read when the server starts (the build imports every route), so a bad value stops the start.
const throttle = loginThrottleFromEnv()

const START_REFUSALS: readonly SsoRefusal[] = ['unknown_provider', 'provider_error']

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect('/')
  // The stichtingen with single sign-on, and a refusal of /login/sso to show (login_.sso.tsx).
  const sso = new URL(request.url).searchParams.get('sso')
  const passwordReset = new URL(request.url).searchParams.get('wachtwoord') === 'hersteld'
  return { ssoChoices: await listSsoChoices(getDatabase()), ssoError: START_REFUSALS.find((r) => r === sso) ?? null, passwordReset }
}

const loginForm = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  redirectTo: z.string().optional(),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData())
  const parsed = loginForm.safeParse(form)
  if (!parsed.success) return data({ error: 'required' as const }, { status: 400 })
  const db = getDatabase()
  const result = await attemptLogin(db, { email: parsed.data.email, password: parsed.data.password, ip: context.clientIp }, throttle)
  if (result.sprayAlert) {
    // Counts only: no account or address (AVG art. 5(1)(c)); once per window across all processes.
    console.warn(
      `Login: ${result.sprayAlert.failures} failed logins site-wide in the last ${result.sprayAlert.windowMinutes} minutes (password spray?); stricter per-address limits apply until that drops.`,
    )
  }
  if (!result.ok) {
    if (result.reason === 'rate_limited') {
      return data(
        { error: 'rateLimited' as const, minutes: Math.ceil(result.retryAfterSeconds / 60) },
        { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
      )
    }
    return data({ error: 'invalid' as const }, { status: 401 })
  }
  // Checked after the password, so the refusal tells nothing to someone without it.
  if (await passwordRefusedBySsoOnly(db, result.userId)) return data({ error: 'ssoOnly' as const }, { status: 403 })
  // With exactly one membership the choice is made for the user; otherwise they choose next.
  const options = await withContext(db, { userId: result.userId }, (tx) => listMembershipOptions(tx, result.userId))
  const only = options.length === 1 ? options[0]!.id : null
  const { token, expiresAt } = await createSession(
    db,
    result.userId,
    { ip: context.clientIp, userAgent: request.headers.get('user-agent') },
    only,
  )
  const target = only ? safeRedirect(parsed.data.redirectTo, '/') : '/organisatie'
  return redirect(target, { headers: { 'Set-Cookie': sessionCookie.serialize(token, expiresAt, secureCookies()) } })
}

export default function Login() {
  const t = useT()
  const { ssoChoices, ssoError, passwordReset } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const redirectTo = typeof window === 'undefined' ? undefined : new URLSearchParams(window.location.search).get('redirectTo')
  const error =
    actionData?.error === 'rateLimited'
      ? t('login.rateLimited', { minutes: actionData.minutes })
      : actionData?.error === 'invalid'
        ? t('login.invalid')
        : actionData?.error === 'required'
          ? t('login.required')
          : actionData?.error === 'ssoOnly'
            ? t('login.ssoOnly')
            : ssoError
              ? t(`login.sso.${ssoError}`)
              : null
  return (
    <section className="card narrow">
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      {passwordReset ? <p className="notice" role="status">Uw wachtwoord is gewijzigd en u bent overal uitgelogd. Log in met uw nieuwe wachtwoord.</p> : null}
      <Form method="post" aria-describedby={error ? 'login-error' : undefined}>
        {error ? (
          <p id="login-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={redirectTo ?? ''} />
        <div className="field">
          <label htmlFor="email">{t('login.email')}</label>
          <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          {t('login.submit')}
        </button>
      </Form>
      <p><Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link></p>
      <p>
        {t('login.link.intro')} <Link to="/login/link">{t('login.link.cta')}</Link>
      </p>
      <section aria-labelledby="passkey-title">
        <h2 id="passkey-title">{t('login.passkey.button')}</h2>
        <p className="muted">{t('login.passkey.intro')}</p>
        <PasskeyButton
          optionsUrl="/login/passkey"
          optionsBody={{ step: 'options' }}
          verifyUrl="/login/passkey"
          verifyBody={{ step: 'verify', ...(redirectTo ? { redirectTo } : {}) }}
          className="button secondary"
          texts={{ button: t('login.passkey.button'), busy: t('login.passkey.busy'), cancelled: t('login.passkey.cancelled'), unsupported: t('login.passkey.unsupported') }}
        />
      </section>
      {ssoChoices.length > 0 ? (
        <section aria-labelledby="sso-title">
          <h2 id="sso-title">{t('login.sso.title')}</h2>
          <p className="muted">{t('login.sso.intro')}</p>
          {/* Links, not a form: the CSP's form-action 'self' would stop a form's redirect to the provider. */}
          <ul className="sso-choices">
            {ssoChoices.map((c) => (
              <li key={c.id}>
                <a className="button" href={`/login/sso?${new URLSearchParams({ provider: c.id, ...(redirectTo ? { redirectTo } : {}) })}`}>
                  {t('login.sso.via', { name: c.displayName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  )
}
