import { listUsers } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/admin/users — the users the caller manages, with their memberships, and the open invitations. */
export const loader = (args: LoaderFunctionArgs) => api(args, listUsers, { input: () => ({}) })

export function action() {
  return apiError(405, 'Alleen GET.')
}
