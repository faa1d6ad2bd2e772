import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { parseQuery } from '~/lib/api.server.ts'
import { requireContext, requirePermission } from '~/lib/context.server.ts'
import { studentExportResponse } from '~/lib/privacy.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'

/**
 * GET /api/v1/students/{id}/export — everything about one student (AVG art. 15) as JSON, or
 * `?format=pdf` as a Dutch PDF. The directeur of the student's school; the export is logged.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'StudentExport')
  requireFreshSecondFactor(ctx, request, context)
  const { format } = parseQuery(request, z.object({ format: z.enum(['json', 'pdf'], 'format: json of pdf').optional().default('json') }))
  return studentExportResponse(ctx, params.id ?? '', format, { download: false })
}
