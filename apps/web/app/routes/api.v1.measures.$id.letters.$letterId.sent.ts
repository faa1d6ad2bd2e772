import { recordLetterSent } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Alleen POST.')
}

/**
 * POST /api/v1/measures/{id}/letters/{letterId}/sent — {channel: 'email'|'post'|'uitgereikt', sentOn?}:
 * records that the letter was sent (e-mail: through the outbox, to the recipients the rule set names;
 * post/uitgereikt: on sentOn). A decided schorsing's decision letter moves it to "besluit verzonden".
 */
export const action = (args: ActionFunctionArgs) =>
  args.request.method === 'POST'
    ? api(args, recordLetterSent, {
        params: { id: args.params.id ?? '', letterId: args.params.letterId ?? '' },
        status: 201,
        respond: (v) => ({ id: v.id, version: v.version, state: v.state, mails: v.mails }),
      })
    : apiError(405, 'Alleen POST.')
