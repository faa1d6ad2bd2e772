import { listBezwaren, recordBezwaar } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { requireContext, requirePermission } from '~/lib/context.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures/{id}/bezwaren — the bezwaren against the measure's decision, with deadline, the rule that sets it (decisionTerm) and overdue flag. */
export const loader = (args: LoaderFunctionArgs) => api(args, listBezwaren, { query: false, params: { id: args.params.id ?? '' } })

/**
 * POST /api/v1/measures/{id}/bezwaren — {receivedOn, committeeFrom?, committeeUntil?, late?, lateReason?,
 * advisoryCommittee?}: a bezwaar received against a decided schorsing or verwijdering; answers its
 * decision deadline and the rule that sets it (decisionTerm: a schorsing's Awb art. 7:10, a
 * verwijdering's education law).
 */
export function action(args: ActionFunctionArgs) {
  if (args.request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  // A role that records no bezwaren at all is refused before the measure is looked up.
  requirePermission(args.request, requireContext(args.request, args.context), 'create', 'Bezwaar')
  return api(args, recordBezwaar, { params: { id: args.params.id ?? '' }, status: 201, headers: () => ({ Location: `/api/v1/measures/${args.params.id}/bezwaren` }) })
}
