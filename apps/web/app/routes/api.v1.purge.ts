import { dryRunPurge, runPurge } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseQuery } from '~/lib/api.server.ts'
import { requireContext } from '~/lib/context.server.ts'
import { api, requireUseCase } from '~/lib/use-case.server.ts'

const query = z.object({ dryRun: z.enum(['true', 'false'], 'dryRun: true (proefrun) of false (opschonen)').optional().default('true') })

/**
 * POST /api/v1/purge?dryRun=true — the dry run: what is due (body optional: { asOf }).
 * POST /api/v1/purge?dryRun=false — the purge, confirming a dry run: { dryRunId }; 409 when anything
 * changed since that dry run. Both are stored in purge_runs. The privacyfunctionaris only.
 */
export async function action(args: ActionFunctionArgs) {
  const { request } = args
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  requireUseCase(requireContext(request, args.context), dryRunPurge)
  const dryRun = parseQuery(request, query).dryRun === 'true'
  // The dry run's body is optional: none at all is {}.
  const body = (request.headers.get('content-length') ?? '0') !== '0' || Boolean(request.headers.get('content-type')?.includes('json'))
  const options = { body, input: (read: { body: unknown }) => read.body ?? {}, respond: <T extends object>(v: T) => ({ ok: true, ...v }) }
  return dryRun ? api(args, dryRunPurge, options) : api(args, runPurge, { ...options, status: 201 })
}

export function loader() {
  return apiError(405, 'Alleen POST.')
}
