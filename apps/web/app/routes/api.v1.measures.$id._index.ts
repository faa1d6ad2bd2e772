import { getMeasure } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/measures/{id} — the measure, its history, tasks, the steps open to the caller and pendingRemoval / schorsingenPending. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Measure')
  const measure = await inTenant(ctx, (tx) => getMeasure(tx, ctx.ability, ctx.tenant, params.id ?? ''))
  if (!measure) throw apiError(404, 'Maatregel niet gevonden.', 'id')
  return Response.json(measure)
}
