import { createShare, listShares } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody, parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

const query = z.object({
  status: z.enum(['actief', 'verlopen', 'ingetrokken'], { error: 'Status is actief, verlopen of ingetrokken.' }).optional(),
  incidentId: z.uuid({ error: 'Onbekend incident.' }).optional(),
})

/** GET /api/v1/shares — the school's shares (board and privacyfunctionaris: the stichting's), newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Share')
  const filter = parseQuery(request, query)
  const items = await inTenant(ctx, (tx) => listShares(tx, ctx.ability, ctx.tenant, filter))
  if (!items) return apiError(403, 'Geen toegang: read Share.')
  return Response.json({ items })
}

/** POST /api/v1/shares — share incidents with a partner under an active agreement (directeur). */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Share')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await createShare(tx, ctx.ability, ctx.tenant, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json({ id: result.shareId }, { status: 201, headers: { Location: `/api/v1/shares/${result.shareId}` } })
}
