import { purgeDryRun, runPurge } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody, parseQuery } from '~/lib/api.server.ts'
import { requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'

/**
 * POST /api/v1/purge?dryRun=true — the dry run: what is due (body optional: { asOf }).
 * POST /api/v1/purge?dryRun=false — the purge, confirming a dry run: { dryRunId }; 409 when anything
 * changed since that dry run. Both are stored in purge_runs. The privacyfunctionaris only.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'manage', 'Retention')
  const { dryRun } = parseQuery(
    request,
    z.object({ dryRun: z.enum(['true', 'false'], 'dryRun: true (proefrun) of false (opschonen)').optional().default('true') }),
  )
  const hasBody = (request.headers.get('content-length') ?? '0') !== '0' || request.headers.get('content-type')?.includes('json')
  const body = hasBody ? await parseJsonBody(request, z.unknown()) : {}
  const result = await writeInTenant(ctx, (tx) => (dryRun === 'true' ? purgeDryRun(tx, ctx.ability, ctx.tenant, body) : runPurge(tx, ctx.ability, ctx.tenant, body)))
  if (!result.ok) return Response.json({ errors: result.errors }, { status: result.status })
  return Response.json(result, { status: dryRun === 'true' ? 200 : 201 })
}

export function loader() {
  return apiError(405, 'Alleen POST.')
}
