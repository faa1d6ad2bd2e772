import { listSharedRecords } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/shared — what the recipient (police unit, Halt) sees: active shares, newest first. Logged. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'SharedRecord')
  const items = await inTenant(ctx, (tx) => listSharedRecords(tx, ctx.ability, ctx.tenant))
  if (!items) return apiError(403, 'Geen toegang: read SharedRecord.')
  return Response.json({ items })
}
