import { readOverview } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { requireContext } from '~/lib/context.server.ts'
import { overviewFileResponse } from '~/lib/overview-file.server.ts'
import { requireFreshSecondFactor } from '~/lib/step-up.server.ts'
import { pageValue, perform, requireUseCase } from '~/lib/use-case.server.ts'

/**
 * /overzicht/export?schooljaar=…&format=csv|xlsx — the overview page's download. An export asks for
 * a second factor of the last 5 minutes: a stale one sends the browser to the second step and back
 * here, instead of downloading an error as a file.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readOverview)
  const query = new URL(request.url).searchParams
  const format = query.get('format')
  if (format !== 'csv' && format !== 'xlsx') throw data('Kies het bestandsformaat: csv of xlsx.', { status: 400 })
  requireFreshSecondFactor(ctx, request, context)
  const overview = pageValue(await perform(ctx, readOverview, { id: ctx.tenant.schoolId ?? '', schooljaar: query.get('schooljaar') ?? '', format }))
  return overviewFileResponse(overview.file!)
}
