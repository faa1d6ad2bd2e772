import { getAgreement } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/agreements/{id} — one agreement; 404 when not visible (other stichting, a partner's concept). */
export const loader = (args: LoaderFunctionArgs) => api(args, getAgreement, { input: ({ params }) => params, params: { id: args.params.id ?? '' } })

export function action() {
  return apiError(405, 'Gebruik POST /api/v1/agreements/{id}/approve of /end.')
}
