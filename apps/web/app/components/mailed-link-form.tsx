// The form of a page that mails a link: the address, its error, and once sent the one answer.
import { Form, Link, useNavigation } from '@remix-run/react'

export function MailedLinkForm({ title, intro, submit, result }: { title: string; intro: string; submit: string; result: { error: string | null; done: string | null } | undefined }) {
  const navigation = useNavigation()
  const error = result?.error ?? null
  return (
    <section className="card narrow">
      <h1>{title}</h1>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : (
        <>
          <p>{intro}</p>
          <Form method="post" noValidate>
            {error ? (
              <p className="error" role="alert" id="email-error">
                {error}
              </p>
            ) : null}
            <div className="field">
              <label htmlFor="email">E-mailadres</label>
              <input id="email" name="email" type="email" autoComplete="username" required aria-invalid={error ? true : undefined} aria-describedby={error ? 'email-error' : undefined} />
            </div>
            <button type="submit" disabled={navigation.state === 'submitting'}>
              {submit}
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
