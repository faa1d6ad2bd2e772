import { withdrawMandate } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/stichting/mandates/withdraw — {schoolId, besluitOn?}: withdraw the school's mandate (a new version); the bestuurder only. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, withdrawMandate, { respond: (v) => v.mandate }) : apiError(405, 'Alleen POST.')
