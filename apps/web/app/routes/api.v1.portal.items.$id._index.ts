import { readPortalItem } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/portal/items/{id} — one released report (redacted) and the caller's own "voor gezien". 404 for another child's. */
export const loader = (args: LoaderFunctionArgs) => api(args, readPortalItem, { audience: 'family', input: () => ({ id: args.params.id }) })
