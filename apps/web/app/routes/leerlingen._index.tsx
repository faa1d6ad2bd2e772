import { searchStudents } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate } from '~/lib/format.ts'
import { filtersOf, listWithGroups } from '~/lib/list-page.server.ts'
import { requireUseCase } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'
import { NamedOptions } from '~/components/form-parts.tsx'
import { Pager } from '~/components/pager.tsx'

/** Every text of this page is in the dictionaries: it is shown in English when chosen (ADR 035). */
export const handle = { english: true }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, searchStudents)
  const { page, groups } = await listWithGroups(ctx, searchStudents, filtersOf(request))
  return { result: page, groups, canImport: ctx.ability.can('create', 'Student') && ctx.ability.can('update', 'Student') }
}

export default function Students() {
  const t = useT()
  const { result, groups, canImport } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <section>
      <div className="title-row">
        <h1>{t('students.title')}</h1>
        {canImport ? (
          <Link to="/leerlingen/import" className="button secondary">
            {t('students.import')}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters card" role="search">
        <div>
          <label htmlFor="q">{t('students.search')}</label>
          <input id="q" name="q" type="search" defaultValue={params.get('q') ?? ''} />
        </div>
        <div>
          <label htmlFor="groupId">{t('students.group')}</label>
          <select id="groupId" name="groupId" defaultValue={params.get('groupId') ?? ''}>
            <option value="">{t('students.allGroups')}</option>
            <NamedOptions items={groups} />
          </select>
        </div>
        <button type="submit">{t('students.filter')}</button>
      </Form>
      <p aria-live="polite">{t('students.count', { total: result.total })}</p>
      {result.items.length === 0 ? (
        <p>{t('students.none')}</p>
      ) : (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">{t('students.name')}</th>
              <th scope="col">{t('students.group')}</th>
              <th scope="col">{t('students.number')}</th>
              <th scope="col">{t('students.dateOfBirth')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((s) => (
              <tr key={s.id}>
                <td data-label={t('students.name')}>
                  <Link to={`/leerlingen/${s.id}`}>{s.displayName}</Link>
                </td>
                <td data-label={t('students.group')}>{s.groupName ?? '—'}</td>
                <td data-label={t('students.number')}>{s.externalId ?? '—'}</td>
                <td data-label={t('students.dateOfBirth')}>{formatDate(s.dateOfBirth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        result={result}
        texts={(pages) => ({ label: t('students.page', { page: result.page, pages }), position: t('students.page', { page: result.page, pages }), previous: t('students.previous'), next: t('students.next') })}
      />
    </section>
  )
}
