import { getUser } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/admin/users/{id} — one user with the memberships the caller sees; another stichting's: 404. */
export const loader = (args: LoaderFunctionArgs) => api(args, getUser, { input: ({ params }) => params, params: { id: args.params.id ?? '' } })

export function action() {
  return apiError(405, 'Alleen GET.')
}
