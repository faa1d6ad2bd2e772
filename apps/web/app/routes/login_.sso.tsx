import { getDatabase } from '@baken/db'
import { ssoSecretKey, startSsoLogin } from '@baken/domain'
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
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
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
