import { revokeShare } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/shares/{id}/revoke — {reason}: revoke at once; the recipient gets 404 from then on. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, revokeShare, { params: { id: args.params.id ?? '' }, respond: (v) => ({ ok: true, ...v }) }) : apiError(405, 'Alleen POST.')
