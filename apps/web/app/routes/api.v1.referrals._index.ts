import { createReferral, listReferrals } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/referrals — the school's Halt referrals (status, intake date; no Halt workspace). */
export const loader = (args: LoaderFunctionArgs) => api(args, listReferrals)

/** POST /api/v1/referrals — refer a student to the Halt spreekuur (records the purpose-bound share). */
export function action(args: ActionFunctionArgs) {
  if (args.request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  return api(args, createReferral, { status: 201, respond: (v) => ({ ok: true, ...v }), headers: (v) => ({ Location: `/api/v1/referrals/${v.id}` }) })
}
