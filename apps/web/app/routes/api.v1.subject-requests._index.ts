import { createSubjectRequest, listSubjectRequests } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/subject-requests — AVG requests the caller handles (FG: stichting; directeur: own school). */
export const loader = (args: LoaderFunctionArgs) => api(args, listSubjectRequests)

/** POST /api/v1/subject-requests — register a request (inzage, rectificatie, beperking, bezwaar). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, createSubjectRequest, { status: 201, respond: (v) => ({ ok: true, ...v }), headers: (v) => ({ Location: `/api/v1/subject-requests/${v.id}` }) })
    : apiError(405, 'Alleen GET en POST.')
