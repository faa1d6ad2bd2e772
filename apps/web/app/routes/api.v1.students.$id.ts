import { getStudent, recordSubjectRead, studentSubject } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/students/{id} — one pupil; another tenant's id answers 404, never the row. Logged in
 * the access log. No break-glass here: any staff member may look a pupil of the school up (to
 * register an incident); the pupil's incident history (/dossier) is what a reason guards.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Student')
  const student = await inTenant(ctx, async (tx) => {
    const found = await getStudent(tx, ctx.ability, params.id ?? '')
    if (found) await recordSubjectRead(tx, ctx.tenant, studentSubject(found), { breakGlass: false, reason: null })
    return found
  })
  if (!student) throw apiError(404, 'Leerling niet gevonden.', 'id')
  return Response.json(student)
}
