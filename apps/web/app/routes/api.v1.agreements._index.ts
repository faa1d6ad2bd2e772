import { createAgreement, listAgreements } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/agreements — the sharing agreements the caller may read (a partner: the approved ones it is party to). */
export const loader = (args: LoaderFunctionArgs) => api(args, listAgreements, { input: () => ({}) })

/** POST /api/v1/agreements — draft an agreement (status concept) with the Wpg art. 20(2) fields. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, createAgreement, { status: 201, respond: (v) => ({ ok: true, ...v }), headers: (v) => ({ Location: `/api/v1/agreements/${v.id}` }) })
    : apiError(405, 'Alleen GET en POST.')
