import { getDatabase, withContext } from '@baken/db'
import { beginPasskeySignIn, createSession, listMembershipOptions, signInWithPasskey } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { safeRedirect } from '~/lib/http.server.ts'
import { codeThrottle } from '~/lib/mfa.server.ts'
import { authenticationResponse, clearSignInBinding, newSignInBinding, signInBindingOf, webauthnConfig } from '~/lib/passkeys.server.ts'
import { secureCookies, sessionCookie } from '~/lib/session-cookie.ts'
import { langFromRequest, translator } from '~/lib/i18n.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

const body = z.discriminatedUnion('step', [
  z.strictObject({ step: z.literal('options') }),
  z.strictObject({ step: z.literal('verify'), response: authenticationResponse, redirectTo: z.string().max(2000).optional() }),
])

/**
 * POST /login/passkey — "Inloggen met passkey" (ADR 029), JSON from the login page's script.
 * {step: 'options'}: the options for navigator.credentials.get() without a list of credentials
 * (the browser offers its passkeys for this site), the challenge bound to this browser by a
 * cookie. {step: 'verify', response}: a passkey with user verification is both factors, so the
 * session starts with its second factor proved. Refusals: 401 (one message for every reason),
 * 403 for staff of an SSO-only stichting, 429 with Retry-After.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Gebruik POST.')
  if (context.auth) return apiError(409, 'Je bent al ingelogd.')
  const input = await parseJsonBody(request, body)
  const db = getDatabase()
  if (input.step === 'options') {
    const binding = newSignInBinding()
    const options = await beginPasskeySignIn(db, webauthnConfig, binding.browserKey)
    return Response.json(options, { headers: { 'Set-Cookie': binding.setCookie } })
  }
  const t = translator(langFromRequest(request))
  const browserKey = signInBindingOf(request)
  const headers = new Headers({ 'Set-Cookie': clearSignInBinding() })
  if (!browserKey) return Response.json({ errors: [{ path: 'response', message: t('login.passkey.expired') }] }, { status: 401, headers })
  const result = await signInWithPasskey(db, webauthnConfig, { browserKey, response: input.response as never, ip: context.clientIp }, codeThrottle)
  if (!result.ok) {
    if (result.reason === 'rate_limited') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      headers.set('Retry-After', String(result.retryAfterSeconds))
      return Response.json({ errors: [{ path: '', message: t('login.rateLimited', { minutes }) }] }, { status: 429, headers })
    }
    if (result.reason === 'sso_only') return Response.json({ errors: [{ path: '', message: t('login.ssoOnly'), code: 'sso_only' }] }, { status: 403, headers })
    return Response.json({ errors: [{ path: 'response', message: t('login.passkey.failed') }] }, { status: 401, headers })
  }
  // As after a password: with exactly one membership the choice is made, otherwise the user chooses.
  const options = await withContext(db, { userId: result.userId }, (tx) => listMembershipOptions(tx, result.userId))
  const only = options.length === 1 ? options[0]!.id : null
  const now = new Date()
  const { token, expiresAt } = await createSession(
    db,
    result.userId,
    { ip: context.clientIp, userAgent: request.headers.get('user-agent'), method: 'passkey', secondFactorAt: now },
    only,
  )
  headers.append('Set-Cookie', sessionCookie.serialize(token, expiresAt, secureCookies()))
  return Response.json({ redirectTo: only ? safeRedirect(input.redirectTo, '/') : '/organisatie' }, { headers })
}
