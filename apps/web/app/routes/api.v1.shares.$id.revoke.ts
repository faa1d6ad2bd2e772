import { revokeShare } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/shares/{id}/revoke — {reason}: revoke at once; the recipient gets 404 from then on. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Share')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const done = await revokeShare(tx, ctx.ability, ctx.tenant, params.id ?? '', body)
    if (!done.ok) throw Response.json({ errors: done.errors }, { status: done.status })
    return done
  })
  return Response.json(result)
}
