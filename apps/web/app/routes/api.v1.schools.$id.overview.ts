import { readOverview } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { overviewFileResponse } from '~/lib/overview-file.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/schools/{id}/overview?schooljaar=2025-2026[&format=json|csv|xlsx] — the yearly overview
 * (the school safety protocol's Bijlage 2) and the RI&E counts of the caller's own school; directeur and IB only.
 */
export const loader = (args: LoaderFunctionArgs) =>
  api(args, readOverview, {
    // A file (csv, xlsx) is an export and asks for a fresh second factor; reading the JSON does not.
    stepUp: (request) => ['csv', 'xlsx'].includes(new URL(request.url).searchParams.get('format') ?? ''),
    input: ({ query }) => ({ ...query, id: args.params.id }),
    respond: ({ file, ...overview }) => {
      if (!file) return Response.json(overview, { headers: { 'Cache-Control': 'private, no-store' } })
      return overviewFileResponse(file)
    },
  })
