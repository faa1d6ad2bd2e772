import { getSsoProvider, saveSsoProvider } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/**
 * GET /api/v1/admin/sso — the stichting's single sign-on provider (the stichtingbeheerder): display
 * name, issuer, client id, whether a secret is set (never the secret), acr values counting as MFA,
 * enabled, SSO only. 404 while none is set.
 */
export const loader = (args: LoaderFunctionArgs) => api(args, getSsoProvider, { respond: (v) => v.provider })

/** PUT /api/v1/admin/sso — sets it, after reading the issuer's discovery document. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'PUT' ? api(args, saveSsoProvider, { respond: (v) => v.provider }) : apiError(405, 'Alleen GET en PUT.')
