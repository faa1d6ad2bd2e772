import { getStudent } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/students/{id} — one pupil; another tenant's id answers 404, never the row. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Student')
  const student = await inTenant(ctx, (tx) => getStudent(tx, ctx.ability, params.id ?? ''))
  if (!student) throw apiError(404, 'Leerling niet gevonden.', 'id')
  return Response.json(student)
}
