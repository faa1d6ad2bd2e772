import { exportParentReport } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiReason } from '~/lib/access-log.server.ts'
import { parseQuery } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** The pupil the report is for (the query string). */
const parentReportQuery = z.object({ studentId: z.uuid('Geef de leerling op (studentId)') })

/**
 * GET /api/v1/incidents/{id}/parent-report.pdf?studentId=… — the report of a zeer ernstig incident for
 * the parents of one pupil involved, other pupils redacted; with a "voor gezien" signature block.
 * Logged as an export for that pupil; a confidential incident needs the `X-Access-Reason` header
 * (break-glass; `?reason=` is a 400).
 */
export const loader = (args: LoaderFunctionArgs) =>
  api(args, exportParentReport, {
    stepUp: true,
    // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
    input: () => ({ id: args.params.id, reason: apiReason(args.request), studentId: parseQuery(args.request, parentReportQuery).studentId }),
    respond: (report) =>
      new Response(report.pdf, {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${report.filename}"`,
          // Personal data: never kept by a browser or proxy cache.
          'Cache-Control': 'no-store',
        },
      }),
  })
