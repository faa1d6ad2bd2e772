import { listSearchAttempts, recordSearchAttempt } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures/{id}/search-attempts — the attempts to find another school, oldest first. */
export const loader = (args: LoaderFunctionArgs) => api(args, listSearchAttempts, { query: false, params: { id: args.params.id ?? '' } })

/** POST /api/v1/measures/{id}/search-attempts — {contactedOn, schoolName, result, note?} on a verwijdering in search. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, recordSearchAttempt, { params: { id: args.params.id ?? '' }, status: 201, headers: () => ({ Location: `/api/v1/measures/${args.params.id}/search-attempts` }) })
    : apiError(405, 'Alleen GET en POST.')
