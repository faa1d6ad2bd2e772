import { closeReferral } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { haltWrite } from '~/lib/halt.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/**
 * POST /api/v1/halt/referrals/{id}/close — {outcome, outcomeReason?, afspraken?, advies_school?,
 * doorverwijzing?}: closes with a report of only the agreed fields and mails the school's contact.
 */
export function action({ request, context, params }: ActionFunctionArgs) {
  const appUrl = new URL(request.url).origin
  return haltWrite(request, context, ['POST'], (tx, ctx, body) => closeReferral(tx, ctx.ability, ctx.tenant, params.id ?? '', body, { appUrl }))
}
