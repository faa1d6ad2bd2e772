import { getDatabase } from '@baken/db'
import { verifyPasskeySecondFactor } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { requireSession } from '~/lib/context.server.ts'
import { codeThrottle } from '~/lib/mfa.server.ts'
import { authenticationResponse, PASSKEY_MESSAGES, webauthnConfig } from '~/lib/passkeys.server.ts'

export function loader(_args: LoaderFunctionArgs) {
  return apiError(405, 'Gebruik POST.')
}

const body = z.strictObject({ response: authenticationResponse })

/**
 * POST /api/v1/account/mfa/passkey-assertion — {response}: a passkey's answer to this session's
 * challenge proves the second factor now (the second step of a login, or a step-up). Throttled as
 * codes are: 429 with Retry-After.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Gebruik POST.')
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  const input = await parseJsonBody(request, body)
  const result = await verifyPasskeySecondFactor(
    getDatabase(),
    webauthnConfig,
    { userId: auth.user.id, email: auth.user.email, sessionId: auth.sessionId, response: input.response as never, ip: context.clientIp },
    codeThrottle,
  )
  if (!result.ok) {
    if (result.reason === 'rate_limited') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      return Response.json(
        { errors: [{ path: '', message: `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.` }] },
        { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
      )
    }
    return apiError(401, PASSKEY_MESSAGES.invalid, 'response')
  }
  return Response.json({ secondFactorAt: new Date().toISOString() })
}
