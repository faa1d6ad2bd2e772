import { transitionMeasure } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST om een stap te zetten.')
}

/** POST /api/v1/measures/{id}/transitions — {to, reason?, expectedState?}: the next step. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, transitionMeasure, { params: { id: args.params.id ?? '' } }) : apiError(405, 'Alleen POST.')
