import { getDatabase, withContext } from '@baken/db'
import { listFactors, mfaStatus, platformMfaRequiredFromEnv } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireSession } from '~/lib/context.server.ts'

const platformRequired = platformMfaRequiredFromEnv()

/**
 * GET /api/v1/account/mfa — the signed-in user's second factor: {required, totp, recoveryCodesLeft,
 * passkeys, events (the account's security log,
 * newest first), secondFactorAt}. A session only (factors are managed at /account/tweede-factor); readable before
 * the second step, so a client can tell what is owed.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  const db = getDatabase()
  const status = await mfaStatus(db, auth.user.id, platformRequired)
  const factors = await withContext(db, { userId: auth.user.id }, (tx) => listFactors(tx, auth.user.id))
  return Response.json({
    required: status.required,
    totp: factors.totp ? { confirmedAt: factors.totp.confirmedAt } : null,
    recoveryCodesLeft: factors.recoveryCodesLeft,
    passkeys: factors.passkeys,
    events: factors.events,
    secondFactorAt: auth.session?.secondFactorAt ?? null,
    pending: auth.gate ?? null,
  })
}
