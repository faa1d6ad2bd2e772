import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireContext, requirePermission } from '~/lib/context.server.ts'
import { studentExportResponse } from '~/lib/privacy.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'

/** /leerlingen/{id}/export.pdf — the export as a PDF download (the page's link). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'StudentExport')
  requireFreshSecondFactor(ctx, request, context)
  return studentExportResponse(ctx, params.studentId ?? '', 'pdf', { download: true })
}
