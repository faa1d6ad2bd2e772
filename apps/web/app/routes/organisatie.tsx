import { getDatabase, withContext } from '@baken/db'
import { listMembershipOptions, switchMembership } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireAuth } from '~/lib/context.server.ts'
import { useT } from '~/root.tsx'

/** Every text of this page is in the dictionaries: it is shown in English when chosen (ADR 035). */
export const handle = { english: true }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context)
  const options = await withContext(getDatabase(), { userId: auth.user.id }, (tx) => listMembershipOptions(tx, auth.user.id))
  return { options, current: auth.membership?.id ?? null }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context)
  const membershipId = String((await request.formData()).get('membershipId') ?? '')
  if (!auth.sessionId) return data({ error: 'invalid' as const }, { status: 400 })
  const ok = /^[0-9a-f-]{36}$/i.test(membershipId)
    ? await switchMembership(getDatabase(), { id: auth.sessionId, userId: auth.user.id }, membershipId)
    : false
  // Someone else's membership id and a made-up one get the same answer.
  if (!ok) return data({ error: 'invalid' as const }, { status: 404 })
  return redirect('/')
}

export default function Organisatie() {
  const t = useT()
  const { options, current } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section className="card">
      <h1>{t('org.title')}</h1>
      {actionData?.error ? (
        <p className="error" role="alert">
          {t('org.invalid')}
        </p>
      ) : null}
      {options.length === 0 ? <p>{t('org.none')}</p> : <p className="muted">{t('org.intro')}</p>}
      <ul className="choices">
        {options.map((o) => (
          <li key={o.id}>
            <Form method="post">
              <input type="hidden" name="membershipId" value={o.id} />
              <button type="submit" aria-current={o.id === current ? 'true' : undefined}>
                <strong>{t('org.choose', { name: o.organisationName })}</strong>
                <br />
                <span className="muted">
                  {t(`role.${o.role}`)}
                  {o.parentName ? ` · ${o.parentName}` : ''}
                  {o.id === current ? ` · ${t('org.current')}` : ''}
                </span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  )
}
