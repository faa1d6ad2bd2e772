import { getBoardOversight, mayOversee, schooljaarSchema } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/stichtingen/{id}/oversight?schooljaar= — the board's oversight (the data of /bestuur):
 * open and recent schorsingen and verwijderingen, the approvals queue, deadlines at risk, counts per
 * school. Only the bestuurder, only for their own stichting; any other id answers 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Oversight')
  const id = params.id ?? ''
  if (id !== ctx.tenant.stichtingId || !mayOversee(ctx.ability, id)) throw apiError(404, 'Stichting niet gevonden.', 'id')
  const { schooljaar } = parseQuery(request, z.object({ schooljaar: schooljaarSchema.optional() }))
  const oversight = await inTenant(ctx, (tx) => getBoardOversight(tx, ctx.ability, ctx.tenant, { schooljaar }))
  if (!oversight) throw apiError(404, 'Stichting niet gevonden.', 'id')
  return Response.json(oversight)
}
