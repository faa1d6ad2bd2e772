import { getDatabase, withContext } from '@baken/db'
import { beginPasskeyAuthentication } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError, refuseBody } from '~/lib/api.server.ts'
import { requireSession } from '~/lib/context.server.ts'
import { webauthnConfig } from '~/lib/passkeys.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/**
 * POST /api/v1/account/mfa/passkey-assertion/options — the options for navigator.credentials.get()
 * with the user's own passkeys, for the second step of a login or a step-up (reachable before the
 * second step). 409 when the user has no passkey.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Gebruik POST.')
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  await refuseBody(request)
  const options = await withContext(getDatabase(), { userId: auth.user.id, sessionId: auth.sessionId }, (tx) =>
    beginPasskeyAuthentication(tx, webauthnConfig, { userId: auth.user.id, sessionId: auth.sessionId }),
  )
  if (!options) return apiError(409, 'Je hebt geen passkey. Voeg er een toe op /account/tweede-factor.')
  return Response.json(options)
}
