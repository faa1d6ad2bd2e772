import { saveComponents } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik PUT of POST.')
}

/** PUT/POST /api/v1/halt/referrals/{id}/components — {components: [{component, done, note?}]}. */
export function action(args: ActionFunctionArgs) {
  if (!['PUT', 'POST'].includes(args.request.method)) return apiError(405, 'Alleen PUT en POST.')
  return api(args, saveComponents, { params: { id: args.params.id ?? '' }, respond: (v) => ({ ok: true, ...v }) })
}
