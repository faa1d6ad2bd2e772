import { buildParentReport, decideBreakGlass, incidentAccessFacts, incidentNeedsReason, recordSubjectRead } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiReason } from '~/lib/access-log.server.ts'
import { parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/incidents/{id}/parent-report.pdf?studentId=… — the report of a zeer ernstig incident for
 * the parents of one pupil involved, other pupils redacted; with a "voor gezien" signature block.
 * Logged as an export for that pupil; a confidential incident needs the `X-Access-Reason` header
 * (break-glass; `?reason=` is a 400).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
  const given = apiReason(request)
  const { studentId } = parseQuery(request, z.object({ studentId: z.uuid('Geef de leerling op (studentId)') }))
  const report = await inTenant(ctx, async (tx) => {
    const facts = await incidentAccessFacts(tx, ctx.ability, params.id ?? '')
    if (!facts) return { ok: false as const, status: 404, errors: [{ path: 'id', message: 'Incident niet gevonden.' }] }
    const access = await decideBreakGlass(tx, ctx.tenant, facts, incidentNeedsReason(ctx.tenant, facts), given)
    if (!access.open) return { ok: false as const, status: 403, errors: access.errors }
    const built = await buildParentReport(tx, ctx.ability, ctx.tenant, facts.id, studentId)
    if (built.ok) await recordSubjectRead(tx, ctx.tenant, { ...facts, studentIds: [studentId] }, access, 'export')
    return built
  })
  if (!report.ok) return Response.json({ errors: report.errors }, { status: report.status })
  return new Response(report.pdf, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${report.filename}"`,
      // Personal data: never kept by a browser or proxy cache.
      'Cache-Control': 'no-store',
    },
  })
}
