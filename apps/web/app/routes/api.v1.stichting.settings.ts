import { getLawSettings, updateLawSettings } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/stichting/settings — the stichting's choices where the law leaves room, each with the
 * rule it sets, its default, source and status: {voDecisionAdultAge, voDecisionAdultAgeChosen,
 * voDecisionAdultAgeRule}.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'LawSettings')
  const settings = await inTenant(ctx, (tx) => getLawSettings(tx, ctx.ability, ctx.tenant))
  if (!settings) throw apiError(403, 'Geen toegang: read LawSettings.')
  return Response.json(settings)
}

/** PATCH /api/v1/stichting/settings — {voDecisionAdultAge: 18–21}; the bestuurder and the stichtingbeheerder. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'PATCH') return apiError(405, 'Alleen GET en PATCH.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'LawSettings')
  const body = await parseJsonBody(request, z.unknown())
  const settings = await inTenant(ctx, async (tx) => {
    const saved = await updateLawSettings(tx, ctx.ability, ctx.tenant, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved.settings
  })
  return Response.json(settings)
}
