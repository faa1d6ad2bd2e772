import { acknowledgePortalItem } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** POST /api/v1/portal/items/{id}/acknowledgements {reaction?} — "voor gezien", given digitally (append-only). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, acknowledgePortalItem, { audience: 'family', params: { id: args.params.id }, status: 201 })
    : apiError(405, 'Alleen POST.')
