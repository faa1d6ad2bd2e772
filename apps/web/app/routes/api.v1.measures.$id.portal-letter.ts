import { releaseMeasureLetter } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * POST /api/v1/measures/{id}/portal-letter — puts the measure's decision letter (latest version, as
 * sent) in the parents' portal (directeur and IB; 409 before the decision or a letter, or for a
 * second live release). The guardians get a mail without content.
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, releaseMeasureLetter, { body: false, input: () => ({ id: args.params.id }), status: 201 })
    : apiError(405, 'Alleen POST.')
