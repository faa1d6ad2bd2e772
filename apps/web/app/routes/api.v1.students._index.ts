import { listStudents, listStudentsInput } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/students — the caller's pupils, paged, filterable by group and name. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Student')
  const input = parseQuery(request, listStudentsInput)
  const result = await inTenant(ctx, (tx) => listStudents(tx, ctx.ability, input))
  return Response.json(result)
}
