import { listGroups } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext, requirePermission } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

/** Every text of this page is in the dictionaries: it is shown in English when chosen (ADR 035). */
export const handle = { english: true }

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listGroups)
  requirePermission(request, ctx, 'read', 'Student')
  const groups = await perform(ctx, listGroups, {})
  if (!groups.ok) throw data('Niet gevonden', { status: 404 })
  return { groups: groups.items }
}

export default function Groups() {
  const t = useT()
  const { groups } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t('groups.title')}</h1>
      <table className="table-responsive">
        <thead>
          <tr>
            <th scope="col">{t('students.group')}</th>
            <th scope="col">{t('groups.schoolYear')}</th>
            <th scope="col">{t('groups.students')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <td data-label={t('students.group')}>
                <Link to={`/leerlingen?groupId=${g.id}`}>{g.name}</Link>
              </td>
              <td data-label={t('groups.schoolYear')}>{g.schoolYear}</td>
              <td data-label={t('groups.students')}>{g.studentCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
