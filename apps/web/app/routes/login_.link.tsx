// Asking for a sign-in link (family accounts: ouder, leerling; ADR 042). Every address gets the same
// answer, so the page never tells whether an address has an account, nor whether it is a staff one;
// requests are throttled per address and per client address, as password resets are.
import { getDatabase } from '@baken/db'
import { SIGN_IN_LINK_REQUESTED, requestSignInLink } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'

// Retry-After on a refused request; nothing about the address may linger in a cache.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers(actionHeaders)
  headers.set('Referrer-Policy', 'no-referrer')
  headers.set('Cache-Control', 'no-store')
  return headers
}

export function loader({ context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect('/')
  return null
}

const requestForm = z.object({ email: z.string().trim().min(1).max(254).pipe(z.email()) })

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = requestForm.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.', done: null }, { status: 400 })
  const result = await requestSignInLink(getDatabase(), { email: parsed.data.email, ip: context.clientIp })
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60)
    return data(
      { error: `Er zijn te veel aanvragen gedaan. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`, done: null },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  return data({ error: null, done: SIGN_IN_LINK_REQUESTED })
}

export default function LoginLink() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const error = actionData?.error ?? null
  return (
    <section className="card narrow">
      <h1>Inloggen met een link</h1>
      {actionData?.done ? (
        <p className="notice" role="status">
          {actionData.done}
        </p>
      ) : (
        <>
          <p>
            Voor ouders en leerlingen. Vul uw e-mailadres in. U krijgt een e-mail met een link waarmee u inlogt, zonder wachtwoord. Medewerkers van de school loggen in met hun wachtwoord.
          </p>
          <Form method="post" noValidate>
            {error ? (
              <p className="error" role="alert" id="email-error">
                {error}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="email">E-mailadres</label>
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'email-error' : undefined}
              />
            </div>
            <button type="submit" disabled={navigation.state === 'submitting'}>
              Stuur mij een inloglink
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">Terug naar inloggen</Link>
      </p>
    </section>
  )
}
