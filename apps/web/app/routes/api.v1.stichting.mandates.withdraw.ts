import { withdrawMandate } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/stichting/mandates/withdraw — {schoolId, besluitOn?}: withdraw the school's mandate (a new version); the bestuurder only. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'manage', 'Mandate')
  const body = await parseJsonBody(request, z.unknown())
  const mandate = await inTenant(ctx, async (tx) => {
    const saved = await withdrawMandate(tx, ctx.ability, ctx.tenant, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved.mandate
  })
  return Response.json(mandate)
}
