import { listMeasureAcknowledgements, recordMeasureAcknowledgement } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures/{id}/acknowledgements — "voor gezien" on the measure's released letter and report, with the reactions, oldest first; and what was released. */
export const loader = (args: LoaderFunctionArgs) => api(args, listMeasureAcknowledgements, { query: false, params: { id: args.params.id ?? '' } })

/**
 * POST /api/v1/measures/{id}/acknowledgements — records a paper, at-school or spoken "voor gezien"
 * on an item released for the measure ({portalItemId, guardianName, acknowledgedOn, method}).
 * Append-only.
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, recordMeasureAcknowledgement, {
        params: { id: args.params.id ?? '' },
        status: 201,
        headers: () => ({ Location: `/api/v1/measures/${args.params.id}/acknowledgements` }),
      })
    : apiError(405, 'Alleen GET en POST.')
