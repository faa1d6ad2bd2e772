import { getDatabase, withContext } from '@baken/db'
import { beginPasskeyRegistration } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError, refuseBody } from '~/lib/api.server.ts'
import { PASSKEY_MESSAGES, webauthnConfig } from '~/lib/passkeys.server.ts'
import { requirePasskeyEnrolment } from '~/lib/passkey-routes.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/**
 * POST /api/v1/account/mfa/passkeys/options — the options for navigator.credentials.create()
 * (PublicKeyCredentialCreationOptionsJSON), with a challenge for this session only, valid 5 minutes.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Gebruik POST.')
  const auth = requirePasskeyEnrolment(request, context)
  await refuseBody(request)
  const begun = await withContext(getDatabase(), { userId: auth.user.id, sessionId: auth.sessionId }, (tx) =>
    beginPasskeyRegistration(tx, webauthnConfig, { user: auth.user, sessionId: auth.sessionId }),
  )
  if (!begun.ok) return apiError(409, PASSKEY_MESSAGES.tooMany)
  return Response.json(begun.options)
}
