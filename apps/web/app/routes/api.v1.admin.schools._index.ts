import { createSchool, listSchools } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/admin/schools — the stichting's schools with BRIN, sector, holiday region and address; the stichtingbeheerder. */
export const loader = (args: LoaderFunctionArgs) => api(args, listSchools)

/** POST /api/v1/admin/schools — {name, brin, sector, holidayRegion, street, postcode, place}: a new school. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, createSchool, { status: 201, respond: (v) => v.school }) : apiError(405, 'Alleen GET en POST.')
