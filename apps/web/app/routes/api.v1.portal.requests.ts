import { submitPortalRequest } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** POST /api/v1/portal/requests {studentId, kind, details} — an AVG request into the school's workflow (one month). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, submitPortalRequest, { audience: 'family', status: 201 }) : apiError(405, 'Alleen POST.')
