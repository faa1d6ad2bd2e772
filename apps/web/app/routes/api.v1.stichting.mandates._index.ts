import { getMandates, grantMandate } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/stichting/mandates — per school of the stichting the directeur's mandate for schorsingen
 * (Awb art. 10:1–10:3) and its versions: {rule, mayManage, items: [{schoolId, schoolName, sector,
 * sectorMax, current, history}]}. The bestuurder and the stichtingbeheerder.
 */
export const loader = (args: LoaderFunctionArgs) => api(args, getMandates)

/** POST /api/v1/stichting/mandates — {schoolId, maxSchoolDays, startsOn, besluitOn}: grant or change (a new version); the bestuurder only. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, grantMandate, { status: 201, respond: (v) => v.mandate }) : apiError(405, 'Alleen GET en POST.')
