import { listLetters, renderLetter, templateRefusalDetails } from '@baken/domain'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { apiError, parseJsonBody } from '~/lib/api.server.ts'
import { requireContext } from '~/lib/context.server.ts'
import { api, perform, REFUSAL_STATUS, requireUseCase } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures/{id}/letters — the measure's decision letters, and the kinds the caller may make now. */
export const loader = (args: LoaderFunctionArgs) =>
  api(args, listLetters, {
    query: false,
    params: { id: args.params.id ?? '' },
    respond: (letters) => ({
      items: letters.items.map((l) => ({ ...l, href: `/api/v1/measures/${args.params.id}/letters/${l.id}.pdf` })),
      available: letters.available,
    }),
  })

/**
 * POST /api/v1/measures/{id}/letters — {kind}: a letter from the stichting's latest template, stored as the next version.
 * A refusal over the template also names its placeholders (missing, unknown), so this route answers
 * its refusals itself rather than through `api`.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'Alleen GET en POST.')
  const ctx = requireContext(request, context)
  requireUseCase(ctx, renderLetter)
  const body = await parseJsonBody(request, z.object({ kind: z.unknown() }))
  const made = await perform(ctx, renderLetter, { kind: body.kind, id: params.id ?? '' })
  if (!made.ok) return Response.json({ errors: made.errors, ...templateRefusalDetails(made) }, { status: REFUSAL_STATUS[made.reason] })
  const href = `/api/v1/measures/${params.id}/letters/${made.id}.pdf`
  return Response.json({ id: made.id, version: made.version, href }, { status: 201, headers: { Location: href } })
}
