import { listSearchAttempts, recordSearchAttempt } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/measures/{id}/search-attempts — the attempts to find another school, oldest first. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Measure')
  const items = await inTenant(ctx, (tx) => listSearchAttempts(tx, ctx.ability, params.id ?? ''))
  if (!items) throw apiError(404, 'Maatregel niet gevonden.', 'id')
  return Response.json({ items })
}

/** POST /api/v1/measures/{id}/search-attempts — {contactedOn, schoolName, result, note?} on a verwijdering in search. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Measure')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await recordSearchAttempt(tx, ctx.ability, ctx.tenant, params.id ?? '', body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json(result, { status: 201, headers: { Location: `/api/v1/measures/${params.id}/search-attempts` } })
}
