// Accepting an invitation: the page shows who invited and for what; a new address sets a name and a
// password (the password policy), an address with an account signs in first. Single use; an
// expired, used or revoked link gets its own message. On success the invitee is signed in.
import { getDatabase } from '@baken/db'
import { acceptInvitation, createSession, INVITATION_STATE_MESSAGES, invitationSsoChoice, readInvitation, PASSWORD_MIN_LENGTH } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from '@remix-run/react'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'
import { NewPasswordField } from '~/components/new-password-field.tsx'
import { useT } from '~/root.tsx'

// The token is in the path: no Referer may carry it to another site, and no cache may keep it.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' })

export async function loader({ params, context }: LoaderFunctionArgs) {
  const view = await readInvitation(getDatabase(), params.token ?? '')
  const minLength = PASSWORD_MIN_LENGTH
  if (!view) return data({ view: null, problem: INVITATION_STATE_MESSAGES.not_found, signedInAs: null, minLength, sso: null }, { status: 404 })
  const problem = view.state === 'open' ? null : INVITATION_STATE_MESSAGES[view.state]
  // A new account may also be made by signing in at the stichting's own provider (single sign-on).
  const sso = !problem && !view.hasAccount ? await invitationSsoChoice(getDatabase(), params.token ?? '') : null
  return data({ view, problem, signedInAs: context.auth?.user.email ?? null, minLength, sso }, { status: problem ? 410 : 200 })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData()
  const db = getDatabase()
  const outcome = await acceptInvitation(db, {
    token: params.token ?? '',
    name: String(form.get('name') ?? ''),
    password: String(form.get('password') ?? ''),
    signedInUserId: context.auth?.user.id ?? null,
  })
  if (!outcome.ok) return data({ errors: outcome.errors }, { status: outcome.reason === 'invalid' ? 400 : outcome.reason === 'not_found' ? 404 : 409 })
  const { token, expiresAt } = await createSession(db, outcome.userId, { ip: context.clientIp, userAgent: request.headers.get('user-agent') }, outcome.membershipId)
  return redirect('/', { headers: { 'Set-Cookie': sessionCookie.serialize(token, expiresAt, secureCookies()) } })
}

export default function Uitnodiging() {
  const t = useT()
  const token = useParams().token ?? ''
  const { view, problem, signedInAs, minLength, sso } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const errorAt = (path: string) => actionData?.errors.find((e) => e.path === path)?.message
  const general = errorAt('')
  if (!view || problem) {
    return (
      <section className="card narrow">
        <h1>Uitnodiging</h1>
        <p className="error" role="alert">
          {problem}
        </p>
        <p>
          <Link to="/login">Naar inloggen</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="card narrow">
      <h1>Uitnodiging voor Baken</h1>
      <p>
        {view.invitedBy} nodigt <strong>{view.email}</strong> uit als:
      </p>
      <ul>
        {view.memberships.map((m, i) => (
          <li key={i}>
            {t(`role.${m.role}`)}
            {m.school ? ` bij ${m.school}` : m.stichting ? ` bij ${m.stichting}` : m.partner ? ` bij ${m.partner}` : ''}
          </li>
        ))}
      </ul>
      {general ? (
        <p className="error" role="alert" id="accept-error">
          {general}
        </p>
      ) : null}
      {view.hasAccount ? (
        signedInAs === view.email ? (
          <Form method="post">
            <button type="submit" disabled={navigation.state === 'submitting'}>
              Uitnodiging aannemen
            </button>
          </Form>
        ) : (
          <p>
            Er is al een account voor {view.email}. <Link to="/login">Log in</Link> met dat
            account en open de link uit de e-mail daarna opnieuw.
          </p>
        )
      ) : (
        <>
          {sso ? (
            <section aria-labelledby="accept-sso">
              <h2 id="accept-sso">Met je schoolaccount</h2>
              <p>
                Log in bij de inlogdienst van je stichting met het account van <strong>{view.email}</strong>; je kiest dan geen wachtwoord voor Baken.
              </p>
              {/* A link, not a form: the CSP's form-action 'self' would stop the redirect to the provider. */}
              <p>
                <a className="button" href={`/login/sso?uitnodiging=${encodeURIComponent(token)}`}>
                  {`Aannemen via ${sso.displayName}`}
                </a>
              </p>
            </section>
          ) : null}
          {sso ? <h2>Of met een wachtwoord</h2> : null}
        <Form method="post" noValidate>
          <div className="field">
            <label htmlFor="name">Uw naam</label>
            <input id="name" name="name" autoComplete="name" required aria-invalid={errorAt('name') ? true : undefined} aria-describedby={errorAt('name') ? 'name-error' : undefined} />
            {errorAt('name') ? (
              <p className="error" id="name-error">
                {errorAt('name')}
              </p>
            ) : null}
          </div>
          <NewPasswordField label="Kies een wachtwoord" minLength={minLength} error={errorAt('password')} />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Account maken en inloggen
          </button>
        </Form>
        </>
      )}
    </section>
  )
}
