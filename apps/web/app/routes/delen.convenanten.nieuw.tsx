// Drafting a sharing agreement with the fields Wpg art. 20 lid 2 requires. It is saved as a
// concept; the bestuurder approves it at /delen.
import { createAgreement, getAgreementForm, localDate } from '@baken/domain'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { CheckboxGroup, ErrorSummary, fieldError } from '~/components/sharing.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { NamedOptions } from '~/components/form-parts.tsx'

export const meta: MetaFunction = () => [{ title: 'Nieuw convenant — Baken' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getAgreementForm)
  const form = await perform(ctx, getAgreementForm, {})
  if (!form.ok) throw new Response('Geen toegang', { status: 403 })
  const { ok: _ok, ...options } = form
  const today = localDate(new Date())
  return { ...options, today, ownSchool: ctx.tenant.schoolId }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const saved = await submitForm(ctx, createAgreement, await request.formData())
  if (!saved.ok) return refusalData(saved)
  return redirect('/delen')
}

function TextField({ id, label, hint, error, long, defaultValue, type = 'text' }: { id: string; label: string; hint?: string; error?: string; long?: boolean; defaultValue?: string; type?: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {long ? (
        <textarea id={id} name={id} rows={3} aria-describedby={describedBy} aria-invalid={error ? true : undefined} defaultValue={defaultValue} />
      ) : (
        <input id={id} name={id} type={type} aria-describedby={describedBy} aria-invalid={error ? true : undefined} defaultValue={defaultValue} />
      )}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  )
}

export default function NewAgreement() {
  const { partners, schools, purposes, fields, today, ownSchool } = useLoaderData<typeof loader>()
  const errors = useActionData<typeof action>()?.errors ?? []
  const err = (p: string) => fieldError(errors, p)
  return (
    <section className="card">
      <p>
        <Link to="/delen">← Delen met partners</Link>
      </p>
      <h1>Nieuw convenant</h1>
      <p className="muted">Het convenant wordt als concept opgeslagen en geldt pas na goedkeuring door het bevoegd gezag (de bestuurder).</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <div className="two-col">
          <div className="field">
            <label htmlFor="partnerId">Partnerorganisatie</label>
            <select id="partnerId" name="partnerId" aria-invalid={err('partnerId') ? true : undefined} aria-describedby={err('partnerId') ? 'partnerId-error' : undefined}>
              <option value="">— kies —</option>
              <NamedOptions items={partners} />
            </select>
            {err('partnerId') ? (
              <p className="field-error" id="partnerId-error">
                {err('partnerId')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="schoolId">Geldt voor</label>
            <select id="schoolId" name="schoolId" defaultValue={ownSchool ?? ''}>
              {ownSchool ? null : <option value="">De hele stichting</option>}
              <NamedOptions items={schools} />
            </select>
          </div>
        </div>
        <TextField id="title" label="Titel" error={err('title')} />
        <TextField id="publicInterest" label="Zwaarwegend algemeen belang" hint="Welk zwaarwegend algemeen belang het delen dient (Wpg art. 20 lid 2)." error={err('publicInterest')} long />
        <TextField id="partnership" label="Samenwerkingsverband en doel" hint="Wie werken samen en met welk doel." error={err('partnership')} long />
        <CheckboxGroup id="purposes" name="purposes" legend="Doelen" hint="Voor welke doelen mag onder dit convenant gedeeld worden?" options={purposes} checked={[]} error={err('purposes')} />
        <CheckboxGroup
          id="dataCategories"
          name="dataCategories"
          legend="Categorieën gegevens"
          hint="Welke gegevens mogen onder dit convenant gedeeld worden? Kies niet meer dan nodig."
          options={fields}
          checked={['datum', 'type']}
          error={err('dataCategories')}
        />
        <TextField id="conditions" label="Voorwaarden" hint="Onder welke voorwaarden mag gedeeld worden." error={err('conditions')} long />
        <TextField id="recipients" label="Ontvangers bij de partner" hint="Functies of namen." error={err('recipients')} />
        <TextField id="legalBasis" label="Wettelijke grondslag" error={err('legalBasis')} />
        <div className="two-col">
          <TextField id="validFrom" label="Geldig vanaf" type="date" defaultValue={today} error={err('validFrom')} />
          <TextField id="validUntil" label="Geldig tot en met" type="date" error={err('validUntil')} />
        </div>
        <TextField id="retentionDays" label="Bewaartermijn bij de partner (dagen)" type="number" defaultValue="180" error={err('retentionDays')} />
        <button type="submit">Convenant opslaan als concept</button>
      </Form>
    </section>
  )
}
