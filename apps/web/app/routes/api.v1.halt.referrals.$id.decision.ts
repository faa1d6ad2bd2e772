import { decideReferral } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { haltWrite } from '~/lib/halt.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/halt/referrals/{id}/decision — {decision: accept|decline, reason?} (decline needs a reason). */
export function action({ request, context, params }: ActionFunctionArgs) {
  return haltWrite(request, context, ['POST'], (tx, ctx, body) => decideReferral(tx, ctx.ability, ctx.tenant, params.id ?? '', body))
}
