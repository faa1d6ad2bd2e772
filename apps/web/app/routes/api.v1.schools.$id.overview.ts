import { getOverviewSchool, getRieAnalysis, getYearlyOverview, overviewCsv, overviewInput, overviewXlsx } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseQuery } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

const overviewQuery = overviewInput.extend({
  format: z.enum(['json', 'csv', 'xlsx'], { message: 'Kies json, csv of xlsx' }).optional().default('json'),
})

/**
 * GET /api/v1/schools/{id}/overview?schooljaar=2025-2026[&format=json|csv|xlsx] — the yearly overview
 * (the school safety protocol's Bijlage 2) and the RI&E counts of the caller's own school; directeur and IB only.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Overview')
  // Only the school the caller acts for; any other id looks like one that does not exist.
  const id = params.id ?? ''
  if (id !== ctx.membership.schoolId) throw apiError(404, 'School niet gevonden.', 'id')
  const { schooljaar, format } = parseQuery(request, overviewQuery)
  const result = await inTenant(ctx, async (tx) => {
    const school = await getOverviewSchool(tx, ctx.ability, id)
    if (!school) return null
    const rows = await getYearlyOverview(tx, ctx.ability, { schooljaar })
    const analysis = format === 'csv' ? undefined : await getRieAnalysis(tx, ctx.ability, { schooljaar })
    return { school, schooljaar, rows, analysis }
  })
  if (!result) throw apiError(404, 'School niet gevonden.', 'id')
  const filename = `incidenten-${result.school.brin}-${schooljaar}.${format}`
  const download = { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' }
  if (format === 'csv') {
    return new Response(overviewCsv(result), { headers: { 'Content-Type': 'text/csv; charset=utf-8', ...download } })
  }
  if (format === 'xlsx') {
    const body = await overviewXlsx(result)
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...download },
    })
  }
  return Response.json(result, { headers: { 'Cache-Control': 'private, no-store' } })
}
