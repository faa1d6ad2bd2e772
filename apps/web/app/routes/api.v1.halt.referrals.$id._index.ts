import { getHaltCase } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/halt/referrals/{id} — Halt's case: the shared facts and Halt's workspace (logged). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'HaltCase')
  const c = await inTenant(ctx, (tx) => getHaltCase(tx, ctx.ability, ctx.tenant, params.id ?? ''))
  if (!c) throw apiError(404, 'Verwijzing niet gevonden.', 'id')
  return Response.json(c)
}
