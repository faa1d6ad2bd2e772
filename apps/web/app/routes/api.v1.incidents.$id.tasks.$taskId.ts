import { updateTask } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET is not offered: the tasks come with GET /api/v1/incidents/{id}/tasks. */
export function loader() {
  return apiError(405, 'Alleen PATCH; de taken staan in GET /api/v1/incidents/{id}/tasks.')
}

/**
 * PATCH /api/v1/incidents/{id}/tasks/{taskId} — complete or reopen (done, note: the owner, directeur
 * or IB); reassign, move the due date, rename (ownerId, dueOn, title, description: directeur or IB).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'PATCH') return apiError(405, 'Alleen PATCH.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'IncidentTask')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await updateTask(tx, ctx.ability, ctx.tenant, params.id ?? '', params.taskId ?? '', body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json({ id: result.id })
}
