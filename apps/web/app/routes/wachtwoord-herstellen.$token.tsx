// Choosing a new password from a reset link. The link works once and for an hour; an unknown, used
// or expired one gets its own message. The new password meets the password policy; on success the
// user is signed out everywhere (sessions ended, API tokens revoked) and sent to the login page.
import { getDatabase } from '@baken/db'
import { PASSWORD_MIN_LENGTH, PASSWORD_RESET_STATE_MESSAGES, readPasswordReset, redeemPasswordReset } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { NewPasswordField } from '~/components/new-password-field.tsx'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'

// The token is in the path: no Referer may carry it to another site, and no cache may keep it.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' })

export async function loader({ params }: LoaderFunctionArgs) {
  const view = await readPasswordReset(getDatabase(), params.token ?? '')
  const minLength = PASSWORD_MIN_LENGTH
  if (!view) return data({ email: null, problem: PASSWORD_RESET_STATE_MESSAGES.not_found, minLength }, { status: 404 })
  if (view.state !== 'open') return data({ email: null, problem: PASSWORD_RESET_STATE_MESSAGES[view.state], minLength }, { status: 410 })
  return data({ email: view.email, problem: null, minLength })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  const confirm = form.get('confirm')
  const outcome = await redeemPasswordReset(getDatabase(), {
    token: params.token ?? '',
    password: String(form.get('password') ?? ''),
    ...(confirm === null ? {} : { confirm: String(confirm) }),
  })
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.reason === 'invalid' ? 400 : outcome.reason === 'not_found' ? 404 : 410 })
  // Every session of the user is gone; the cookie of this browser, if any, goes too.
  return redirect('/login?wachtwoord=hersteld', { headers: { 'Set-Cookie': sessionCookie.clear(secureCookies()) } })
}

export default function WachtwoordHerstellen() {
  const { email, problem, minLength } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const errorAt = (path: string) => actionData?.errors.find((e) => e.path === path)?.message
  const general = problem ?? errorAt('')
  if (!email || general) {
    return (
      <section className="card narrow">
        <h1>Nieuw wachtwoord</h1>
        <p className="error" role="alert">
          {general}
        </p>
        <p>
          <Link to="/wachtwoord-vergeten">Een nieuwe link aanvragen</Link> · <Link to="/login">Naar inloggen</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="card narrow">
      <h1>Nieuw wachtwoord</h1>
      <p>
        Kies een nieuw wachtwoord voor <strong>{email}</strong>. Daarna bent u overal uitgelogd en logt u opnieuw in.
      </p>
      <Form method="post" noValidate>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <NewPasswordField label="Nieuw wachtwoord" minLength={minLength} error={errorAt('password')} />
        <div className="field">
          <label htmlFor="confirm">Herhaal het nieuwe wachtwoord</label>
          <input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={errorAt('confirm') ? true : undefined}
            aria-describedby={errorAt('confirm') ? 'confirm-error' : undefined}
          />
          {errorAt('confirm') ? (
            <p className="error" id="confirm-error" role="alert">
              {errorAt('confirm')}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Wachtwoord opslaan
        </button>
      </Form>
    </section>
  )
}
