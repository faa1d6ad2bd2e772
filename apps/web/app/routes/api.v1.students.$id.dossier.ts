import { decideBreakGlass, dossierNeedsReason, getDossier, recordSubjectRead, studentSubject } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiReason } from '~/lib/access-log.server.ts'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/students/{id}/dossier — one chronology of the pupil's incidents with their role.
 * Logged; for a leerkracht a pupil outside the groups they teach needs the `X-Access-Reason` header
 * (break-glass): without it 403 `{ errors: [{ path: 'reason', … }] }`; `?reason=` is a 400.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Student')
  // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
  const given = apiReason(request)
  const dossier = await inTenant(ctx, async (tx) => {
    const found = await getDossier(tx, ctx.ability, params.id ?? '')
    if (!found) return null
    const subject = studentSubject(found.student)
    const access = await decideBreakGlass(tx, ctx.tenant, subject, await dossierNeedsReason(tx, ctx.tenant, found.student), given)
    if (!access.open) return { refused: access.errors }
    await recordSubjectRead(tx, ctx.tenant, subject, access)
    return found
  })
  if (!dossier) throw apiError(404, 'Leerling niet gevonden.', 'id')
  if ('refused' in dossier) return Response.json({ errors: dossier.refused }, { status: 403 })
  return Response.json(dossier)
}
