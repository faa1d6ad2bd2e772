import { getLetterPdf } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { api } from '~/lib/use-case.server.ts'

/** GET /api/v1/measures/{id}/letters/{letterId}.pdf — one stored decision letter, as sent. */
export const loader = (args: LoaderFunctionArgs) =>
  api(args, getLetterPdf, {
    query: false,
    params: { id: args.params.id ?? '', letterId: args.params.letterId ?? '' },
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
