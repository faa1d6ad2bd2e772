import { filePortalBezwaar } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * POST /api/v1/portal/items/{id}/bezwaren {grounds, lateReason?} — a bezwaar against the released
 * decision to suspend or remove, into the school's bezwaar workflow (received today, with its
 * decision deadline). 404 for another child's letter.
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, filePortalBezwaar, { audience: 'family', params: { id: args.params.id }, status: 201 })
    : apiError(405, 'Alleen POST.')
