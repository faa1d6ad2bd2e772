import { getMeasure, listBezwaren, recordBezwaar } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/measures/{id}/bezwaren — the bezwaren against the measure's decision, with deadline, the rule that sets it (decisionTerm) and overdue flag. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Bezwaar')
  const items = await inTenant(ctx, async (tx) => {
    if (!(await getMeasure(tx, ctx.ability, ctx.tenant, params.id ?? ''))) throw apiError(404, 'Maatregel niet gevonden.', 'id')
    return listBezwaren(tx, ctx.ability, { measureId: params.id })
  })
  return Response.json({ items })
}

/**
 * POST /api/v1/measures/{id}/bezwaren — {receivedOn, committeeFrom?, committeeUntil?, late?, lateReason?,
 * advisoryCommittee?}: a bezwaar received against a decided schorsing or verwijdering; answers its
 * decision deadline and the rule that sets it (decisionTerm: a schorsing's Awb art. 7:10, a
 * verwijdering's education law).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Bezwaar')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await recordBezwaar(tx, ctx.ability, ctx.tenant, params.id ?? '', body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json(result, { status: 201, headers: { Location: `/api/v1/measures/${params.id}/bezwaren` } })
}
