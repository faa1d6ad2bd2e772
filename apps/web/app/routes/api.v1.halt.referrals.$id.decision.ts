import { decideReferral } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/halt/referrals/{id}/decision — {decision: accept|decline, reason?} (decline needs a reason). */
export function action(args: ActionFunctionArgs) {
  if (args.request.method !== 'POST') return apiError(405, 'Alleen POST.')
  return api(args, decideReferral, { params: { id: args.params.id ?? '' }, respond: (v) => ({ ok: true, ...v }) })
}
