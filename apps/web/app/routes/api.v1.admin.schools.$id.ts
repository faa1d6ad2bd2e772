import { updateSchool } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik PUT; de lijst staat op GET /api/v1/admin/schools.')
}

/** PUT /api/v1/admin/schools/{id} — all fields of the school as on POST: edit it. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'PUT' ? api(args, updateSchool, { params: { id: args.params.id ?? '' }, respond: (v) => v.school }) : apiError(405, 'Alleen PUT.')
