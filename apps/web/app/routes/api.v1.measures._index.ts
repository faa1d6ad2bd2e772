import { listMeasures, proposeMeasure } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures — the measures the caller may see (the board: all its schools'). */
export const loader = (args: LoaderFunctionArgs) => api(args, listMeasures)

/** POST /api/v1/measures — propose (or record) a measure for a pupil; a schorsing may name `pendingRemovalId`. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, proposeMeasure, { status: 201, headers: (v) => ({ Location: `/api/v1/measures/${v.id}` }) })
    : apiError(405, 'Alleen GET en POST.')
