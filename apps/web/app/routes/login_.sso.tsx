import { getDatabase } from '@baken/db'
import { hashToken, invitationSsoChoice, ssoSecretKey, startSsoLogin } from '@baken/domain'
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { safeRedirect } from '~/lib/http.server.ts'
import { secureCookies } from '~/lib/session-cookie.ts'
import { ssoCallbackUrl, ssoCookie } from '~/lib/sso.server.ts'

// Read when the server starts (the build imports every route): production without
// BAKEN_SECRET_KEY stops the start here.
const key = ssoSecretKey()

/**
 * GET /login/sso?provider=<id>&redirectTo=<path>[&step-up=1]: starts single sign-on at the stichting's provider
 * (authorization code + PKCE, state and nonce) and sends the browser there. A link, not a form: the
 * site's CSP (form-action 'self') rightly stops a form submission from being redirected to another
 * origin, and a navigation by link is not a form submission. Starting a sign-in changes nothing here
 * but the browser's own transaction cookie, so a GET is safe. Without a provider: to /login.
 *
 * GET /login/sso?uitnodiging=<token>: accepting that invitation through its stichting's provider
 * (the link on the invitation page; the token is the one already in that page's own URL). Without
 * an open invitation with an enabled provider: back to the invitation page, which says why.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const invitation = params.get('uitnodiging')
  if (invitation !== null) {
    const choice = await invitationSsoChoice(getDatabase(), invitation)
    if (!choice) return redirect(`/uitnodiging/${encodeURIComponent(invitation)}`)
    const started = await startSsoLogin(getDatabase(), key, { providerId: choice.id, redirectUri: ssoCallbackUrl(request), redirectTo: '/', invitationTokenHash: hashToken(invitation) })
    if (!started.ok) return redirect(`/login?sso=${started.reason}`)
    return redirect(started.url, { headers: { 'Set-Cookie': ssoCookie.serialize(started.cookie, secureCookies()), 'Referrer-Policy': 'no-referrer' } })
  }
  const providerId = params.get('provider')
  if (!providerId) return redirect('/login')
  const result = await startSsoLogin(getDatabase(), key, {
    providerId,
    redirectUri: ssoCallbackUrl(request),
    redirectTo: safeRedirect(params.get('redirectTo'), '/'),
    // From the second step's "Bevestig via …": a fresh sign-in at the provider for a step-up.
    stepUp: params.get('step-up') === '1',
  })
  if (!result.ok) return redirect(`/login?sso=${result.reason}`)
  return redirect(result.url, { headers: { 'Set-Cookie': ssoCookie.serialize(result.cookie, secureCookies()) } })
}
