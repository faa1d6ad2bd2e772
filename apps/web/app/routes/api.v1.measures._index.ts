import { listMeasures, listMeasuresInput, proposeMeasure } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody, parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/measures — the measures the caller may see (the board: all its schools'). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Measure')
  const input = parseQuery(request, listMeasuresInput)
  return Response.json({ items: await inTenant(ctx, (tx) => listMeasures(tx, ctx.ability, input)) })
}

/** POST /api/v1/measures — propose (or record) a measure for a pupil; a schorsing may name `pendingRemovalId`. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Measure')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await proposeMeasure(tx, ctx.ability, ctx.tenant, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json(result, { status: 201, headers: { Location: `/api/v1/measures/${result.id}` } })
}
