import { getBoardOversight } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/stichtingen/{id}/oversight?schooljaar= — the board's oversight (the data of /bestuur):
 * open and recent schorsingen and verwijderingen, the approvals queue, deadlines at risk, counts per
 * school. Only the bestuurder, only for their own stichting; any other id answers 404.
 */
export const loader = (args: LoaderFunctionArgs) => api(args, getBoardOversight, { params: { id: args.params.id ?? '' } })
