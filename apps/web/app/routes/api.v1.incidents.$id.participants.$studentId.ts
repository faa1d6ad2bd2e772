import { buildParticipantView } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/incidents/{id}/participants/{studentId} — one pupil's view, other pupils redacted. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const view = await inTenant(ctx, (tx) => buildParticipantView(tx, ctx.ability, ctx.tenant, params.id ?? '', params.studentId ?? ''))
  if (!view.ok) return Response.json({ errors: view.errors }, { status: 404 })
  return Response.json(view.data)
}
