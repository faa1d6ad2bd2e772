import { setStichtingSuspension } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik PATCH; de lijst staat op GET /api/v1/platform/stichtingen.')
}

/** PATCH /api/v1/platform/stichtingen/{id} — {suspended: true|false}: suspend the stichting or lift it. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'PATCH'
    ? api(args, setStichtingSuspension, { params: { id: args.params.id ?? '' }, respond: (v) => v.stichting })
    : apiError(405, 'Alleen PATCH.')
