import { haltQueue, haltQueueInput } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/halt/referrals — Halt's queue: referrals of linked schools (?schoolId, ?status, ?type). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'HaltCase')
  const input = parseQuery(request, haltQueueInput)
  return Response.json({ items: await inTenant(ctx, (tx) => haltQueue(tx, ctx.ability, ctx.tenant, input)) })
}
