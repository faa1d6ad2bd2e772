import { listOverdueTasks } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/tasks/overdue — open follow-up tasks of the school due before today (Dutch date), paged. */
export const loader = (args: LoaderFunctionArgs) => api(args, listOverdueTasks)
