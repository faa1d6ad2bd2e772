// Sharing incidents with a partner: under an active agreement, for one of its purposes,
// with the fields chosen by checkbox (default the least: date and type), until an expiry date,
// optionally to named persons at the partner. The directeur shares (CASL `create Share`).
import { getShareForm, localDate, plusDays, shareIncidents } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CheckboxGroup, ErrorSummary, fieldError, ShareExpiryAndNote } from '~/components/sharing.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'
import { AgreementOptions, ChoiceOptions, PupilOptions } from '~/components/form-parts.tsx'

export const meta: MetaFunction = () => [{ title: 'Gegevens delen — Baken' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getShareForm)
  const now = new Date()
  const form = await perform(ctx, getShareForm, {}, now)
  if (!form.ok) throw new Response('Geen toegang', { status: 403 })
  const { ok: _ok, ...options } = form
  const today = localDate(now)
  // The form's default expiry: 30 days from today.
  return { ...options, defaultExpiry: plusDays(today, 30), today }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, shareIncidents)
  const form = await request.formData()
  const agreementId = String(form.get('agreementId') ?? '')
  // The partner is the agreement's: the form names only the agreement.
  const options = await perform(ctx, getShareForm, {})
  const agreement = options.ok ? options.agreements.find((a) => a.id === agreementId) : undefined
  if (!agreement) return data({ errors: [{ path: 'agreementId', message: 'Kies het convenant waaronder u deelt.' }] }, { status: 400 })
  const saved = await submitForm(ctx, shareIncidents, form, { partnerId: agreement.partnerId })
  if (!saved.ok) return refusalData(saved)
  return redirect(`/delen/${saved.id}`)
}

export default function NewShare() {
  const { agreements, recipients, incidents, pupils, purposes, fields, defaultExpiry, today } = useLoaderData<typeof loader>()
  const errors = useActionData<typeof action>()?.errors ?? []
  const [params] = useSearchParams()
  const err = (p: string) => fieldError(errors, p)
  const preselected = params.getAll('incidentId')
  if (agreements.length === 0) {
    return (
      <section className="card">
        <p>
          <Link to="/delen">← Delen met partners</Link>
        </p>
        <h1>Gegevens delen</h1>
        <p>Er is geen geldig, goedgekeurd convenant voor uw school. Delen buiten een geldend convenant is niet toegestaan.</p>
      </section>
    )
  }
  return (
    <section className="card">
      <p>
        <Link to="/delen">← Delen met partners</Link>
      </p>
      <h1>Gegevens delen</h1>
      <p className="muted">Deel niet meer dan nodig. Standaard worden alleen de datum en het soort incident gedeeld.</p>
      <ErrorSummary errors={errors} title="Niet gedeeld." />
      <Form method="post" noValidate>
        <div className="field">
          <label htmlFor="agreementId">Convenant (en partner)</label>
          <select id="agreementId" name="agreementId" aria-invalid={err('agreementId') ? true : undefined} aria-describedby="agreementId-hint">
            <AgreementOptions agreements={agreements} />
          </select>
          <p className="muted" id="agreementId-hint">
            {agreements.map((a) => `${a.title}: doelen ${a.purposes.map((p) => p.label.toLowerCase()).join(', ')}; gegevens ${a.dataCategories.map((c) => c.label.toLowerCase()).join(', ')}; geldig t/m ${formatDate(a.validUntil)}, bewaartermijn ${a.retentionDays} dagen.`).join(' ')}
          </p>
          {err('agreementId') ? <p className="field-error">{err('agreementId')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="purpose">Doel</label>
          <select id="purpose" name="purpose" defaultValue={agreements[0]?.purposes[0]?.key ?? ''} aria-invalid={err('purpose') ? true : undefined} aria-describedby={err('purpose') ? 'purpose-error' : undefined}>
            <ChoiceOptions choices={purposes} />
          </select>
          {err('purpose') ? (
            <p className="field-error" id="purpose-error">
              {err('purpose')}
            </p>
          ) : null}
        </div>
        <CheckboxGroup
          id="incidentIds"
          name="incidentIds"
          legend="Incidenten"
          hint="Welke incidenten deelt u?"
          options={incidents.map((i) => ({ value: i.id, label: `${formatDateTime(i.occurredAt)} — ${i.types.join(', ') || 'incident'}`, note: i.policeReportKind ? `al ${i.policeReportKind}` : undefined }))}
          checked={preselected}
          error={err('incidentIds')}
        />
        <CheckboxGroup
          id="fields"
          name="fields"
          legend="Te delen gegevens"
          hint="Alleen de aangevinkte gegevens worden gedeeld, en alleen over de leerlingen om wie het gaat (hieronder). Alle andere leerlingen heten ‘leerling A’, ‘leerling B’, …, ook in de omschrijving."
          options={fields}
          checked={['datum', 'type']}
          error={err('fields')}
        />
        <div className="field">
          <label htmlFor="studentIds">Leerlingen om wie het gaat (optioneel)</label>
          <p className="muted" id="studentIds-hint">
            Alleen deze leerlingen worden bij naam genoemd (als u de naam van hun rol aanvinkt), en alleen van hen gaan geboortedatum, groep en letsel mee. Houd Ctrl of Cmd ingedrukt om meer leerlingen te kiezen.
          </p>
          <select id="studentIds" name="studentIds" multiple size={6} aria-describedby="studentIds-hint">
            <PupilOptions pupils={pupils} />
          </select>
        </div>
        {recipients.some((r) => r.users.length) ? (
          <CheckboxGroup
            id="recipientUserIds"
            name="recipientUserIds"
            legend="Ontvangers (optioneel)"
            hint="Zonder keuze ziet iedereen van de partner met de juiste rol de gegevens. Kies alleen personen van de partner van het gekozen convenant."
            options={recipients.flatMap((r) => r.users.map((u) => ({ value: u.id, label: u.name, note: agreements.find((a) => a.partnerId === r.partnerId)?.partnerName })))}
            checked={[]}
            error={err('recipientUserIds')}
          />
        ) : null}
        <ShareExpiryAndNote today={today} defaultExpiry={defaultExpiry} error={err('expiresOn')} hint="Tot en met deze dag kan de partner de gegevens inzien. Niet later dan het convenant toestaat." />
        <button type="submit">Gegevens delen</button>
      </Form>
    </section>
  )
}
