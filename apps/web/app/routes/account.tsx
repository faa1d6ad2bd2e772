import { getDatabase, withContext } from '@baken/db'
import {
  createApiToken,
  createApiTokenInput,
  invalidateAllSessions,
  listApiTokens,
  listMembershipOptions,
  revokeApiToken,
} from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireAuth } from '~/lib/context.server.ts'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'
import { useT } from '~/root.tsx'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context)
  return withContext(getDatabase(), { userId: auth.user.id }, async (tx) => ({
    tokens: await listApiTokens(tx, auth.user.id),
    memberships: await listMembershipOptions(tx, auth.user.id),
    activeMembershipId: auth.membership?.id ?? null,
  }))
}

type ActionData =
  | { intent: 'create'; token: string; errors?: undefined }
  | { intent: 'create'; token?: undefined; errors: Record<string, string> }
  | { intent: 'revoke'; ok: boolean }

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context)
  const form = Object.fromEntries(await request.formData())
  const db = getDatabase()
  switch (form.intent) {
    case 'revoke-all-sessions': {
      await invalidateAllSessions(db, auth.user.id)
      return redirect('/login', { headers: { 'Set-Cookie': sessionCookie.clear(secureCookies()) } })
    }
    case 'create-token': {
      const parsed = createApiTokenInput.safeParse(form)
      if (!parsed.success) {
        const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))
        return data<ActionData>({ intent: 'create', errors }, { status: 400 })
      }
      const created = await withContext(db, { userId: auth.user.id }, (tx) => createApiToken(tx, auth.user.id, parsed.data))
      if (!created) return data<ActionData>({ intent: 'create', errors: { membershipId: 'Kies een organisatie' } }, { status: 400 })
      return data<ActionData>({ intent: 'create', token: created.token })
    }
    case 'revoke-token': {
      const ok = await withContext(db, { userId: auth.user.id }, (tx) => revokeApiToken(tx, auth.user.id, String(form.tokenId ?? '')))
      return data<ActionData>({ intent: 'revoke', ok }, { status: ok ? 200 : 404 })
    }
    default:
      return data({ intent: 'unknown' }, { status: 400 })
  }
}

export default function Account() {
  const t = useT()
  const { tokens, memberships, activeMembershipId } = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const created = actionData && actionData.intent === 'create' ? actionData : undefined
  const nameOf = (id: string) => memberships.find((m) => m.id === id)?.organisationName ?? '?'
  return (
    <>
      <section className="card">
        <h1>{t('account.title')}</h1>
        <h2>{t('account.sessions')}</h2>
        <p className="muted" id="revoke-help">
          {t('account.revokeAllHelp')}
        </p>
        <Form method="post">
          <button type="submit" name="intent" value="revoke-all-sessions" className="button secondary" aria-describedby="revoke-help">
            {t('account.revokeAll')}
          </button>
        </Form>
      </section>
      <section className="card">
        <h2>{t('tokens.title')}</h2>
        <p className="muted">{t('tokens.intro')}</p>
        {created?.token ? (
          <div role="status">
            <p>{t('tokens.created')}</p>
            <p className="token">{created.token}</p>
          </div>
        ) : null}
        <Form method="post">
          <div className="field">
            <label htmlFor="token-name">{t('tokens.name')}</label>
            <input id="token-name" name="name" required maxLength={80} aria-invalid={created?.errors?.name ? true : undefined} aria-describedby={created?.errors?.name ? 'token-name-error' : undefined} />
            {created?.errors?.name ? <p id="token-name-error" className="field-error">{created.errors.name}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="token-membership">{t('tokens.membership')}</label>
            <select id="token-membership" name="membershipId" defaultValue={activeMembershipId ?? memberships[0]?.id}>
              {memberships.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.organisationName} ({t(`role.${m.role}`)})
                </option>
              ))}
            </select>
            {created?.errors?.membershipId ? <p className="field-error">{created.errors.membershipId}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="token-days">{t('tokens.days')}</label>
            <input id="token-days" name="days" type="number" min={1} max={365} defaultValue={90} aria-describedby={created?.errors?.days ? 'token-days-error' : undefined} />
            {created?.errors?.days ? <p id="token-days-error" className="field-error">{created.errors.days}</p> : null}
          </div>
          <button type="submit" name="intent" value="create-token">
            {t('tokens.create')}
          </button>
        </Form>
        {tokens.length === 0 ? (
          <p>{t('tokens.none')}</p>
        ) : (
          <table className="table-responsive">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.membership')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">
                  <span className="sr-only">{t('tokens.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <td data-label={t('tokens.name')}>{tok.name}</td>
                  <td data-label={t('tokens.membership')}>{nameOf(tok.membershipId)}</td>
                  <td data-label={t('tokens.expires')}>{new Date(tok.expiresAt).toLocaleDateString('nl-NL')}</td>
                  <td>
                    {tok.revokedAt ? (
                      t('tokens.revoked')
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="tokenId" value={tok.id} />
                        <button type="submit" name="intent" value="revoke-token" className="button secondary" aria-label={`${t('tokens.revoke')}: ${tok.name}`}>
                          {t('tokens.revoke')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
