import { closeSubjectRequest } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** POST /api/v1/subject-requests/{id}/close — close as afgehandeld or afgewezen, with the outcome. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, closeSubjectRequest, { params: { id: args.params.id ?? '' }, respond: (v) => ({ ok: true, ...v }) }) : apiError(405, 'Alleen POST.')

export function loader() {
  return apiError(405, 'Alleen POST.')
}
