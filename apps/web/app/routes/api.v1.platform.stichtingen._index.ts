import { createStichting, listStichtingen } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/platform/stichtingen — every stichting with counts of use this schooljaar (no names); the platform_beheerder. */
export const loader = (args: LoaderFunctionArgs) => api(args, listStichtingen)

/** POST /api/v1/platform/stichtingen — {name, kvkNumber, bevoegdGezagNumber}: a new stichting. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, createStichting, { status: 201, respond: (v) => v.stichting }) : apiError(405, 'Alleen GET en POST.')
