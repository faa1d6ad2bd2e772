import { listPortal } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/portal — the family's children, the items released about them and its AVG requests (family memberships only). */
export const loader = (args: LoaderFunctionArgs) => api(args, listPortal, { audience: 'family', input: () => ({}) })
