import { getSharedRecord } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/shared/{id} — one shared record; 404 when expired, revoked or not addressed to the caller. Logged. */
export const loader = (args: LoaderFunctionArgs) => api(args, getSharedRecord, { input: ({ params }) => params, params: { id: args.params.id ?? '' } })
