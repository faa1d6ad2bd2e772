import { getReferral } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/referrals/{id} — status, intake date and, once closed, the closing report (logged). */
export const loader = (args: LoaderFunctionArgs) => api(args, getReferral, { query: false, params: { id: args.params.id ?? '' } })
