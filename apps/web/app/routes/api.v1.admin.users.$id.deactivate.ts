import { deactivateUser } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/admin/users/{id}/deactivate — no sign-in any more; all sessions and API tokens end at once. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, deactivateUser, { body: false, params: { id: args.params.id ?? '' }, stepUp: true }) : apiError(405, 'Alleen POST.')
