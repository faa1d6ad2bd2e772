import { decideBezwaar, postponeBezwaar, recordBezwaarHearing } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { requireContext, requirePermission } from '~/lib/context.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET is not offered: the bezwaren come with GET /api/v1/measures/{id}/bezwaren. */
export function loader() {
  return apiError(405, 'Alleen POST; de bezwaren staan in GET /api/v1/measures/{id}/bezwaren.')
}

const body = z.union(
  [
    z.object({ action: z.literal('hearing') }).loose(),
    z.object({ action: z.literal('decide') }).loose(),
    z.object({ action: z.literal('postpone') }).loose(),
  ],
  { message: 'Kies action: hearing, decide of postpone' },
)

/**
 * POST /api/v1/measures/{id}/bezwaren/{bezwaarId} — {action: 'hearing', hearingOn} records the hearing;
 * {action: 'decide', decidedOn, outcome: gegrond | ongegrond | deels gegrond, reasons} decides (the
 * bestuurder; for a schorsing a directeur under the stichting's mandate who did not take the decision);
 * {action: 'postpone', noticeOn} postpones the decision on an objection to a schorsing once by six
 * weeks, with notice to the indiener on that day (Awb art. 7:10 lid 3; whoever may decide).
 */
export async function action(args: ActionFunctionArgs) {
  const { request, context, params } = args
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  // The body names the step, so it is read before the step's use case is chosen.
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Bezwaar')
  const { action: step, ...input } = await parseJsonBody(request, body)
  const options = { body: false, input: () => ({ ...input, id: params.id ?? '', bezwaarId: params.bezwaarId ?? '' }) }
  if (step === 'hearing') return api(args, recordBezwaarHearing, options)
  if (step === 'postpone') return api(args, postponeBezwaar, options)
  return api(args, decideBezwaar, options)
}
