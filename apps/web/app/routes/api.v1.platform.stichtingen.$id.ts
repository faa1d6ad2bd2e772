import { setStichtingSuspension, updateStichting } from '@baken/domain'
import type { ActionFunctionArgs } from '@remix-run/node'
import { apiError } from '~/lib/api.server.ts'
import { api } from '~/lib/use-case.server.ts'

export function loader() {
  return apiError(405, 'Gebruik PATCH; de lijst staat op GET /api/v1/platform/stichtingen.')
}

/**
 * PATCH /api/v1/platform/stichtingen/{id} — {suspended: true|false}: suspend the stichting or lift
 * it; or any of {name, kvkNumber, bevoegdGezagNumber}: correct its data. One or the other: each use
 * case's input refuses the other's fields (400).
 */
export async function action(args: ActionFunctionArgs) {
  if (args.request.method !== 'PATCH') return apiError(405, 'Alleen PATCH.')
  const peek: unknown = await args.request
    .clone()
    .json()
    .catch(() => null)
  const suspension = typeof peek === 'object' && peek !== null && 'suspended' in peek
  const params = { id: args.params.id ?? '' }
  return suspension
    ? api(args, setStichtingSuspension, { params, respond: (v) => v.stichting })
    : api(args, updateStichting, { params, respond: (v) => v.stichting })
}
