// One shared record as its recipient sees it: only the shared fields of the shared
// incidents, with purpose, agreement, school and expiry. Expired or revoked: 404. Logged.
import { getSharedRecord } from '@baken/domain'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { SharedPayload } from '~/components/sharing.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'

export const meta: MetaFunction = () => [{ title: 'Gedeeld dossier — Baken' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getSharedRecord)
  const outcome = await perform(ctx, getSharedRecord, { id: params.id ?? '' })
  if (!outcome.ok) throw data('Niet gevonden', { status: 404 })
  const { ok: _ok, ...record } = outcome
  return { record }
}

export default function SharedRecordPage() {
  const { record: r } = useLoaderData<typeof loader>()
  return (
    <section className="card">
      <p>
        <Link to="/gedeeld">← Gedeelde gegevens</Link>
      </p>
      <h1>Gedeeld door {r.schoolName}</h1>
      <dl className="facts">
        <dt>Doel</dt>
        <dd>{r.purposeLabel}</dd>
        <dt>Convenant</dt>
        <dd>{r.agreementTitle}</dd>
        <dt>Wettelijke grondslag</dt>
        <dd>{r.legalBasis}</dd>
        <dt>Gedeeld op</dt>
        <dd>{formatDateTime(r.sharedAt)}</dd>
        <dt>Vervalt</dt>
        <dd>{formatDate(r.expiresAt)}</dd>
      </dl>
      {r.items.map((item, i) => (
        <article key={i} className="checklist" aria-label={`Incident ${i + 1}`}>
          <h2>Incident {i + 1}</h2>
          <SharedPayload payload={item.payload} fields={r.fields} />
        </article>
      ))}
    </section>
  )
}
