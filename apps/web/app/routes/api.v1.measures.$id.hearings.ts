import { getMeasureHearings, recordRemovalHearing } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/measures/{id}/hearings — the hearings of a verwijdering, who must be heard for this
 * pupil (with the rule's source) and whether the board may decide.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Measure')
  const view = await inTenant(ctx, (tx) => getMeasureHearings(tx, ctx.ability, params.id ?? ''))
  if (!view) throw apiError(404, 'Verwijdering niet gevonden.', 'id')
  return Response.json(view)
}

/**
 * POST /api/v1/measures/{id}/hearings — {party, heardOn, summary}: one party heard before the board
 * decides a verwijdering (party 'inspectie_overleg' records the vo Inspectie consultation).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Measure')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await recordRemovalHearing(tx, ctx.ability, ctx.tenant, params.id ?? '', body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json(result, { status: 201, headers: { Location: `/api/v1/measures/${params.id}/hearings` } })
}
