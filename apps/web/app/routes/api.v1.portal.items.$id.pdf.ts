import { getPortalLetterPdf } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/portal/items/{id}/pdf — a released decision letter, as sent (family only). */
export const loader = (args: LoaderFunctionArgs) =>
  api(args, getPortalLetterPdf, {
    audience: 'family',
    query: false,
    params: { id: args.params.id ?? '' },
    respond: (letter) =>
      new Response(letter.pdf, {
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${letter.filename}"`,
          // Personal data: never kept by a browser or proxy cache.
          'Cache-Control': 'no-store',
        },
      }),
  })
