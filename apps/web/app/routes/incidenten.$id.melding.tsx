// Melding or aangifte at the police about an incident: the school records it (the school
// may file on the victim's behalf) and shares the incident with the police unit under the active
// agreement (origin melding/aangifte, purpose strafbare feiten), with the fields chosen (default the
// least). Both in one transaction; outside an agreement nothing is recorded.
import { localDate, plusDays, readIncident, recordPoliceReport, runUseCase, usableAgreements } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AgreementOptions, CheckboxGroup, ErrorSummary, fieldError } from '~/components/form-parts.tsx'
import { SHARE_FIELD_TEXT, ShareExpiryAndNote } from '~/components/sharing.tsx'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'
import { caseContextOf, perform, refusalData } from '~/lib/use-case.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'

export const meta: MetaFunction = () => [{ title: 'Melding of aangifte bij de politie — Baken' }]

const ROLE_TEXT: Record<string, string> = { dader: 'dader', slachtoffer: 'slachtoffer', getuige: 'getuige', melder: 'melder', betrokkene: 'betrokkene' }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Incident')
  requirePermission(request, ctx, 'create', 'Share')
  const found = await inTenant(ctx, async (tx) => {
    // The form shows the note's facts: a logged read, break-glass as on the incident page.
    const read = await runUseCase(readIncident, tx, caseContextOf(ctx), { id: params.id ?? '', submittedOnly: true })
    if (!read.ok) return read.reason === 'forbidden' ? { needsReason: true as const } : null
    const { incident } = read
    const agreements = (await usableAgreements(tx, ctx.tenant, { partnerKind: 'police_unit' })).filter((a) => a.purposes.some((p) => p.key === 'strafbare_feiten'))
    return {
      incident: {
        id: incident.id,
        occurredAt: incident.occurredAt,
        types: incident.voorval.map((c) => c.label),
        policeReportKind: incident.policeReportKind,
        policeReportedOn: incident.policeReportedOn,
        policeReportedBy: incident.policeReportedBy,
        policeOnBehalfOfVictim: incident.policeOnBehalfOfVictim,
        pupils: incident.persons.filter((p) => p.kind === 'leerling' && p.studentId).map((p) => ({ id: p.studentId!, name: p.studentName ?? 'leerling', role: p.role })),
      },
      agreements,
    }
  })
  if (!found) throw data('Niet gevonden', { status: 404 })
  // A confidential incident opens only after a reason, given on the incident's own page.
  if ('needsReason' in found) throw redirect(`/incidenten/${params.id}`)
  const today = localDate(new Date())
  return { ...found, me: ctx.user.name, today, defaultExpiry: plusDays(today, 90) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'update', 'Incident')
  requirePermission(request, ctx, 'create', 'Share')
  const form = await request.formData()
  const input = {
    id: params.id ?? '',
    kind: String(form.get('kind') ?? ''),
    reportedOn: String(form.get('reportedOn') ?? ''),
    reportedBy: String(form.get('reportedBy') ?? ''),
    onBehalfOfVictim: form.get('onBehalfOfVictim') === 'on',
    agreementId: String(form.get('agreementId') ?? '') || null,
    fields: form.getAll('fields').map(String),
    studentIds: form.getAll('studentIds').map(String),
    expiresOn: String(form.get('expiresOn') ?? ''),
    note: String(form.get('note') ?? '') || null,
  }
  const saved = await perform(ctx, recordPoliceReport, input)
  if (!saved.ok) return refusalData(saved)
  return redirect(`/delen/${saved.shareId}`)
}

export default function PoliceReport() {
  const { incident, agreements, me, today, defaultExpiry } = useLoaderData<typeof loader>()
  const errors = useActionData<typeof action>()?.errors ?? []
  const err = (p: string) => fieldError(errors, p)
  const police = agreements[0]
  return (
    <section className="card">
      <p>
        <Link to={`/incidenten/${incident.id}`}>← Terug naar het incident</Link>
      </p>
      <h1>Melding of aangifte bij de politie</h1>
      <p>
        Incident van {formatDateTime(incident.occurredAt)}
        {incident.types.length ? ` — ${incident.types.join(', ')}` : ''}.
      </p>
      {incident.policeReportKind ? (
        <p className="notice">
          Eerder vastgelegd: {incident.policeReportKind} op {incident.policeReportedOn ? formatDate(incident.policeReportedOn) : 'onbekende datum'}
          {incident.policeReportedBy ? ` door ${incident.policeReportedBy}` : ''}
          {incident.policeOnBehalfOfVictim ? ', namens het slachtoffer' : ''}.
        </p>
      ) : null}
      {!police ? (
        <ErrorSummary
          title="Delen met de politie kan nu niet."
          errors={[
            {
              path: '',
              message:
                'Er is geen goedgekeurd, geldig convenant met de politie voor uw school. Delen buiten een geldend convenant is niet toegestaan; vraag de privacyfunctionaris of het bestuur om een convenant.',
            },
          ]}
        />
      ) : (
        <>
          <ErrorSummary errors={errors} title="Niet vastgelegd." />
          <Form method="post" noValidate>
            <fieldset className="section-fieldset" id="kind">
              <legend>Wat is er gedaan?</legend>
              <label className="check">
                <input type="radio" name="kind" value="melding" defaultChecked />
                <span>Melding bij de politie</span>
              </label>
              <label className="check">
                <input type="radio" name="kind" value="aangifte" />
                <span>Aangifte bij de politie</span>
              </label>
              {err('kind') ? <p className="field-error">{err('kind')}</p> : null}
            </fieldset>
            <div className="two-col">
              <div className="field">
                <label htmlFor="reportedOn">Datum</label>
                <input id="reportedOn" name="reportedOn" type="date" defaultValue={today} max={today} aria-invalid={err('reportedOn') ? true : undefined} aria-describedby={err('reportedOn') ? 'reportedOn-error' : undefined} />
                {err('reportedOn') ? (
                  <p className="field-error" id="reportedOn-error">
                    {err('reportedOn')}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label htmlFor="reportedBy">Gedaan door</label>
                <input id="reportedBy" name="reportedBy" defaultValue={me} aria-invalid={err('reportedBy') ? true : undefined} aria-describedby={err('reportedBy') ? 'reportedBy-error' : undefined} />
                {err('reportedBy') ? (
                  <p className="field-error" id="reportedBy-error">
                    {err('reportedBy')}
                  </p>
                ) : null}
              </div>
            </div>
            <label className="check">
              <input type="checkbox" name="onBehalfOfVictim" />
              <span>De school doet dit namens het slachtoffer</span>
            </label>
            <div className="field">
              <label htmlFor="agreementId">Convenant met de politie</label>
              <select id="agreementId" name="agreementId" defaultValue={police.id} aria-describedby="agreementId-hint">
                <AgreementOptions agreements={agreements} />
              </select>
              <p className="muted" id="agreementId-hint">
                Toegestane gegevens: {police.dataCategories.map((c) => c.label.toLowerCase()).join(', ')}. Bewaartermijn {police.retentionDays} dagen.
              </p>
            </div>
            <CheckboxGroup
              id="fields"
              name="fields"
              legend="Te delen gegevens"
              hint="Alleen de aangevinkte gegevens worden met de politie gedeeld. Namen van andere leerlingen worden nooit gedeeld."
              options={police.dataCategories.map((c) => ({ value: c.key, label: SHARE_FIELD_TEXT[c.key] ?? c.label }))}
              checked={['datum', 'type']}
              error={err('fields')}
            />
            {incident.pupils.length ? (
              <CheckboxGroup
                id="studentIds"
                name="studentIds"
                legend="Leerlingen om wie het gaat (optioneel)"
                hint="Van deze leerlingen worden geboortedatum, groep en letsel gedeeld als u die gegevens aanvinkt; hun naam alleen als u de naam van hun rol aanvinkt."
                options={incident.pupils.map((p) => ({ value: p.id, label: p.name, note: ROLE_TEXT[p.role] ?? p.role }))}
                checked={[]}
                error={err('studentIds')}
              />
            ) : null}
            <ShareExpiryAndNote today={today} defaultExpiry={defaultExpiry} error={err('expiresOn')} />
            <button type="submit">Vastleggen en delen met de politie</button>
          </Form>
        </>
      )}
    </section>
  )
}
