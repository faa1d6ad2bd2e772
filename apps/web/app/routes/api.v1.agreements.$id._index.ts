import { getAgreement } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/agreements/{id} — one agreement; 404 when not visible (other stichting, a partner's concept). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Agreement')
  const agreement = await inTenant(ctx, (tx) => getAgreement(tx, ctx.ability, ctx.tenant, params.id ?? ''))
  if (!agreement) return apiError(404, 'Convenant niet gevonden.', 'id')
  return Response.json(agreement)
}

export function action() {
  return apiError(405, 'Gebruik POST /api/v1/agreements/{id}/approve of /end.')
}
