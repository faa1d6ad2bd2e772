import { saveComponents } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { haltWrite } from '~/lib/halt.server.ts'

export function loader() {
  return apiError(405, 'Gebruik PUT of POST.')
}

/** PUT/POST /api/v1/halt/referrals/{id}/components — {components: [{component, done, note?}]}. */
export function action({ request, context, params }: ActionFunctionArgs) {
  return haltWrite(request, context, ['PUT', 'POST'], (tx, ctx, body) => saveComponents(tx, ctx.ability, ctx.tenant, params.id ?? '', body))
}
