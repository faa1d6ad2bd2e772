import { endGuardianLink } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** POST /api/v1/guardian-links/{id}/end {reason} — ends a guardian's access at once. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, endGuardianLink, { params: { id: args.params.id } }) : apiError(405, 'Alleen POST.')
