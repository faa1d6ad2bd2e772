import { createAgreement, listAgreements } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/agreements — the sharing agreements the caller may read (a partner: the approved ones it is party to). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Agreement')
  const items = await inTenant(ctx, (tx) => listAgreements(tx, ctx.ability, ctx.tenant))
  if (!items) return apiError(403, 'Geen toegang: read Agreement.')
  return Response.json({ items })
}

/** POST /api/v1/agreements — draft an agreement (status concept) with the Wpg art. 20(2) fields. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Agreement')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await createAgreement(tx, ctx.ability, ctx.tenant, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json(result, { status: 201, headers: { Location: `/api/v1/agreements/${result.id}` } })
}
