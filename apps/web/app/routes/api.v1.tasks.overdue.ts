import { listOverdueTasks } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/tasks/overdue — open follow-up tasks of the school due before today (Dutch date). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'IncidentTask')
  const items = await inTenant(ctx, (tx) => listOverdueTasks(tx, ctx.ability))
  return Response.json({ items, total: items.length })
}
