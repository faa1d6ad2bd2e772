import { readIncident, updateIncident } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiReason } from '~/lib/access-log.server.ts'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/incidents/{id} — the full note with persons, the severity rules, guidance and history.
 * Logged in the access log (one row per pupil). A confidential incident, for anyone but the
 * vertrouwenspersoon and its reporter, needs a reason in the `X-Access-Reason` header: without it 403
 * with `{ errors: [{ path: 'reason', … }] }`; with it the break-glass is logged before the answer.
 * A `?reason=` in the query string is refused with 400 (a link must not record a break-glass).
 */
export const loader = (args: LoaderFunctionArgs) =>
  api(args, readIncident, {
    // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
    input: () => ({ id: args.params.id, reason: apiReason(args.request) }),
    respond: ({ incident, ...rest }) => ({ ...incident, ...rest }),
  })

/** PATCH /api/v1/incidents/{id} — changes any fields; every change is kept as a version. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'PATCH' ? api(args, updateIncident, { params: { id: args.params.id } }) : apiError(405, 'Alleen GET en PATCH.')
