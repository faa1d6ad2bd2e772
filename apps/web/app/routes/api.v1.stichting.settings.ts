import { getLawSettings, updateLawSettings } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/stichting/settings — the stichting's choices where the law leaves room, each with the
 * rule it sets, its default, source and status: {voDecisionAdultAge, voDecisionAdultAgeChosen,
 * voDecisionAdultAgeRule}.
 */
export const loader = (args: LoaderFunctionArgs) => api(args, getLawSettings)

/** PATCH /api/v1/stichting/settings — {voDecisionAdultAge: 18–21}; the bestuurder and the stichtingbeheerder. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'PATCH' ? api(args, updateLawSettings, { respond: (v) => v.settings }) : apiError(405, 'Alleen GET en PATCH.')
