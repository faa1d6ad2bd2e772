import { getMeasure } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures/{id} — the measure, its history, tasks, the steps open to the caller and pendingRemoval / schorsingenPending. */
export const loader = (args: LoaderFunctionArgs) => api(args, getMeasure, { query: false, params: { id: args.params.id ?? '' } })
