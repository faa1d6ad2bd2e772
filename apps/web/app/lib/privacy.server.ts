// The student export as a download (JSON or PDF), shared by the page's resource routes and the API.
import { exportStudent, renderStudentExportPdf } from '@baken/domain'
import type { RequestContext } from './context.server.ts'
import { perform, refusalResponse } from './use-case.server.ts'

/** The caller has passed `create StudentExport` (the route's wall); the use case checks the pupil. */
export async function studentExportResponse(ctx: RequestContext, studentId: string, format: 'json' | 'pdf', options: { download: boolean }): Promise<Response> {
  const result = await perform(ctx, exportStudent, { id: studentId })
  if (!result.ok) return refusalResponse(result)
  // Personal data: never kept by a browser or proxy cache.
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' }
  if (format === 'pdf') {
    const pdf = await renderStudentExportPdf(result.data)
    headers['Content-Type'] = 'application/pdf'
    headers['Content-Disposition'] = `attachment; filename="${result.filenameBase}.pdf"`
    return new Response(pdf, { headers })
  }
  if (options.download) headers['Content-Disposition'] = `attachment; filename="${result.filenameBase}.json"`
  return Response.json(result.data, { headers })
}
