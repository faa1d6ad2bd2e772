import { createReferral, DEFAULT_REPORT_FIELDS, DEFAULT_SHARE_FIELDS, getReferralFormOptions, HALT_LABELS, localDate, SHARE_FIELD_LABEL } from '@baken/domain'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Checkboxes, errorOf, HaltErrors } from '~/components/halt.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { formatDateTime } from '~/lib/format.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { NamedOptions } from '~/components/form-parts.tsx'

/** Refer a student to the Halt spreekuur; `?incident=` starts from an incident, `?student=` narrows the incidents. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getReferralFormOptions)
  const url = new URL(request.url)
  const incidentParam = url.searchParams.get('incident') ?? undefined
  const found = await perform(ctx, getReferralFormOptions, { incidentId: incidentParam })
  const options = found.ok ? found : { regions: [], students: [], incidents: [] }
  const fromIncident = incidentParam ? options.incidents.find((i) => i.id === incidentParam) : undefined
  const studentParam = url.searchParams.get('student') ?? fromIncident?.studentIds[0] ?? ''
  const withIncidents = new Set(options.incidents.flatMap((i) => i.studentIds))
  const students = [...options.students.filter((s) => withIncidents.has(s.id)), ...options.students.filter((s) => !withIncidents.has(s.id))]
  return {
    linked: options.regions.length > 0,
    regions: options.regions,
    students: students.map((s) => ({ ...s, hasIncidents: withIncidents.has(s.id) })),
    studentId: studentParam,
    incidents: studentParam ? options.incidents.filter((i) => i.studentIds.includes(studentParam)) : [],
    preselected: fromIncident ? [fromIncident.id] : [],
    incidentParam: incidentParam ?? '',
    today: localDate(new Date()),
    contact: { name: ctx.user.name, email: ctx.user.email },
    labels: { incidentTypes: HALT_LABELS.incidentTypes, reportFields: HALT_LABELS.reportFields, shareFields: SHARE_FIELD_LABEL },
    defaults: { shareFields: [...DEFAULT_SHARE_FIELDS], reportFields: [...DEFAULT_REPORT_FIELDS] },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const saved = await submitForm(ctx, createReferral, form)
  if (!saved.ok) {
    const one = (k: string) => {
      const v = form.get(k)
      return typeof v === 'string' ? v : undefined
    }
    const many = (k: string) => form.getAll(k).filter((v): v is string => typeof v === 'string')
    // What was entered, to fill the form again.
    const values = {
      studentId: one('studentId'),
      incidentIds: many('incidentIds'),
      partnerId: one('partnerId'),
      reason: one('reason'),
      incidentTypes: many('incidentTypes'),
      schoolActions: one('schoolActions'),
      contactName: one('contactName'),
      contactEmail: one('contactEmail'),
      contactPhone: one('contactPhone'),
      studentConsentOn: one('studentConsentOn'),
      parentConsentOn: one('parentConsentOn'),
      shareFields: many('shareFields'),
      reportFields: many('reportFields'),
    }
    return refusalData(saved, { values })
  }
  return redirect(`/verwijzingen/${saved.id}`)
}

export default function NewReferral() {
  const d = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? []
  const v = actionData?.values
  const err = (p: string) => errorOf(errors, p)
  const student = d.students.find((s) => s.id === (v?.studentId ?? d.studentId))
  const opts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }))
  /** Which of the share's or the report's fields: the default ticked until the form comes back. */
  const fieldChoice = (field: 'shareFields' | 'reportFields', legend: string, hint: string) => (
    <Checkboxes id={field} name={field} legend={legend} hint={hint} options={opts(d.labels[field])} checked={v?.[field] ?? d.defaults[field]} error={err(field)} />
  )
  const describe = (id: string, hint?: boolean) => [hint ? `${id}-hint` : null, err(id) ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const fieldErr = (id: string) =>
    err(id) ? (
      <p id={`${id}-error`} className="field-error">
        {err(id)}
      </p>
    ) : null

  if (!d.linked) {
    return (
      <section className="card">
        <p>
          <Link to="/verwijzingen">← Verwijzingen</Link>
        </p>
        <h1>Student verwijzen naar het Halt-spreekuur</h1>
        <p role="alert">Deze school is niet gekoppeld aan een Halt-regio; verwijzen naar het Halt-spreekuur kan daarom niet.</p>
      </section>
    )
  }
  return (
    <section className="card">
      <p>
        <Link to="/verwijzingen">← Verwijzingen</Link>
      </p>
      <h1>Student verwijzen naar het Halt-spreekuur</h1>
      <p className="muted">
        Het Halt-spreekuur is een pedagogisch alternatief voor uitsturen, schorsen of aangifte. Halt ontvangt alleen de gegevens die u hieronder
        aankruist; de sessienotities van Halt blijven bij Halt.
      </p>
      <HaltErrors errors={errors} />

      <Form method="get" className="filters" aria-label="Student kiezen">
        {d.incidentParam ? <input type="hidden" name="incident" value={d.incidentParam} /> : null}
        <div className="field">
          <label htmlFor="student">Student</label>
          <select id="student" name="student" defaultValue={d.studentId}>
            <option value="">— kies —</option>
            {d.students.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.age !== null ? ` (${s.age} jaar)` : ''}
                {s.hasIncidents ? '' : ' — geen incidenten'}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Incidenten tonen</button>
      </Form>

      {d.studentId ? (
        <Form method="post" noValidate>
          <input type="hidden" name="studentId" value={d.studentId} />
          {d.regions.length > 1 ? (
            <div className="field">
              <label htmlFor="partnerId">Halt-regio</label>
              <select id="partnerId" name="partnerId">
                <NamedOptions items={d.regions} />
              </select>
            </div>
          ) : (
            <p>
              Halt-regio: <strong>{d.regions[0]!.name}</strong>
            </p>
          )}
          <fieldset id="incidentIds" className="field" aria-describedby={describe('incidentIds')} aria-invalid={err('incidentIds') ? true : undefined}>
            <legend>Incidenten waarvoor u verwijst</legend>
            {fieldErr('incidentIds')}
            {d.incidents.length === 0 ? <p>Geen ingediende incidenten met deze student die u kunt inzien.</p> : null}
            {d.incidents.map((i) => (
              <label key={i.id} className="checkbox">
                <input type="checkbox" name="incidentIds" value={i.id} defaultChecked={(v?.incidentIds ?? d.preselected).includes(i.id) || d.incidents.length === 1} />{' '}
                {formatDateTime(i.occurredAt)} — {i.title || 'incident'}
              </label>
            ))}
          </fieldset>
          <Checkboxes
            id="incidentTypes"
            name="incidentTypes"
            legend="Soort incident (uit de Halt-folder)"
            options={opts(d.labels.incidentTypes)}
            checked={v?.incidentTypes ?? []}
            error={err('incidentTypes')}
          />
          <div className="field">
            <label htmlFor="reason">Reden van de verwijzing</label>
            {fieldErr('reason')}
            <textarea id="reason" name="reason" rows={3} defaultValue={v?.reason} aria-describedby={describe('reason')} aria-invalid={err('reason') ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor="schoolActions">Wat heeft de school al gedaan?</label>
            {fieldErr('schoolActions')}
            <textarea id="schoolActions" name="schoolActions" rows={3} defaultValue={v?.schoolActions} aria-describedby={describe('schoolActions')} aria-invalid={err('schoolActions') ? true : undefined} />
          </div>
          <fieldset className="field">
            <legend>Contactpersoon van de school</legend>
            <div className="two-col">
              <div className="field">
                <label htmlFor="contactName">Naam</label>
                {fieldErr('contactName')}
                <input id="contactName" name="contactName" defaultValue={v?.contactName ?? d.contact.name} aria-describedby={describe('contactName')} />
              </div>
              <div className="field">
                <label htmlFor="contactEmail">E-mail (hier komt het eindverslag)</label>
                {fieldErr('contactEmail')}
                <input id="contactEmail" name="contactEmail" type="email" defaultValue={v?.contactEmail ?? d.contact.email} aria-describedby={describe('contactEmail')} />
              </div>
              <div className="field">
                <label htmlFor="contactPhone">Telefoon (optioneel)</label>
                <input id="contactPhone" name="contactPhone" type="tel" defaultValue={v?.contactPhone} />
              </div>
            </div>
          </fieldset>
          <fieldset className="field">
            <legend>Toestemming</legend>
            <div className="two-col">
              <div className="field">
                <label htmlFor="studentConsentOn">Datum toestemming student</label>
                {fieldErr('studentConsentOn')}
                <input
                  id="studentConsentOn"
                  name="studentConsentOn"
                  type="date"
                  max={d.today}
                  defaultValue={v?.studentConsentOn}
                  aria-describedby={describe('studentConsentOn')}
                  aria-invalid={err('studentConsentOn') ? true : undefined}
                />
              </div>
              <div className="field">
                <label htmlFor="parentConsentOn">Datum toestemming ouders</label>
                <p id="parentConsentOn-hint" className="muted">
                  {student?.age !== null && student?.age !== undefined
                    ? student.age < 16
                      ? `Verplicht: de student is ${student.age} jaar (jonger dan 16).`
                      : `Niet verplicht: de student is ${student.age} jaar.`
                    : 'Verplicht als de student jonger is dan 16.'}
                </p>
                {fieldErr('parentConsentOn')}
                <input
                  id="parentConsentOn"
                  name="parentConsentOn"
                  type="date"
                  max={d.today}
                  defaultValue={v?.parentConsentOn}
                  aria-describedby={describe('parentConsentOn', true)}
                  aria-invalid={err('parentConsentOn') ? true : undefined}
                />
              </div>
            </div>
          </fieldset>
          {fieldChoice(
            'shareFields',
            'Gegevens die Halt ontvangt',
            'Kies alleen wat Halt nodig heeft. Standaard: datum en soort incident. Dit wordt vastgelegd als gegevensdeling met doel Halt-spreekuur. Halt krijgt alleen de naam van deze student; andere leerlingen heten ‘leerling A’, ‘leerling B’, …, ook in de reden en in wat de school al deed.',
          )}
          {fieldChoice('reportFields', 'Afgesproken velden van het eindverslag', 'Halt stuurt bij het afsluiten alleen deze velden terug.')}
          <button type="submit">Verwijzen</button>
        </Form>
      ) : (
        <p>Kies eerst de student.</p>
      )}
    </section>
  )
}
