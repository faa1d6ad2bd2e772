import { getReferral, HALT_LABELS, SHARE_FIELD_LABEL } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ClosingReport } from '~/components/halt.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'

/** One referral as the school sees it: status, intake date and, once closed, the closing report. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getReferral)
  const referral = await perform(ctx, getReferral, { id: params.id ?? '' })
  if (!referral.ok) throw new Response('Verwijzing niet gevonden', { status: 404 })
  return { referral, labels: { ...HALT_LABELS, shareFields: SHARE_FIELD_LABEL } }
}

export default function Referral() {
  const { referral: r, labels } = useLoaderData<typeof loader>()
  const label = (map: Record<string, string>, k: string) => map[k] ?? k
  return (
    <section className="card">
      <p>
        <Link to="/verwijzingen">← Verwijzingen</Link>
      </p>
      <h1>Verwijzing Halt-spreekuur: {r.studentName}</h1>
      <dl>
        <dt>Status</dt>
        <dd data-testid="referral-status">
          {label(labels.statuses, r.status)}
          {r.outcome ? ` — ${label(labels.outcomes, r.outcome)}` : ''}
        </dd>
        <dt>Halt-regio</dt>
        <dd>{r.partnerName}</dd>
        <dt>Verwezen</dt>
        <dd>
          {formatDateTime(r.createdAt)} door {r.createdByName}
        </dd>
        <dt>Intake</dt>
        <dd>{r.intakeAt ? formatDateTime(r.intakeAt) : 'Nog niet gepland'}</dd>
        {r.declineReason ? (
          <>
            <dt>Reden van afwijzing</dt>
            <dd>{r.declineReason}</dd>
          </>
        ) : null}
        <dt>Soort incident</dt>
        <dd>{r.incidentTypes.map((t) => label(labels.incidentTypes, t)).join(', ')}</dd>
        <dt>Reden van verwijzing</dt>
        <dd>{r.reason}</dd>
        <dt>Wat de school al heeft gedaan</dt>
        <dd>{r.schoolActions}</dd>
        <dt>Contactpersoon</dt>
        <dd>
          {r.contactName}, {r.contactEmail}
          {r.contactPhone ? `, ${r.contactPhone}` : ''}
        </dd>
        <dt>Toestemming student</dt>
        <dd>{formatDate(r.studentConsentOn)}</dd>
        <dt>Toestemming ouders</dt>
        <dd>{r.parentConsentOn ? formatDate(r.parentConsentOn) : 'Niet nodig of niet vastgelegd'}</dd>
        <dt>Gegevens die Halt ontvangt</dt>
        <dd>{r.sharedFields.map((f) => label(labels.shareFields, f)).join(', ')}</dd>
        <dt>Afgesproken velden van het eindverslag</dt>
        <dd>{r.reportFields.map((f) => label(labels.reportFields, f)).join(', ')}</dd>
      </dl>
      <section aria-labelledby="report-h">
        <h2 id="report-h">Eindverslag</h2>
        {r.closingReport ? (
          <ClosingReport report={r.closingReport} labels={labels.reportFields} />
        ) : (
          <p className="muted">Halt stuurt het eindverslag wanneer het traject is afgesloten. De sessienotities van Halt blijven bij Halt.</p>
        )}
      </section>
    </section>
  )
}
