import { getDatabase, withContext } from '@baken/db'
import { createSession, finishSsoLogin, listMembershipOptions, recordSsoStepUp, ssoSecretKey, type SsoRefusal } from '@baken/domain'
import { data, redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { safeRedirect } from '~/lib/http.server.ts'
import { sessionCookie, secureCookies } from '~/lib/session-cookie.ts'
import { ssoCallbackUrl, ssoCookie } from '~/lib/sso.server.ts'
import { useT } from '~/root.tsx'

const STATUS: Record<SsoRefusal, number> = {
  state: 400,
  nonce: 400,
  expired: 400,
  unknown_provider: 400,
  provider_error: 502,
  denied: 403,
  unknown: 403,
  unverified: 403,
  not_member: 403,
  disabled: 403,
  other_subject: 403,
  step_up_no_factor: 403,
  step_up_other_session: 403,
  invitation_closed: 410,
  invitation_sign_in: 409,
  other_email: 403,
}

/**
 * GET /login/sso/callback?code&state — the provider's answer. On success a session opened by SSO,
 * counting as a second factor only when the provider asserted one (amr/acr); otherwise the refusal,
 * in Dutch, with its own status. The transaction cookie is cleared either way (single use).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDatabase()
  const secure = secureCookies()
  const callbackUrl = new URL(ssoCallbackUrl(request))
  callbackUrl.search = new URL(request.url).search
  const result = await finishSsoLogin(db, ssoSecretKey(), { cookie: ssoCookie.read(request.headers.get('cookie')), callbackUrl })
  const clear = ssoCookie.clear(secure)
  if (!result.ok) return data({ error: result.reason, providerError: result.providerError ?? null }, { status: STATUS[result.reason], headers: { 'Set-Cookie': clear } })

  if (result.stepUp) {
    // A step-up of this browser's session: the provider's fresh sign-in with a second factor
    // counts as the session's fresh factor, for the same user only. No new session.
    const session = context.auth?.via === 'session' ? context.auth : null
    if (!session?.sessionId || session.user.id !== result.userId) {
      const refused: SsoRefusal = 'step_up_other_session'
      return data({ error: refused, providerError: null }, { status: STATUS[refused], headers: { 'Set-Cookie': clear } })
    }
    await recordSsoStepUp(db, { sessionId: session.sessionId, userId: result.userId })
    return redirect(safeRedirect(result.redirectTo, '/'), { headers: { 'Set-Cookie': clear } })
  }

  // A membership in the provider's stichting is chosen for the user when it is the only one there
  // (or, after accepting an invitation, the one it gave).
  const options = await withContext(db, { userId: result.userId }, (tx) => listMembershipOptions(tx, result.userId))
  const only = result.acceptedMembershipId ?? (options.length === 1 ? options[0]!.id : null)
  const { token, expiresAt } = await createSession(
    db,
    result.userId,
    {
      ip: context.clientIp,
      userAgent: request.headers.get('user-agent'),
      method: 'sso',
      secondFactorAt: result.secondFactor ? new Date() : null,
      ssoProviderId: result.providerId,
    },
    only,
  )
  const headers = new Headers()
  headers.append('Set-Cookie', clear)
  headers.append('Set-Cookie', sessionCookie.serialize(token, expiresAt, secure))
  return redirect(only ? safeRedirect(result.redirectTo, '/') : '/organisatie', { headers })
}

export default function SsoCallback() {
  const t = useT()
  const { error } = useLoaderData<typeof loader>()
  return (
    <section className="card narrow">
      <h1>{t('login.sso.failedTitle')}</h1>
      <p className="error" role="alert">
        {t(`login.sso.${error}`)}
      </p>
      <p>
        <Link to="/login">{t('login.sso.back')}</Link>
      </p>
    </section>
  )
}
