import { linkPartner, listPartnerLinks } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/admin/partner-links — which partner organisations work with which schools of the stichting. */
export const loader = (args: LoaderFunctionArgs) => api(args, listPartnerLinks)

/** POST /api/v1/admin/partner-links — {partnerId, schoolId?}: link a partner to a school, or without schoolId to the whole stichting. */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST' ? api(args, linkPartner, { status: 201, respond: (v) => v.link }) : apiError(405, 'Alleen GET en POST.')
