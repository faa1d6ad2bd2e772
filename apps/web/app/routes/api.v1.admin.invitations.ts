import { createInvitation } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/admin/invitations — {email, memberships:[{role, schoolId?}], stichtingId?}: invite by e-mail (72 h, single use). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, createInvitation, { status: 201, stepUp: true }) : apiError(405, 'Alleen POST.')
