import { getDatabase, withContext } from '@baken/db'
import { mfaStatus, platformMfaRequiredFromEnv, removePasskey } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { requireSession } from '~/lib/context.server.ts'
import { PASSKEY_MESSAGES } from '~/lib/passkeys.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'

const platformRequired = platformMfaRequiredFromEnv()

export function loader() {
  return apiError(405, 'Gebruik DELETE.')
}

/**
 * DELETE /api/v1/account/mfa/passkeys/{id} — removes one of the user's own passkeys. Asks for a
 * fresh second factor (401 step_up_required); the last factor stays when the user's role requires
 * one (409). Another user's passkey does not exist for the caller (404).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'DELETE') return apiError(405, 'Gebruik DELETE.')
  const auth = requireSession(request, context)
  requireFreshSecondFactor({ via: auth.via, surface: context.surface }, request, context)
  const db = getDatabase()
  const status = await mfaStatus(db, auth.user.id, platformRequired)
  const result = await withContext(db, { userId: auth.user.id }, (tx) =>
    removePasskey(tx, { userId: auth.user.id, id: params.id ?? '', required: status.required, ip: context.clientIp, userAgent: request.headers.get('user-agent') }),
  )
  if (!result.ok) return result.reason === 'not_found' ? apiError(404, PASSKEY_MESSAGES.notFound) : apiError(409, PASSKEY_MESSAGES.lastFactor)
  return new Response(null, { status: 204 })
}
