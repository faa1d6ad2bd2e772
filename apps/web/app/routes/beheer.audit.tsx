import { listAdminAudit } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { formatDateTime } from '~/lib/format.ts'
import { pageValue, perform, requireUseCase } from '~/lib/use-case.server.ts'

/**
 * /beheer/audit — the admin audit trail: who changed which organisation, user, role, membership or
 * link, when, and the values before and after. The stichtingbeheerder and the privacyfunctionaris.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listAdminAudit)
  const page = new URL(request.url).searchParams.get('pagina') ?? '1'
  return pageValue(await perform(ctx, listAdminAudit, { page }))
}

const shown = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v))

function Values({ value }: { value: unknown }) {
  if (!value || typeof value !== 'object') return <>—</>
  return (
    <dl className="compact">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{shown(v)}</dd>
        </div>
      ))}
    </dl>
  )
}

export default function AdminAudit() {
  const { items, page, hasMore } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>Audittrail van het beheer</h1>
      {items.length ? (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">Wanneer</th>
              <th scope="col">Wie</th>
              <th scope="col">Wat</th>
              <th scope="col">Voor</th>
              <th scope="col">Na</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td data-label="Wanneer">{formatDateTime(a.at)}</td>
                <td data-label="Wie">
                  {a.actorName} ({a.actorRole})
                </td>
                <td data-label="Wat">{a.action}</td>
                <td data-label="Voor">
                  <Values value={a.before} />
                </td>
                <td data-label="Na">
                  <Values value={a.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nog geen wijzigingen.</p>
      )}
      <nav aria-label="Pagina's">
        {page > 1 ? <Link to={`?pagina=${page - 1}`}>Nieuwere</Link> : null} {hasMore ? <Link to={`?pagina=${page + 1}`}>Oudere</Link> : null}
      </nav>
    </section>
  )
}
