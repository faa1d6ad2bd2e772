// /gedeeld: the police portal (and Halt's): what schools shared with the caller's organisation, newest
// first, each with purpose, school and expiry. Only active shares (RLS); the details, with
// the shared fields, open at /gedeeld/{id} (and that look is logged).
import { listSharedRecords } from '@baken/domain'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'

export const meta: MetaFunction = () => [{ title: 'Gedeelde gegevens — Baken' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listSharedRecords)
  const outcome = await perform(ctx, listSharedRecords, { summaryOnly: true })
  return { records: outcome.ok ? outcome.items : [] }
}

export default function Gedeeld() {
  const { records } = useLoaderData<typeof loader>()
  return (
    <section className="card">
      <h1>Gedeelde gegevens</h1>
      <p className="muted">Wat scholen met uw organisatie hebben gedeeld, nieuwste eerst. Na de vervaldatum of intrekking is een deling niet meer zichtbaar. Elke inzage wordt vastgelegd.</p>
      {records.length === 0 ? (
        <p>Er zijn op dit moment geen gedeelde gegevens.</p>
      ) : (
        <ul className="tasks" aria-label="Gedeelde dossiers">
          {records.map((r) => (
            <li key={r.id} className="task">
              <h2>
                <Link to={`/gedeeld/${r.id}`}>
                  {r.schoolName} — {formatDateTime(r.sharedAt)}
                </Link>
              </h2>
              <dl className="facts">
                <dt>Doel</dt>
                <dd>{r.purposeLabel}</dd>
                <dt>Vervalt</dt>
                <dd>{formatDate(r.expiresAt)}</dd>
                <dt>Gedeelde gegevens</dt>
                <dd>{r.fields.map((f) => f.label).join(', ')}</dd>
                <dt>Aantal incidenten</dt>
                <dd>{r.itemCount}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
