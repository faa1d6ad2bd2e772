// The rule both registration routes apply: only a session that may add a factor. A session that
// still owes its second step may not (whoever has only the password would otherwise add their own
// passkey and be in); a user who already has a factor proves it freshly first (step-up), so a
// stolen session cannot plant a lasting way in. A user who must enrol and has nothing passes.
import type { AppLoadContext } from '@remix-run/node'
import { requireSession } from './context.server.ts'
import { requireFreshSecondFactor, secondFactorError } from './step-up.server.ts'

export function requirePasskeyEnrolment(request: Request, context: AppLoadContext) {
  const auth = requireSession(request, context, { beforeSecondFactor: true })
  if (auth.gate === 'second_factor_required') throw secondFactorError('second_factor_required')
  requireFreshSecondFactor({ via: auth.via, surface: context.surface }, request, context)
  return auth
}
