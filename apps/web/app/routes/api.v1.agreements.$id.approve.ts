import { approveAgreement } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export const loader = () => apiError(405, 'Gebruik POST.')

/** POST /api/v1/agreements/{id}/approve — approval by the bevoegd gezag (bestuurder) of a concept agreement. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, approveAgreement, { body: false, params: { id: args.params.id }, respond: (v) => ({ ok: true, ...v }) }) : apiError(405, 'Alleen POST.')
