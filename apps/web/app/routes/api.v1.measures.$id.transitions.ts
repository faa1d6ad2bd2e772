import { transitionMeasure } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST om een stap te zetten.')
}

/** POST /api/v1/measures/{id}/transitions — {to, reason?, expectedState?}: the next step. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Measure')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const moved = await transitionMeasure(tx, ctx.ability, ctx.tenant, params.id ?? '', body)
    if (!moved.ok) throw Response.json({ errors: moved.errors }, { status: moved.status })
    return moved
  })
  return Response.json(result)
}
