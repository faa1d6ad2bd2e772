// GET /toegangslog.csv?… — the privacyfunctionaris' current search of the access log as CSV (same
// filters as /toegangslog, all pages). The export is itself logged (action 'export', subject
// 'access_log', the search as its purpose) in the same transaction. Others: 403.
import { exportAccessLog, parseAccessLogFilters } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'AccessLog')
  const parsed = parseAccessLogFilters(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.ok) {
    return new Response(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  const result = await inTenant(ctx, (tx) => exportAccessLog(tx, ctx.ability, ctx.tenant, parsed.filters))
  if (!result.ok) throw new Response('Geen toegang', { status: 403 })
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
