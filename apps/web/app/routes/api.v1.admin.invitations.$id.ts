import { revokeInvitation } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik DELETE.')
}

/** DELETE /api/v1/admin/invitations/{id} — revoke an open invitation: its link stops working at once. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'DELETE' ? api(args, revokeInvitation, { body: false, params: { id: args.params.id ?? '' }, stepUp: true }) : apiError(405, 'Alleen DELETE.')
