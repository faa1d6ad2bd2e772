import { listShares, shareIncidents } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/shares — the school's shares (board and privacyfunctionaris: the stichting's), newest first. */
export const loader = (args: LoaderFunctionArgs) => api(args, listShares)

/** POST /api/v1/shares — share incidents with a partner under an active agreement (directeur). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, shareIncidents, { stepUp: true, status: 201, headers: (v) => ({ Location: `/api/v1/shares/${v.id}` }) })
    : apiError(405, 'Alleen GET en POST.')
