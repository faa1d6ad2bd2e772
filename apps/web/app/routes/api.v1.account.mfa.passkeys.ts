import { getDatabase, withContext } from '@baken/db'
import { finishPasskeyRegistration, listPasskeys } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { requireSession } from '~/lib/context.server.ts'
import { passkeyName, PASSKEY_MESSAGES, registrationResponse, webauthnConfig } from '~/lib/passkeys.server.ts'
import { requirePasskeyEnrolment } from '~/lib/passkey-routes.server.ts'

/** GET /api/v1/account/mfa/passkeys — the signed-in user's passkeys (a session only; readable before the second step). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  const items = await withContext(getDatabase(), { userId: auth.user.id }, (tx) => listPasskeys(tx, auth.user.id))
  return Response.json({ items })
}

const registration = z.strictObject({ name: passkeyName, response: registrationResponse })

/**
 * POST /api/v1/account/mfa/passkeys — {name, response}: registers the passkey that answered this
 * session's registration challenge (POST …/passkeys/options). 201 with the passkey, and the
 * recovery codes when this is the user's first factor (shown once).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Gebruik POST.')
  const auth = requirePasskeyEnrolment(request, context)
  const input = await parseJsonBody(request, registration)
  const result = await withContext(getDatabase(), { userId: auth.user.id, sessionId: auth.sessionId }, (tx) =>
    finishPasskeyRegistration(tx, webauthnConfig, {
      userId: auth.user.id,
      sessionId: auth.sessionId,
      name: input.name,
      response: input.response as never,
      ip: context.clientIp,
      userAgent: request.headers.get('user-agent'),
    }),
  )
  if (!result.ok) {
    if (result.reason === 'no_challenge') return apiError(409, PASSKEY_MESSAGES.noChallenge)
    if (result.reason === 'already_registered') return apiError(409, PASSKEY_MESSAGES.alreadyRegistered)
    if (result.reason === 'too_many') return apiError(409, PASSKEY_MESSAGES.tooMany)
    return apiError(400, PASSKEY_MESSAGES.invalid, 'response')
  }
  return Response.json({ passkey: result.passkey, recoveryCodes: result.recoveryCodes }, { status: 201 })
}
