import { createTask, listTasks, proposeVictimCareTasks } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/incidents/{id}/tasks — the incident's follow-up tasks, and (for those who plan them)
 * the §4 victim-care steps proposed for an incident with a victim.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'IncidentTask')
  const found = await inTenant(ctx, async (tx) => {
    const items = await listTasks(tx, ctx.ability, params.id ?? '')
    if (!items) return null
    const proposals = ctx.ability.can('create', 'IncidentTask') ? ((await proposeVictimCareTasks(tx, ctx.ability, params.id ?? '')) ?? []) : []
    return { items, proposals }
  })
  if (!found) throw apiError(404, 'Incident niet gevonden.', 'id')
  return Response.json(found)
}

/** POST /api/v1/incidents/{id}/tasks — plans a follow-up task (directeur, IB). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'IncidentTask')
  const body = await parseJsonBody(request, z.unknown())
  const id = params.id ?? ''
  const result = await inTenant(ctx, async (tx) => {
    const saved = await createTask(tx, ctx.ability, ctx.tenant, id, body)
    // Roll back on a refusal, so nothing is half-saved.
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json({ id: result.id }, { status: 201, headers: { Location: `/api/v1/incidents/${id}/tasks/${result.id}` } })
}
