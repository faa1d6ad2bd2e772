import { listLetters, renderLetter } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/measures/{id}/letters — the measure's decision letters, and the kinds the caller may make now. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Measure')
  const letters = await inTenant(ctx, (tx) => listLetters(tx, ctx.ability, params.id ?? ''))
  if (!letters) throw apiError(404, 'Maatregel niet gevonden.', 'id')
  return Response.json({
    items: letters.items.map((l) => ({ ...l, href: `/api/v1/measures/${params.id}/letters/${l.id}.pdf` })),
    available: letters.available,
  })
}

/** POST /api/v1/measures/{id}/letters — {kind}: a letter from the stichting's latest template, stored as the next version. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Measure')
  const body = await parseJsonBody(request, z.object({ kind: z.unknown() }))
  const result = await inTenant(ctx, async (tx) => {
    const made = await renderLetter(tx, ctx.ability, ctx.tenant, params.id ?? '', body.kind)
    if (!made.ok) throw Response.json({ errors: made.errors, ...(made.missing ? { missing: made.missing, unknown: made.unknown } : {}) }, { status: made.status })
    return made
  })
  const href = `/api/v1/measures/${params.id}/letters/${result.id}.pdf`
  return Response.json({ id: result.id, version: result.version, href }, { status: 201, headers: { Location: href } })
}
