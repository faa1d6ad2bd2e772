import { buildParentReport } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/incidents/{id}/parent-report.pdf?studentId=… — the report of a zeer ernstig incident for
 * the parents of one pupil involved, other pupils redacted; with a "voor gezien" signature block.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const { studentId } = parseQuery(request, z.object({ studentId: z.uuid('Geef de leerling op (studentId)') }))
  const report = await inTenant(ctx, (tx) => buildParentReport(tx, ctx.ability, ctx.tenant, params.id ?? '', studentId))
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
