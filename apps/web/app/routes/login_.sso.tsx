import { getDatabase } from '@baken/db'
import { ssoSecretKey, startSsoLogin } from '@baken/domain'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { safeRedirect } from '~/lib/http.server.ts'
import { secureCookies } from '~/lib/session-cookie.ts'
import { ssoCallbackUrl, ssoCookie } from '~/lib/sso.server.ts'

// Read when the server starts (the build imports every route): production without
// BAKEN_SECRET_KEY stops the start here.
const key = ssoSecretKey()

/** GET /login/sso: nothing to show; the choice is on the login page. */
export const loader = () => redirect('/login')

/**
 * POST /login/sso {providerId, redirectTo?}: starts single sign-on at the stichting's provider
 * (authorization code + PKCE, state and nonce) and sends the browser there.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const providerId = String(form.get('providerId') ?? '')
  const result = await startSsoLogin(getDatabase(), key, {
    providerId,
    redirectUri: ssoCallbackUrl(request),
    redirectTo: safeRedirect(form.get('redirectTo'), '/'),
  })
  if (!result.ok) return redirect(`/login?sso=${result.reason}`)
  return redirect(result.url, { headers: { 'Set-Cookie': ssoCookie.serialize(result.cookie, secureCookies()) } })
}
