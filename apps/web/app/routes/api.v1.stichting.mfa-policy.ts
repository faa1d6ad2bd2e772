import { getMfaPolicy, updateMfaPolicy } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/stichting/mfa-policy — {requiredRoles, isDefault, updatedAt}: which roles must use a second factor. */
export const loader = (args: LoaderFunctionArgs) => api(args, getMfaPolicy, { respond: (v) => v.policy })

/** PUT /api/v1/stichting/mfa-policy — {requiredRoles: [role…]}; the stichtingbeheerder. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'PUT' ? api(args, updateMfaPolicy, { respond: (v) => v.policy }) : apiError(405, 'Alleen GET en PUT.')
