import { getLetterPdf } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'

/** GET /api/v1/measures/{id}/letters/{letterId}.pdf — one stored decision letter, as sent. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Measure')
  const letter = await inTenant(ctx, (tx) => getLetterPdf(tx, ctx.ability, ctx.tenant, params.id ?? '', params.letterId ?? ''))
  if (!letter) throw apiError(404, 'Brief niet gevonden.', 'letterId')
  return new Response(letter.pdf, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${letter.filename}"`,
      // Personal data: never kept by a browser or proxy cache.
      'Cache-Control': 'no-store',
    },
  })
}
