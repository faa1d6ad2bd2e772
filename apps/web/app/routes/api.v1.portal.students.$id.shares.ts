import { listChildShares } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/portal/students/{id}/shares — who received the child's data, and which organisations looked at it. */
export const loader = (args: LoaderFunctionArgs) => api(args, listChildShares, { audience: 'family', input: () => ({ studentId: args.params.id }) })
