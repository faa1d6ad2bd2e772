// One share as disclosed: to whom, why, on what basis, which fields, which students, the
// payload per incident, until when; revocation with a reason. The look is logged.
import { getShare, revokeShare } from '@baken/domain'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, fieldError, SharedPayload, ShareStatusBadge } from '~/components/sharing.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'

export const meta: MetaFunction = () => [{ title: 'Deling — Baken' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getShare)
  const outcome = await perform(ctx, getShare, { id: params.id ?? '' })
  if (!outcome.ok) throw data('Niet gevonden', { status: 404 })
  const { ok: _ok, ...share } = outcome
  return { share }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const result = await submitForm(ctx, revokeShare, form, { id: params.id ?? '' })
  if (!result.ok) return refusalData(result, { revoked: false })
  return { errors: [], revoked: true }
}

export default function ShareDetail() {
  const { share: s } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? []
  return (
    <section className="card">
      <p>
        <Link to="/delen">← Delen met partners</Link>
      </p>
      <h1>
        Gedeeld met {s.partnerName} <ShareStatusBadge status={s.status} />
      </h1>
      {actionData?.revoked ? (
        <p className="notice" role="status">
          De deling is ingetrokken. {s.partnerName} kan de gegevens niet meer inzien.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Doel</dt>
        <dd>{s.purposeLabel}</dd>
        <dt>Convenant</dt>
        <dd>{s.agreementTitle}</dd>
        <dt>Wettelijke grondslag</dt>
        <dd>{s.legalBasis}</dd>
        <dt>Aanleiding</dt>
        <dd>{s.originLabel}</dd>
        <dt>School</dt>
        <dd>{s.schoolName}</dd>
        <dt>Gedeeld</dt>
        <dd>
          {formatDateTime(s.approvedAt)}
          {s.approvedByName ? ` door ${s.approvedByName}` : ''}
        </dd>
        <dt>Vervalt</dt>
        <dd>{formatDate(s.expiresAt)}</dd>
        <dt>Ontvangers</dt>
        <dd>{s.recipients.length ? s.recipients.map((r) => r.name).join(', ') : `iedereen van ${s.partnerName}`}</dd>
        <dt>Gedeelde gegevens</dt>
        <dd>{s.fields.map((f) => f.label).join(', ')}</dd>
        <dt>Leerlingen om wie het gaat</dt>
        <dd>{s.contentHidden ? `${s.studentCount} leerling(en)` : s.students.length ? s.students.map((st) => st.name).join(', ') : 'geen'}</dd>
        {s.note ? (
          <>
            <dt>Toelichting</dt>
            <dd className="prewrap">{s.note}</dd>
          </>
        ) : null}
        {s.revokedAt ? (
          <>
            <dt>Ingetrokken</dt>
            <dd>
              {formatDateTime(s.revokedAt)}
              {s.revokedByName ? ` door ${s.revokedByName}` : ''}: {s.revokeReason}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>Wat de partner ziet</h2>
      {s.contentHidden ? <p className="muted">De inhoud (gegevens over leerlingen) ziet alleen de school. Hierboven staat welke gegevens gedeeld zijn.</p> : null}
      {s.items.map((item, i) => (
        <article key={item.incidentId} className="checklist" aria-label={`Incident ${i + 1}`}>
          <h3>
            Incident {i + 1} <Link to={`/incidenten/${item.incidentId}`}>(openen)</Link>
          </h3>
          <SharedPayload payload={item.payload} fields={s.fields} />
        </article>
      ))}
      {s.canRevoke && !actionData?.revoked ? (
        <Form method="post" noValidate>
          <h2>Deling intrekken</h2>
          <ErrorSummary errors={errors} title="Niet ingetrokken." />
          <div className="field">
            <label htmlFor="reason">Reden van intrekken</label>
            <textarea
              id="reason"
              name="reason"
              rows={2}
              aria-invalid={fieldError(errors, 'reason') ? true : undefined}
              aria-describedby={fieldError(errors, 'reason') ? 'reason-error' : undefined}
            />
            {fieldError(errors, 'reason') ? (
              <p className="field-error" id="reason-error">
                {fieldError(errors, 'reason')}
              </p>
            ) : null}
          </div>
          <button type="submit">Deling intrekken</button>
        </Form>
      ) : null}
    </section>
  )
}
