import { updateTask } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET is not offered: the tasks come with GET /api/v1/incidents/{id}/tasks. */
export function loader() {
  return apiError(405, 'Alleen PATCH; de taken staan in GET /api/v1/incidents/{id}/tasks.')
}

/**
 * PATCH /api/v1/incidents/{id}/tasks/{taskId} — complete or reopen (done, note: the owner, directeur
 * or IB); reassign, move the due date, rename (ownerId, dueOn, title, description: directeur or IB).
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'PATCH' ? api(args, updateTask, { params: { id: args.params.id, taskId: args.params.taskId } }) : apiError(405, 'Alleen PATCH.')
