import { listAcknowledgements, recordAcknowledgement } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/incidents/{id}/acknowledgements — the parents' "voor gezien" records, oldest first. */
export const loader = (args: LoaderFunctionArgs) => api(args, listAcknowledgements, { input: () => ({ id: args.params.id }) })

/**
 * POST /api/v1/incidents/{id}/acknowledgements — records that a parent signed the report of a zeer
 * ernstig incident "voor gezien" (409 for any other incident). Append-only.
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, recordAcknowledgement, {
        params: { id: args.params.id },
        status: 201,
        headers: () => ({ Location: `/api/v1/incidents/${args.params.id}/acknowledgements` }),
      })
    : apiError(405, 'Alleen GET en POST.')
