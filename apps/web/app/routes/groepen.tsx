import { listGroups } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'
import { useT } from '~/root.tsx'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Group')
  requirePermission(request, ctx, 'read', 'Student')
  return { groups: await inTenant(ctx, (tx) => listGroups(tx, ctx.ability)) }
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
