// Opening a sign-in link (ADR 042). Opening the page spends nothing: mail filters and link previews
// open links by themselves, and a single-use link they opened would be gone before the parent taps
// it. The button on the page spends the link and signs in; a second factor is still asked when the
// account has one. An unknown, used or expired link says so, with a way to ask for a new one.
import { getDatabase } from '@baken/db'
import { SIGN_IN_LINK_STATE_MESSAGES, readSignInLink, redeemSignInLink } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'

// The token is in the path: no Referer may carry it to another site, and no cache may keep it.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' })

export async function loader({ params }: LoaderFunctionArgs) {
  const view = await readSignInLink(getDatabase(), params.token ?? '')
  if (!view) return data({ email: null, problem: SIGN_IN_LINK_STATE_MESSAGES.not_found }, { status: 404 })
  if (view.state !== 'open') return data({ email: null, problem: SIGN_IN_LINK_STATE_MESSAGES[view.state] }, { status: 410 })
  return data({ email: view.email, problem: null })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const outcome = await redeemSignInLink(getDatabase(), { token: params.token ?? '', ip: context.clientIp, userAgent: request.headers.get('user-agent') })
  if (!outcome.ok) return data({ problem: outcome.message }, { status: outcome.reason === 'not_found' ? 404 : 410 })
  // The portal asks for the second factor itself when the account has one (the session's gate).
  return redirect(outcome.membershipChosen ? '/' : '/organisatie', { headers: { 'Set-Cookie': sessionCookie.serialize(outcome.token, outcome.expiresAt, secureCookies()) } })
}

export default function LoginLinkToken() {
  const { email, problem } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const shown = actionData?.problem ?? problem
  if (!email || shown) {
    return (
      <section className="card narrow">
        <h1>Inloggen met een link</h1>
        <p className="error" role="alert">
          {shown}
        </p>
        <p>
          <Link to="/login/link">Een nieuwe inloglink aanvragen</Link> · <Link to="/login">Inloggen met wachtwoord</Link>
        </p>
      </section>
    )
  }
  return (
    <section className="card narrow">
      <h1>Inloggen met een link</h1>
      <p>
        U logt in als <strong>{email}</strong>.
      </p>
      <Form method="post">
        <button type="submit" disabled={navigation.state === 'submitting'}>
          Inloggen
        </button>
      </Form>
      <p>
        <Link to="/login">Toch niet</Link>
      </p>
    </section>
  )
}
