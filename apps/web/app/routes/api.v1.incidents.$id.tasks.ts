import { createTask, listTasks } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/incidents/{id}/tasks — the incident's follow-up tasks, and (for those who plan them)
 * the §4 victim-care steps proposed for an incident with a victim.
 */
export const loader = (args: LoaderFunctionArgs) => api(args, listTasks, { input: () => ({ id: args.params.id }) })

/** POST /api/v1/incidents/{id}/tasks — plans a follow-up task (directeur, IB). */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, createTask, {
        params: { id: args.params.id },
        status: 201,
        headers: (v) => ({ Location: `/api/v1/incidents/${args.params.id}/tasks/${v.id}` }),
      })
    : apiError(405, 'Alleen GET en POST.')
