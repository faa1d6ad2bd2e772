import { changeMembershipRole, endMembership } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik PATCH of DELETE.')
}

/** PATCH /api/v1/admin/memberships/{id} — {role}: change the role; DELETE — end the membership. */
export const action = (args: ActionFunctionArgs) => {
  const params = { id: args.params.id ?? '' }
  if (args.request.method === 'PATCH') return api(args, changeMembershipRole, { params, stepUp: true })
  if (args.request.method === 'DELETE') return api(args, endMembership, { body: false, params, stepUp: true })
  return apiError(405, 'Alleen PATCH en DELETE.')
}
