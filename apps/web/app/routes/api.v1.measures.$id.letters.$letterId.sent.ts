import { recordLetterSent } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

export function loader() {
  return apiError(405, 'Alleen POST.')
}

/**
 * POST /api/v1/measures/{id}/letters/{letterId}/sent — {channel: 'email'|'post'|'uitgereikt', sentOn?}:
 * records that the letter was sent (e-mail: through the outbox, to the recipients the rule set names;
 * post/uitgereikt: on sentOn). A decided schorsing's decision letter moves it to "besluit verzonden".
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen POST.')
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Measure')
  const body = await parseJsonBody(request, z.unknown())
  const result = await inTenant(ctx, async (tx) => {
    const sent = await recordLetterSent(tx, ctx.ability, ctx.tenant, params.id ?? '', params.letterId ?? '', body)
    if (!sent.ok) throw Response.json({ errors: sent.errors }, { status: sent.status })
    return sent
  })
  return Response.json({ id: result.id, version: result.version, state: result.state, mails: result.mails }, { status: 201 })
}
