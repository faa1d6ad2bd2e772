import { listAcknowledgements, recordAcknowledgement } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/incidents/{id}/acknowledgements — the parents' "voor gezien" records, oldest first. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const items = await inTenant(ctx, (tx) => listAcknowledgements(tx, ctx.ability, params.id ?? ''))
  if (!items) throw apiError(404, 'Incident niet gevonden.', 'id')
  return Response.json({ items })
}

/**
 * POST /api/v1/incidents/{id}/acknowledgements — records that a parent signed the report of a zeer
 * ernstig incident "voor gezien" (409 for any other incident). Append-only.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Incident')
  const body = await parseJsonBody(request, z.unknown())
  const id = params.id ?? ''
  const result = await inTenant(ctx, async (tx) => {
    const saved = await recordAcknowledgement(tx, ctx.ability, ctx.tenant, id, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json({ id: result.id }, { status: 201, headers: { Location: `/api/v1/incidents/${id}/acknowledgements` } })
}
