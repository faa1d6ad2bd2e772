import { releaseMeasureReport } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * POST /api/v1/measures/{id}/portal-report — puts the redacted report of a time-out or schorsing in
 * the parents' portal for "voor gezien" (directeur and IB; 409 before the talk with the parents or
 * for a second live release).
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, releaseMeasureReport, { body: false, input: () => ({ id: args.params.id }), status: 201 })
    : apiError(405, 'Alleen POST.')
