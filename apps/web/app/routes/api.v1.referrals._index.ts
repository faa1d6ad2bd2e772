import { createReferral, listReferrals, listReferralsInput } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody, parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/referrals — the school's Halt referrals (status, intake date; no Halt workspace). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Referral')
  const input = parseQuery(request, listReferralsInput)
  return Response.json({ items: await inTenant(ctx, (tx) => listReferrals(tx, ctx.ability, ctx.tenant, input)) })
}

/** POST /api/v1/referrals — refer a student to the Halt spreekuur (records the purpose-bound share). */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Referral')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await createReferral(tx, ctx.ability, ctx.tenant, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json(result, { status: 201, headers: { Location: `/api/v1/referrals/${result.id}` } })
}
