import { getRetentionSettings, setRetention } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'

/** GET /api/v1/retention — the stichting's retention terms per category (defaults where none is set). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Retention')
  return Response.json({ items: await inTenant(ctx, (tx) => getRetentionSettings(tx, ctx.ability, ctx.tenant)) })
}

/** PUT /api/v1/retention — set one category's term: { category, months } (the privacyfunctionaris). */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'PUT') return apiError(405, 'Alleen GET en PUT.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Retention')
  const body = await parseJsonBody(request, z.unknown())
  const saved = await writeInTenant(ctx, (tx) => setRetention(tx, ctx.ability, ctx.tenant, body))
  if (!saved.ok) return Response.json({ errors: saved.errors }, { status: saved.status })
  return Response.json({ items: await inTenant(ctx, (tx) => getRetentionSettings(tx, ctx.ability, ctx.tenant)) })
}
