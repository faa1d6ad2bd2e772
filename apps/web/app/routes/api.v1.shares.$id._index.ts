import { getShare } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/shares/{id} — one share as disclosed (the look is logged); 404 when not visible. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Share')
  const share = await inTenant(ctx, (tx) => getShare(tx, ctx.ability, ctx.tenant, params.id ?? ''))
  if (!share) return apiError(404, 'Deling niet gevonden.', 'id')
  return Response.json(share)
}

export function action() {
  return apiError(405, 'Gebruik POST /api/v1/shares/{id}/revoke om in te trekken.')
}
