import { readParticipantView } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiReason } from '~/lib/access-log.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/incidents/{id}/participants/{studentId} — one pupil's view, other pupils redacted.
 * Logged for that pupil; a confidential incident needs the `X-Access-Reason` header as on
 * GET /incidents/{id} (`?reason=` is a 400).
 */
export const loader = (args: LoaderFunctionArgs) =>
  api(args, readParticipantView, {
    // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
    input: () => ({ id: args.params.id, studentId: args.params.studentId, reason: apiReason(args.request) }),
    respond: (v) => v.view,
  })
