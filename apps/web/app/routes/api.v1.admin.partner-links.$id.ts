import { unlinkPartner } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik DELETE; de lijst staat op GET /api/v1/admin/partner-links.')
}

/** DELETE /api/v1/admin/partner-links/{id} — end the link; 204. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'DELETE'
    ? api(args, unlinkPartner, { body: false, params: { id: args.params.id ?? '' }, respond: () => new Response(null, { status: 204 }) })
    : apiError(405, 'Alleen DELETE.')
