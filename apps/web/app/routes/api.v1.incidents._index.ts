import { createIncident, listIncidents } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/incidents — the incidents the caller may read, filtered and paged. */
export const loader = (args: LoaderFunctionArgs) => api(args, listIncidents)

/** POST /api/v1/incidents — registers an incident (a draft, or submitted with "submit": true). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, createIncident, { status: 201, headers: (v) => ({ Location: `/api/v1/incidents/${v.id}` }) })
    : apiError(405, 'Alleen GET en POST.')
