import { createIncident, listIncidents, listIncidentsInput } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError, parseJsonBody, parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'
import { z } from 'zod'

/** GET /api/v1/incidents — the incidents the caller may read, filtered and paged. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const input = parseQuery(request, listIncidentsInput)
  return Response.json(await inTenant(ctx, (tx) => listIncidents(tx, ctx.ability, input)))
}

/** POST /api/v1/incidents — registers an incident (a draft, or submitted with "submit": true). */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Incident')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await createIncident(tx, ctx.ability, ctx.tenant, body)
    // Roll back on a refusal, so nothing is half-saved.
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json({ id: result.id, version: result.version }, { status: 201, headers: { Location: `/api/v1/incidents/${result.id}` } })
}
