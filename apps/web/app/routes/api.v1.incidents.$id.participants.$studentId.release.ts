import { releaseIncidentReport } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiReason } from '~/lib/access-log.server.ts'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * POST /api/v1/incidents/{id}/participants/{studentId}/release — puts this pupil's redacted parents'
 * report of a zeer ernstig incident in the parents' portal (directeur and IB; 409 for another
 * severity or a second live release). A confidential incident needs {releaseReason}: why releasing
 * harms neither an investigation nor another person (AVG art. 23, UAVG art. 41). The guardians get
 * a mail without content.
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, releaseIncidentReport, {
        // {releaseReason} in the body for a confidential incident; the break-glass reason in X-Access-Reason.
        input: ({ body }) => ({ ...(typeof body === 'object' && body !== null ? body : {}), id: args.params.id, studentId: args.params.studentId, reason: apiReason(args.request) }),
        status: 201,
      })
    : apiError(405, 'Alleen POST.')
