import { closeSubjectRequest } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'

/** POST /api/v1/subject-requests/{id}/close — close as afgehandeld or afgewezen, with the outcome. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'SubjectRequest')
  const body = await parseJsonBody(request, z.unknown())
  const closed = await writeInTenant(ctx, (tx) => closeSubjectRequest(tx, ctx.ability, ctx.tenant, params.id ?? '', body))
  if (!closed.ok) return Response.json({ errors: closed.errors }, { status: closed.status })
  return Response.json(closed)
}

export function loader() {
  return apiError(405, 'Alleen POST.')
}
