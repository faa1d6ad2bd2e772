import { getDossier } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/students/{id}/dossier — one chronology of the pupil's incidents with their role. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Student')
  const dossier = await inTenant(ctx, (tx) => getDossier(tx, ctx.ability, params.id ?? ''))
  if (!dossier) throw apiError(404, 'Leerling niet gevonden.', 'id')
  return Response.json(dossier)
}
