import { createSubjectRequest, listSubjectRequests, listSubjectRequestsInput } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody, parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'

/** GET /api/v1/subject-requests — AVG requests the caller handles (FG: stichting; directeur: own school). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'SubjectRequest')
  const input = parseQuery(request, listSubjectRequestsInput)
  return Response.json({ items: await inTenant(ctx, (tx) => listSubjectRequests(tx, ctx.ability, input)) })
}

/** POST /api/v1/subject-requests — register a request (inzage, rectificatie, beperking, bezwaar). */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'SubjectRequest')
  const body = await parseJsonBody(request, z.unknown())
  const saved = await writeInTenant(ctx, (tx) => createSubjectRequest(tx, ctx.ability, ctx.tenant, body))
  if (!saved.ok) return Response.json({ errors: saved.errors }, { status: saved.status })
  return Response.json(saved, { status: 201, headers: { Location: `/api/v1/subject-requests/${saved.id}` } })
}
