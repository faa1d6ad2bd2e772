import { getShare } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/shares/{id} — one share as disclosed (the look is logged); 404 when not visible. */
export const loader = (args: LoaderFunctionArgs) => api(args, getShare, { input: ({ params }) => params, params: { id: args.params.id ?? '' } })

export function action() {
  return apiError(405, 'Gebruik POST /api/v1/shares/{id}/revoke om in te trekken.')
}
