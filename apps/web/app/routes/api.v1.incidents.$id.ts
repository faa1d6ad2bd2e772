import {
  decideBreakGlass,
  guidanceForVoorval,
  incidentNeedsReason,
  incidentSubject,
  listVersions,
  loadIncident,
  recordSubjectRead,
  suggestSeverity,
  updateIncident,
} from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiReason } from '~/lib/access-log.server.ts'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/**
 * GET /api/v1/incidents/{id} — the full note with persons, the severity rules, guidance and history.
 * Logged in the access log (one row per pupil). A confidential incident, for anyone but the
 * vertrouwenspersoon and its reporter, needs a reason in the `X-Access-Reason` header: without it 403
 * with `{ errors: [{ path: 'reason', … }] }`; with it the break-glass is logged before the answer.
 * A `?reason=` in the query string is refused with 400 (a link must not record a break-glass).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  // The break-glass reason: the X-Access-Reason header only (a ?reason= is a 400, nothing logged).
  const given = apiReason(request)
  const found = await inTenant(ctx, async (tx) => {
    const incident = await loadIncident(tx, ctx.ability, params.id ?? '')
    if (!incident) return null
    const subject = incidentSubject(incident)
    const access = await decideBreakGlass(tx, ctx.tenant, subject, incidentNeedsReason(ctx.tenant, incident), given)
    if (!access.open) return { refused: access.errors }
    await recordSubjectRead(tx, ctx.tenant, subject, access)
    return { incident, versions: await listVersions(tx, incident.id) }
  })
  if (!found) throw apiError(404, 'Incident niet gevonden.', 'id')
  if ('refused' in found) return Response.json({ errors: found.refused }, { status: 403 })
  const { incident, versions } = found
  const codes = incident.voorval.map((c) => c.code)
  return Response.json({
    ...incident,
    severitySuggestion: suggestSeverity({ ...incident, voorval: codes }),
    guidance: guidanceForVoorval(codes),
    versions,
  })
}

/** PATCH /api/v1/incidents/{id} — changes any fields; every change is kept as a version. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'PATCH') return apiError(405, 'Alleen GET en PATCH.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const saved = await updateIncident(tx, ctx.ability, ctx.tenant, params.id ?? '', body)
    if (!saved.ok) throw Response.json({ errors: saved.errors }, { status: saved.status })
    return saved
  })
  return Response.json({ id: result.id, version: result.version })
}
