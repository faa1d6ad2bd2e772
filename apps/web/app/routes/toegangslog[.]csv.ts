// GET /toegangslog.csv?… — the privacyfunctionaris' current search of the access log as CSV (same
// filters as /toegangslog, all pages). The export is itself logged (action 'export', subject
// 'access_log', the search as its purpose) in the same transaction. Others: 403.
import { exportAccessLog } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, exportAccessLog)
  const result = await perform(ctx, exportAccessLog, Object.fromEntries(new URL(request.url).searchParams))
  if (!result.ok && result.reason === 'invalid') {
    return new Response(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'), { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  if (!result.ok) throw new Response('Geen toegang', { status: 403 })
  return new Response(result.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}
