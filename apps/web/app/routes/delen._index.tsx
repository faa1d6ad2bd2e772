// /delen: the school's (or stichting's) sharing agreements and shares. The bestuurder
// approves concept agreements here; agreements are drafted at /delen/convenanten/nieuw and shares
// made at /delen/nieuw. Partner users are sent to /gedeeld.
import { approveAgreement, createAgreement, endAgreement, listAgreements, listShares, mayRun, runUseCase, shareIncidents } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, ShareStatusBadge } from '~/components/sharing.tsx'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { refusalData, requireUseCase, submitForm, caseContextOf } from '~/lib/use-case.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'

export const meta: MetaFunction = () => [{ title: 'Delen met partners — Baken' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  if (ctx.tenant.partnerId) throw redirect('/gedeeld')
  requireUseCase(ctx, listAgreements)
  const uc = caseContextOf(ctx)
  return inTenant(ctx, async (tx) => {
    const agreements = await runUseCase(listAgreements, tx, uc, {})
    const shares = mayRun(listShares, ctx.ability) ? await runUseCase(listShares, tx, uc, {}) : null
    return {
      agreements: agreements.ok ? agreements.items : [],
      shares: shares?.ok ? shares.items : [],
      canCreateAgreement: mayRun(createAgreement, ctx.ability),
      canApprove: mayRun(approveAgreement, ctx.ability),
      canEnd: mayRun(endAgreement, ctx.ability),
      // Shares are made by a school: the stichting's roles oversee them.
      canShare: mayRun(shareIncidents, ctx.ability) && ctx.tenant.schoolId !== null,
    }
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listAgreements)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const useCase = intent === 'approve' ? approveAgreement : intent === 'end' ? endAgreement : null
  if (!useCase) return data({ errors: [{ path: '', message: 'Onbekende actie.' }], notice: null }, { status: 400 })
  const result = await submitForm(ctx, useCase, form)
  if (!result.ok) return refusalData(result, { notice: null })
  return { errors: [], notice: intent === 'approve' ? 'Het convenant is goedgekeurd.' : 'Het convenant is beëindigd.' }
}

export default function Delen() {
  const { agreements, shares, canCreateAgreement, canApprove, canEnd, canShare } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <section className="card">
        <div className="title-row">
          <h1>Delen met partners</h1>
          {canShare ? (
            <Link className="button" to="/delen/nieuw">
              Gegevens delen
            </Link>
          ) : null}
        </div>
        <p className="muted">
          Gegevens verlaten de school alleen onder een goedgekeurd convenant, voor een doel, met zo min mogelijk gegevens en met een vervaldatum (Wet
          politiegegevens art. 20, AVG).
        </p>
        <ErrorSummary errors={actionData?.errors ?? []} title="Niet gelukt." />
        {actionData?.notice ? (
          <p className="notice" role="status">
            {actionData.notice}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="convenanten">
        <div className="title-row">
          <h2 id="convenanten">Convenanten</h2>
          {canCreateAgreement ? (
            <Link className="button secondary" to="/delen/convenanten/nieuw">
              Nieuw convenant
            </Link>
          ) : null}
        </div>
        {agreements.length === 0 ? <p>Er zijn nog geen convenanten.</p> : null}
        <ul className="tasks">
          {agreements.map((a) => (
            <li key={a.id} className="task">
              <details>
                <summary>
                  <strong>{a.title}</strong> <span className="badge">{a.statusLabel}</span>
                  <br />
                  <span className="muted">
                    {a.partnerName} · {a.schoolName ?? 'hele stichting'} · {formatDate(a.validFrom)} t/m {formatDate(a.validUntil)}
                  </span>
                </summary>
                <dl className="facts">
                  <dt>Zwaarwegend algemeen belang</dt>
                  <dd className="prewrap">{a.publicInterest}</dd>
                  <dt>Samenwerkingsverband en doel</dt>
                  <dd className="prewrap">{a.partnership}</dd>
                  <dt>Doelen</dt>
                  <dd>{a.purposes.map((p) => p.label).join(', ')}</dd>
                  <dt>Categorieën gegevens</dt>
                  <dd>{a.dataCategories.map((c) => c.label).join(', ')}</dd>
                  <dt>Voorwaarden</dt>
                  <dd className="prewrap">{a.conditions}</dd>
                  <dt>Ontvangers</dt>
                  <dd>{a.recipients}</dd>
                  <dt>Wettelijke grondslag</dt>
                  <dd>{a.legalBasis}</dd>
                  <dt>Bewaartermijn bij de partner</dt>
                  <dd>{a.retentionDays} dagen</dd>
                  <dt>Goedgekeurd</dt>
                  <dd>{a.approvedAt ? `${formatDateTime(a.approvedAt)}${a.approvedByName ? ` door ${a.approvedByName}` : ''}` : 'nog niet'}</dd>
                  {a.endedAt ? (
                    <>
                      <dt>Beëindigd</dt>
                      <dd>{formatDateTime(a.endedAt)}</dd>
                    </>
                  ) : null}
                </dl>
                <div className="actions">
                  {canApprove && a.status === 'concept' ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={a.id} />
                      <button type="submit" name="intent" value="approve">
                        Convenant goedkeuren
                      </button>
                    </Form>
                  ) : null}
                  {canEnd && a.status !== 'beeindigd' ? (
                    <Form method="post">
                      <input type="hidden" name="id" value={a.id} />
                      <button type="submit" name="intent" value="end" className="button secondary">
                        Convenant beëindigen
                      </button>
                    </Form>
                  ) : null}
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="delingen">
        <h2 id="delingen">Gedeelde gegevens</h2>
        {shares.length === 0 ? (
          <p>Er is nog niets gedeeld.</p>
        ) : (
          <table className="table-responsive">
            <caption className="sr-only">Delingen, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Gedeeld op</th>
                <th scope="col">Met</th>
                <th scope="col">Doel</th>
                <th scope="col">Gegevens</th>
                <th scope="col">Vervalt</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {shares.map((s) => (
                <tr key={s.id}>
                  <td data-label="Gedeeld op">
                    <Link to={`/delen/${s.id}`}>{formatDateTime(s.approvedAt)}</Link>
                    <br />
                    <span className="muted">{s.originLabel}</span>
                  </td>
                  <td data-label="Met">
                    {s.partnerName}
                    <br />
                    <span className="muted">{s.schoolName}</span>
                  </td>
                  <td data-label="Doel">{s.purposeLabel}</td>
                  <td data-label="Gegevens">{s.fields.map((f) => f.label).join(', ')}</td>
                  <td data-label="Vervalt">{formatDate(s.expiresAt)}</td>
                  <td data-label="Status">
                    <ShareStatusBadge status={s.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
