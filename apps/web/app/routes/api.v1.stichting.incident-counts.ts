import { listBoardCounts } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/stichting/incident-counts?schooljaar= — the board's counts per school (no content). */
export const loader = (args: LoaderFunctionArgs) => api(args, listBoardCounts)
