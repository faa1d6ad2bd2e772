import { closeReferral } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/**
 * POST /api/v1/halt/referrals/{id}/close — {outcome, outcomeReason?, afspraken?, advies_school?,
 * doorverwijzing?}: closes with a report of only the agreed fields and mails the school's contact.
 */
export function action(args: ActionFunctionArgs) {
  if (args.request.method !== 'POST') return apiError(405, 'Alleen POST.')
  // The mail links back to this app, at the address the request came in on.
  const params = { id: args.params.id ?? '', appUrl: new URL(args.request.url).origin }
  return api(args, closeReferral, { params, respond: (v) => ({ ok: true, ...v }) })
}
