import { createPartner, listPartners } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/platform/partners — the partner organisations (name, kind). */
export const loader = (args: LoaderFunctionArgs) => api(args, listPartners)

/** POST /api/v1/platform/partners — {name, kind}: a new partner organisation; the platform_beheerder. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, createPartner, { status: 201, respond: (v) => v.partner }) : apiError(405, 'Alleen GET en POST.')
