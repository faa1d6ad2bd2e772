import { getRetention, setRetention } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/retention — the stichting's retention terms per category (defaults where none is set). */
export const loader = (args: LoaderFunctionArgs) => api(args, getRetention, { input: () => ({}) })

/** PUT /api/v1/retention — set one category's term: { category, months } (the privacyfunctionaris). */
export const action = (args: ActionFunctionArgs) => (args.request.method === 'PUT' ? api(args, setRetention) : apiError(405, 'Alleen GET en PUT.'))
