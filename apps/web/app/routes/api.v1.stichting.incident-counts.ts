import { getBoardIncidentCounts, schooljaarSchema } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/stichting/incident-counts?schooljaar= — the board's counts per school (no content). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'IncidentCount')
  const { schooljaar } = parseQuery(request, z.object({ schooljaar: schooljaarSchema }))
  const schools = await inTenant(ctx, (tx) => getBoardIncidentCounts(tx, ctx.ability, schooljaar))
  return Response.json({ schooljaar, schools })
}
