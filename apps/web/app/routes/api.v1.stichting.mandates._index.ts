import { getMandates, grantMandate } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/stichting/mandates — per school of the stichting the directeur's mandate for schorsingen
 * (Awb art. 10:1–10:3) and its versions: {rule, mayManage, items: [{schoolId, schoolName, sector,
 * sectorMax, current, history}]}. The bestuurder and the stichtingbeheerder.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Mandate')
  const mandates = await inTenant(ctx, (tx) => getMandates(tx, ctx.ability, ctx.tenant))
  if (!mandates) throw apiError(403, 'Geen toegang: read Mandate.')
  return Response.json(mandates)
}

/** POST /api/v1/stichting/mandates — {schoolId, maxSchoolDays, startsOn, besluitOn}: grant or change (a new version); the bestuurder only. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'manage', 'Mandate')
  const body = await parseJsonBody(request, z.unknown())
  const mandate = await inTenant(ctx, async (tx) => {
    const saved = await grantMandate(tx, ctx.ability, ctx.tenant, body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved.mandate
  })
  return Response.json(mandate, { status: 201 })
}
