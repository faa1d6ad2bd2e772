import { buildParticipantView, decideBreakGlass, incidentAccessFacts, incidentNeedsReason, recordSubjectRead } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiReason } from '~/lib/access-log.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/incidents/{id}/participants/{studentId} — one pupil's view, other pupils redacted.
 * Logged for that pupil; a confidential incident needs the `X-Access-Reason` header as on
 * GET /incidents/{id} (`?reason=` is a 400).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
  const given = apiReason(request)
  const studentId = params.studentId ?? ''
  const view = await inTenant(ctx, async (tx) => {
    const facts = await incidentAccessFacts(tx, ctx.ability, params.id ?? '')
    if (!facts) return { ok: false as const, status: 404, errors: [{ path: 'id', message: 'Incident niet gevonden.' }] }
    const access = await decideBreakGlass(tx, ctx.tenant, facts, incidentNeedsReason(ctx.tenant, facts), given)
    if (!access.open) return { ok: false as const, status: 403, errors: access.errors }
    const built = await buildParticipantView(tx, ctx.ability, ctx.tenant, facts.id, studentId)
    if (!built.ok) return { ok: false as const, status: 404, errors: built.errors }
    await recordSubjectRead(tx, ctx.tenant, { ...facts, studentIds: [studentId] }, access)
    return built
  })
  if (!view.ok) return Response.json({ errors: view.errors }, { status: view.status })
  return Response.json(view.data)
}
