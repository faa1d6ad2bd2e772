import { reactivateUser } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/admin/users/{id}/reactivate — sign-in allowed again (no old session or token returns). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, reactivateUser, { body: false, params: { id: args.params.id ?? '' }, stepUp: true }) : apiError(405, 'Alleen POST.')
