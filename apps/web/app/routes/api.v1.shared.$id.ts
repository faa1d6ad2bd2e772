import { getSharedRecord } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/shared/{id} — one shared record; 404 when expired, revoked or not addressed to the caller. Logged. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'SharedRecord')
  const record = await inTenant(ctx, (tx) => getSharedRecord(tx, ctx.ability, ctx.tenant, params.id ?? ''))
  if (!record) return apiError(404, 'Gedeeld dossier niet gevonden.', 'id')
  return Response.json(record)
}
