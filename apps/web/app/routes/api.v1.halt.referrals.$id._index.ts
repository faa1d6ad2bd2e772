import { getHaltCase } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/halt/referrals/{id} — Halt's case: the shared facts and Halt's workspace (logged). */
export const loader = (args: LoaderFunctionArgs) => api(args, getHaltCase, { query: false, params: { id: args.params.id ?? '' } })
