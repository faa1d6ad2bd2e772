// The list pages of pupils and incidents: filters from the query string, the list use case and the
// groups to filter by, in one tenant transaction.
import { listGroups, runUseCase, type GroupListItem, type UseCase } from '@baken/domain'
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { inTenant, type RequestContext } from './context.server.ts'
import { caseContextOf } from './use-case.server.ts'

/** The query string as filters: an empty select or search box means "no filter". */
export function filtersOf(request: Request): Record<string, string> {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  for (const k of Object.keys(params)) if (params[k] === '') delete params[k]
  return params
}

/** One page of the list, and the groups the caller may read; a malformed filter is a 400 page. */
export function listWithGroups<S extends z.ZodType, T extends object>(
  ctx: RequestContext,
  useCase: UseCase<S, T>,
  filters: Record<string, string>,
  now = new Date(),
): Promise<{ page: Omit<T, 'ok'>; groups: GroupListItem[] }> {
  return inTenant(ctx, async (tx) => {
    const uc = caseContextOf(ctx, now)
    const result = await runUseCase(useCase, tx, uc, filters)
    if (!result.ok) throw data('Ongeldige filter', { status: 400 })
    const groups = await runUseCase(listGroups, tx, uc, {})
    const { ok: _ok, ...page } = result
    return { page: page as Omit<T, 'ok'>, groups: groups.ok ? groups.items : [] }
  })
}
