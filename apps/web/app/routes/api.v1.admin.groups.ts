import { createGroup, listSchoolGroups } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/admin/groups?schoolId= — one school's groups per schooljaar, and the schooljaren. */
export const loader = (args: LoaderFunctionArgs) => api(args, listSchoolGroups)

/** POST /api/v1/admin/groups — {schoolId, schoolYear, name}: a new group. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, createGroup, { status: 201, respond: (v) => v.group }) : apiError(405, 'Alleen GET en POST.')
