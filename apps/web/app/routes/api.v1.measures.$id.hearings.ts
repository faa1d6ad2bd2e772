import { getMeasureHearings, recordRemovalHearing } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/measures/{id}/hearings — the hearings of a verwijdering, who must be heard for this
 * pupil (with the rule's source) and whether the board may decide.
 */
export const loader = (args: LoaderFunctionArgs) => api(args, getMeasureHearings, { query: false, params: { id: args.params.id ?? '' } })

/**
 * POST /api/v1/measures/{id}/hearings — {party, heardOn, summary}: one party heard before the board
 * decides a verwijdering (party 'inspectie_overleg' records the vo Inspectie consultation).
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, recordRemovalHearing, { params: { id: args.params.id ?? '' }, status: 201, headers: () => ({ Location: `/api/v1/measures/${args.params.id}/hearings` }) })
    : apiError(405, 'Alleen GET en POST.')
