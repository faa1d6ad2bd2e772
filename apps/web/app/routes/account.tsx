import { getDatabase, withContext } from '@baken/db'
import {
  changeOwnPassword,
  createApiToken,
  createApiTokenInput,
  listApiTokens,
  listMembershipOptions,
  listSessions,
  revokeApiToken,
  revokeOtherSessions,
  revokeSession,
  signOutEverywhere,
} from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireSession, tenantSuspended } from '~/lib/context.server.ts'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'
import { useT } from '~/root.tsx'

// Credentials are managed only in a signed-in session, never with a token (requireSession).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireSession(request, context)
  const sessions = await listSessions(getDatabase(), auth.user.id, auth.sessionId)
  return withContext(getDatabase(), { userId: auth.user.id }, async (tx) => ({
    sessions,
    tokens: await listApiTokens(tx, auth.user.id),
    memberships: await listMembershipOptions(tx, auth.user.id),
    activeMembershipId: auth.membership?.id ?? null,
  }))
}

type ActionData =
  | { intent: 'create'; token: string; errors?: undefined }
  | { intent: 'create'; token?: undefined; errors: Record<string, string> }
  | { intent: 'revoke'; ok: boolean }
  | { intent: 'session'; ok: boolean }
  | { intent: 'password'; ok: boolean; errors?: { path: string; message: string }[] }

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireSession(request, context)
  const form = Object.fromEntries(await request.formData())
  const db = getDatabase()
  switch (form.intent) {
    case 'revoke-all-sessions': {
      // Sessions and API tokens alike (signOutEverywhere says why).
      await signOutEverywhere(db, auth.user.id)
      return redirect('/login', { headers: { 'Set-Cookie': sessionCookie.clear(secureCookies()) } })
    }
    case 'change-password': {
      const changed = await changeOwnPassword(db, { userId: auth.user.id, sessionId: auth.sessionId }, { current: String(form.current ?? ''), next: String(form.next ?? '') })
      if (!changed.ok) return data<ActionData>({ intent: 'password', ok: false, errors: changed.errors }, { status: 400 })
      return data<ActionData>({ intent: 'password', ok: true })
    }
    case 'revoke-session': {
      const id = String(form.sessionId ?? '')
      const ok = await revokeSession(db, auth.user.id, id)
      if (ok && id === auth.sessionId) return redirect('/login', { headers: { 'Set-Cookie': sessionCookie.clear(secureCookies()) } })
      return data<ActionData>({ intent: 'session', ok }, { status: ok ? 200 : 404 })
    }
    case 'revoke-other-sessions': {
      await revokeOtherSessions(db, auth.user.id, auth.sessionId)
      return data<ActionData>({ intent: 'session', ok: true })
    }
    case 'create-token': {
      // A token acts for the membership of this session; a suspended stichting's does not act.
      if (auth.membership?.suspended) throw tenantSuspended(context.surface)
      requireFreshSecondFactor({ via: auth.via, surface: context.surface }, request, context)
      const parsed = createApiTokenInput.safeParse(form)
      if (!parsed.success) {
        const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))
        return data<ActionData>({ intent: 'create', errors }, { status: 400 })
      }
      const session = { id: auth.sessionId, userId: auth.user.id }
      const created = await withContext(db, { userId: auth.user.id, sessionId: auth.sessionId }, (tx) => createApiToken(tx, session, parsed.data))
      if (!created.ok) {
        if (created.reason === 'no-session') throw redirect('/login')
        const membershipId =
          created.reason === 'no-membership'
            ? 'Kies eerst een organisatie; een token geldt voor de organisatie waarvoor je werkt.'
            : 'Je kunt alleen een token maken voor de organisatie waarvoor je nu werkt. Wissel eerst van organisatie als je een token voor een andere wilt.'
        return data<ActionData>({ intent: 'create', errors: { membershipId } }, { status: 400 })
      }
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
  const { sessions, tokens, memberships, activeMembershipId } = useLoaderData<typeof loader>()
  const when = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' })
  const actionData = useActionData<ActionData>()
  const pw = actionData && actionData.intent === 'password' ? actionData : undefined
  const pwError = (p: string) => pw?.errors?.find((e) => e.path === p)?.message
  const created = actionData && actionData.intent === 'create' ? actionData : undefined
  const nameOf = (id: string) => memberships.find((m) => m.id === id)?.organisationName ?? '?'
  const active = memberships.find((m) => m.id === activeMembershipId)
  return (
    <>
      <section className="card">
        <h1>{t('account.title')}</h1>
        <h2>{t('account.sessions')}</h2>
        <ul className="choices" aria-label="Actieve sessies">
          {sessions.map((s) => (
            <li key={s.id} data-session-current={s.current ? 'true' : undefined}>
              <strong>{s.device}</strong>
              {s.current ? <span className="muted"> · dit apparaat</span> : null}
              <br />
              <span className="muted">
                {s.ip ? `IP ${s.ip} · ` : ''}ingelogd {when(s.createdAt)} · laatst gezien {when(s.lastSeenAt)}
              </span>
              {s.current ? null : (
                <Form method="post">
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" name="intent" value="revoke-session" className="secondary" aria-label={`Uitloggen op ${s.device}, laatst gezien ${when(s.lastSeenAt)}`}>
                    Uitloggen
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {sessions.length > 1 ? (
          <Form method="post">
            <button type="submit" name="intent" value="revoke-other-sessions" className="secondary">
              Alle andere sessies beëindigen
            </button>
          </Form>
        ) : null}
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
        <h2>Tweede factor</h2>
        <p>
          <Link to="/account/tweede-factor">Authenticator-app en herstelcodes beheren</Link>
        </p>
      </section>
      <section className="card">
        <h2>Wachtwoord wijzigen</h2>
        {pw?.ok ? (
          <p role="status">Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.</p>
        ) : null}
        <Form method="post" noValidate>
          <div className="field">
            <label htmlFor="current-password">Huidig wachtwoord</label>
            <input id="current-password" name="current" type="password" autoComplete="current-password" required aria-invalid={pwError('current') ? true : undefined} aria-describedby={pwError('current') ? 'current-error' : undefined} />
            {pwError('current') ? (
              <p className="error" id="current-error" role="alert">
                {pwError('current')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="new-password">Nieuw wachtwoord</label>
            <input id="new-password" name="next" type="password" autoComplete="new-password" required aria-invalid={pwError('next') ? true : undefined} aria-describedby={`new-hint${pwError('next') ? ' new-error' : ''}`} />
            <p className="muted" id="new-hint">
              Minstens 12 tekens; een zin van een paar woorden is sterk. Cijfers of leestekens zijn niet nodig.
            </p>
            {pwError('next') ? (
              <p className="error" id="new-error" role="alert">
                {pwError('next')}
              </p>
            ) : null}
          </div>
          <button type="submit" name="intent" value="change-password">
            Wachtwoord wijzigen
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
            <p>
              <strong>{`${t('tokens.membership')}:`}</strong>{' '}
              {active ? (
                <>
                  {active.organisationName} ({t(`role.${active.role}`)})
                  <input type="hidden" name="membershipId" value={active.id} />
                </>
              ) : (
                <Link to="/organisatie">{t('tokens.chooseOrganisation')}</Link>
              )}
            </p>
            <p className="muted">{t('tokens.membershipHelp')}</p>
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
