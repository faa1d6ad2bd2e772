// GET /api/v1/access-log — the stichting's access log for the privacyfunctionaris: the same
// filters as /toegangslog as query parameters (from, to, person, role, subjectType, studentId,
// breakGlass, page, pageSize), newest first, paged. Others: 403. Reading the log is not itself logged
// (it holds no pupil content); the CSV export on /toegangslog.csv is.
import { parseAccessLogFilters, searchAccessLog } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'AccessLog')
  const parsed = parseAccessLogFilters(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.ok) return Response.json({ errors: parsed.errors }, { status: 400 })
  const found = await inTenant(ctx, (tx) => searchAccessLog(tx, ctx.ability, ctx.tenant, parsed.filters))
  if (!found.ok) throw apiError(403, found.errors[0]!.message)
  return Response.json({ items: found.items, total: found.total, page: found.page, pageSize: found.pageSize })
}
