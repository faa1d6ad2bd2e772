import { getReferral } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/referrals/{id} — status, intake date and, once closed, the closing report (logged). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Referral')
  const referral = await inTenant(ctx, (tx) => getReferral(tx, ctx.ability, ctx.tenant, params.id ?? ''))
  if (!referral) throw apiError(404, 'Verwijzing niet gevonden.', 'id')
  return Response.json(referral)
}
