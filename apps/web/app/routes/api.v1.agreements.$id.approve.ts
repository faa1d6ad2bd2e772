import { approveAgreement } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

export function loader() {
  return apiError(405, 'Gebruik POST.')
}

/** POST /api/v1/agreements/{id}/approve — approval by the bevoegd gezag (bestuurder) of a concept agreement. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Agreement')
  const result = await inTenant(ctx, async (tx) => {
    const done = await approveAgreement(tx, ctx.ability, ctx.tenant, params.id ?? '')
    if (!done.ok) throw Response.json({ errors: done.errors }, { status: done.status })
    return done
  })
  return Response.json(result)
}
