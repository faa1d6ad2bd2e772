import {
  addAppointment,
  addHaltNote,
  addJim,
  addRestorativeStep,
  closeReferral,
  decideReferral,
  getHaltCase,
  HALT_COMPONENT_KEYS,
  HALT_LABELS,
  localDate,
  saveComponents,
  setAttendance,
  SHARE_FIELD_LABEL,
  HALT_WEEKDAYS,
} from '@baken/domain'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ClosingReport, errorOf, HaltErrors, type HaltFieldError } from '~/components/halt.tsx'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
import { LabelOptions } from '~/components/form-parts.tsx'

/** Halt's case: the shared facts, the decision, appointments, components, JIM, restorative steps, notes, closing. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getHaltCase)
  const c = await perform(ctx, getHaltCase, { id: params.id ?? '' })
  if (!c.ok) throw new Response('Verwijzing niet gevonden', { status: 404 })
  return {
    c,
    components: [...HALT_COMPONENT_KEYS],
    labels: { ...HALT_LABELS, shareFields: SHARE_FIELD_LABEL },
    weekdays: [...HALT_WEEKDAYS],
    today: localDate(new Date()),
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const id = params.id ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const answer = async (outcome: Promise<{ ok: true } | Parameters<typeof refusalData>[0]>) => {
    const done = await outcome
    if (!done.ok) return refusalData(done, { intent, done: false })
    return { intent, errors: [] as HaltFieldError[], done: true }
  }
  switch (intent) {
    case 'decide':
      return answer(submitForm(ctx, decideReferral, form, { id }))
    case 'appointment':
      return answer(submitForm(ctx, addAppointment, form, { id }))
    case 'attendance':
      return answer(submitForm(ctx, setAttendance, form, { id }))
    case 'jim':
      return answer(submitForm(ctx, addJim, form, { id }))
    case 'restorative':
      return answer(submitForm(ctx, addRestorativeStep, form, { id }))
    case 'note':
      return answer(submitForm(ctx, addHaltNote, form, { id }))
    case 'close':
      // The mail links back to this app, at the address the request came in on.
      return answer(submitForm(ctx, closeReferral, form, { id, appUrl: new URL(request.url).origin }))
  }
  if (intent === 'components') {
    // One row per component of the checklist: its checkbox and its note.
    requireUseCase(ctx, saveComponents)
    const field = (k: string) => {
      const v = form.get(k)
      return typeof v === 'string' ? v : undefined
    }
    const components = HALT_COMPONENT_KEYS.map((c) => ({ component: c, done: field(`done_${c}`) === 'on', note: field(`note_${c}`) ?? '' }))
    return answer(perform(ctx, saveComponents, { id, components }))
  }
  return data({ intent, errors: [{ path: '', message: 'Onbekende actie.' }] as HaltFieldError[], done: false }, { status: 400 })
}

function Facts({ facts, labels }: { facts: unknown[]; labels: Record<string, string> }) {
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '—'
    if (typeof v === 'string') return /^\d{4}-\d\d-\d\dT/.test(v) ? formatDateTime(v) : v
    if (Array.isArray(v)) return v.map(show).join('; ') || '—'
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>
      if ('rol' in o) return [o.rol, o.naam, o.value].filter(Boolean).map(String).join(': ')
      return JSON.stringify(o)
    }
    return String(v)
  }
  if (!facts.length) return <p className="muted">Geen gedeelde gegevens (meer) beschikbaar: de deling is verlopen of ingetrokken.</p>
  return (
    <>
      {facts.map((p, i) => (
        <dl key={i} className="card">
          {Object.entries(p as Record<string, unknown>).map(([k, v]) => (
            <div key={k}>
              <dt>{labels[k] ?? k}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      ))}
    </>
  )
}

export default function HaltCasePage() {
  const { c, components, labels, weekdays, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errorsFor = (intent: string) => (result && result.intent === intent ? result.errors : [])
  const open = ['geaccepteerd', 'intake_gepland', 'lopend'].includes(c.status)
  const L = (m: Record<string, string>, k: string) => m[k] ?? k
  const comp = new Map(c.components.map((x) => [x.component, x]))
  return (
    <section>
      <p>
        <Link to="/halt">← Verwijzingen</Link>
      </p>
      <h1>
        Verwijzing van {c.schoolName} ({formatDate(c.createdAt)})
      </h1>
      <p>
        Student (zoals gedeeld): <strong data-testid="case-student">{c.studentLabel ?? <span className="muted">naam niet gedeeld</span>}</strong>
      </p>
      <p>
        Status: <strong data-testid="case-status">{L(labels.statuses, c.status)}</strong>
        {c.outcome ? ` — ${L(labels.outcomes, c.outcome)}` : ''}
        {c.intakeAt ? ` · intake ${formatDateTime(c.intakeAt)}` : ''}
      </p>

      <section className="card" aria-labelledby="school-h">
        <h2 id="school-h">Van de school</h2>
        <dl>
          <dt>Soort incident</dt>
          <dd>{c.incidentTypes.map((t) => L(labels.incidentTypes, t)).join(', ')}</dd>
          <dt>Reden</dt>
          <dd>{c.reason}</dd>
          <dt>Wat de school al deed</dt>
          <dd>{c.schoolActions}</dd>
          <dt>Contactpersoon</dt>
          <dd>
            {c.contactName}, {c.contactEmail}
            {c.contactPhone ? `, ${c.contactPhone}` : ''}
          </dd>
          <dt>Toestemming</dt>
          <dd>
            student {formatDate(c.studentConsentOn)}
            {c.parentConsentOn ? `; ouders ${formatDate(c.parentConsentOn)}` : ''}
          </dd>
          <dt>Afgesproken velden eindverslag</dt>
          <dd>{c.reportFields.map((f) => L(labels.reportFields, f)).join(', ')}</dd>
        </dl>
        <h3>Gedeelde gegevens ({c.sharedFields.map((f) => L(labels.shareFields, f)).join(', ')})</h3>
        <Facts facts={c.facts} labels={labels.shareFields} />
      </section>

      {c.status === 'aangemeld' ? (
        <section className="card" aria-labelledby="decide-h">
          <h2 id="decide-h">Accepteren of afwijzen</h2>
          <StepForm intent="decide" errors={errorsFor('decide')}>
            <div className="field">
              <label htmlFor="reason">Reden (verplicht bij afwijzen; de school ziet die)</label>
              <textarea id="reason" name="reason" rows={2} aria-invalid={errorOf(errorsFor('decide'), 'reason') ? true : undefined} />
            </div>
            <button type="submit" name="decision" value="accept">
              Accepteren
            </button>{' '}
            <button type="submit" name="decision" value="decline" className="secondary">
              Afwijzen
            </button>
          </StepForm>
        </section>
      ) : null}
      {c.declineReason ? <p>Afgewezen: {c.declineReason}</p> : null}

      <section className="card" aria-labelledby="appt-h">
        <h2 id="appt-h">Afspraken en aanwezigheid</h2>
        {c.appointments.length === 0 ? <p>Nog geen afspraken.</p> : null}
        <ul>
          {c.appointments.map((a) => (
            <li key={a.id}>
              {L(labels.appointments, a.kind)} · {formatDateTime(a.startsAt)} · <strong>{L(labels.attendance, a.attendance)}</strong>
              {open ? (
                <Form method="post" className="inline-form" aria-label={`Aanwezigheid ${L(labels.appointments, a.kind)} ${formatDateTime(a.startsAt)}`}>
                  <input type="hidden" name="intent" value="attendance" />
                  <input type="hidden" name="appointmentId" value={a.id} />
                  <label htmlFor={`att-${a.id}`}>Aanwezigheid</label>{' '}
                  <select id={`att-${a.id}`} name="attendance" defaultValue={a.attendance}>
                    <LabelOptions labels={labels.attendance} />
                  </select>{' '}
                  <button type="submit">Vastleggen</button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {open ? (
          <>
            <h3>Afspraak plannen</h3>
            <StepForm intent="appointment" errors={errorsFor('appointment')}>
              <div className="two-col">
                <div className="field">
                  <label htmlFor="appt-kind">Soort</label>
                  <select id="appt-kind" name="kind" defaultValue={c.intakeAt ? 'spreekuur' : 'intake'}>
                    <LabelOptions labels={labels.appointments} />
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="appt-start">Datum en tijd</label>
                  <input id="appt-start" name="startsAt" type="datetime-local" aria-invalid={errorOf(errorsFor('appointment'), 'startsAt') ? true : undefined} />
                </div>
                {c.slots.length ? (
                  <div className="field">
                    <label htmlFor="appt-slot">Spreekuur (optioneel)</label>
                    <select id="appt-slot" name="slotId" defaultValue="">
                      <option value="">—</option>
                      {c.slots.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.location}, elke {weekdays[s.weekday]} {s.startsAt}–{s.endsAt}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
              </div>
              <button type="submit">Plannen</button>
            </StepForm>
          </>
        ) : null}
      </section>

      {c.status !== 'aangemeld' && c.status !== 'afgewezen' ? (
        <>
          <section className="card" aria-labelledby="comp-h">
            <h2 id="comp-h">Onderdelen van het traject</h2>
            <HaltErrors errors={errorsFor('components')} />
            {result?.intent === 'components' && result.done ? <p role="status">Onderdelen opgeslagen.</p> : null}
            <Form method="post">
              <input type="hidden" name="intent" value="components" />
              {components.map((k) => (
                <fieldset key={k} className="field">
                  <legend>{L(labels.components, k)}</legend>
                  <label className="checkbox">
                    <input type="checkbox" name={`done_${k}`} defaultChecked={comp.get(k)?.done ?? false} disabled={!open} /> Uitgevoerd
                  </label>
                  <label htmlFor={`note_${k}`}>Notitie bij dit onderdeel (alleen Halt)</label>
                  <textarea id={`note_${k}`} name={`note_${k}`} rows={2} defaultValue={comp.get(k)?.note ?? ''} disabled={!open} />
                </fieldset>
              ))}
              {open ? <button type="submit">Onderdelen opslaan</button> : null}
            </Form>
          </section>

          <section className="card" aria-labelledby="jim-h">
            <h2 id="jim-h">JIM (Jouw Ingebrachte Mentor)</h2>
            {c.jims.length === 0 ? <p>Nog geen JIM.</p> : null}
            <ul>
              {c.jims.map((j) => (
                <li key={j.id}>
                  <strong>{j.name}</strong> ({j.relation}), {j.contact} — {j.agreements}
                </li>
              ))}
            </ul>
            {open ? (
              <StepForm intent="jim" errors={errorsFor('jim')}>
                <div className="two-col">
                  <div className="field">
                    <label htmlFor="jim-name">Naam</label>
                    <input id="jim-name" name="name" aria-invalid={errorOf(errorsFor('jim'), 'name') ? true : undefined} />
                  </div>
                  <div className="field">
                    <label htmlFor="jim-relation">Relatie tot de student</label>
                    <input id="jim-relation" name="relation" />
                  </div>
                  <div className="field">
                    <label htmlFor="jim-contact">Contact</label>
                    <input id="jim-contact" name="contact" />
                  </div>
                </div>
                <div className="field">
                  <label htmlFor="jim-agreements">Afspraken waarbij de JIM helpt</label>
                  <textarea id="jim-agreements" name="agreements" rows={2} />
                </div>
                <button type="submit">JIM toevoegen</button>
              </StepForm>
            ) : null}
          </section>

          <section className="card" aria-labelledby="rest-h">
            <h2 id="rest-h">Herstelstappen</h2>
            {c.restorativeSteps.length === 0 ? <p>Nog geen herstelstappen.</p> : null}
            <ul>
              {c.restorativeSteps.map((s) => (
                <li key={s.id}>
                  {L(labels.restorative, s.kind)} · {formatDate(s.on)}
                  {s.note ? ` — ${s.note}` : ''}
                </li>
              ))}
            </ul>
            {open ? (
              <StepForm intent="restorative" errors={errorsFor('restorative')}>
                <div className="two-col">
                  <div className="field">
                    <label htmlFor="rest-kind">Stap</label>
                    <select id="rest-kind" name="kind">
                      <LabelOptions labels={labels.restorative} />
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="rest-on">Datum</label>
                    <input id="rest-on" name="on" type="date" defaultValue={today} />
                  </div>
                </div>
                <div className="field">
                  <label htmlFor="rest-note">Toelichting (alleen Halt)</label>
                  <textarea id="rest-note" name="note" rows={2} />
                </div>
                <button type="submit">Herstelstap vastleggen</button>
              </StepForm>
            ) : null}
          </section>

          <section className="card" aria-labelledby="notes-h">
            <h2 id="notes-h">Sessienotities (alleen Halt)</h2>
            <ul>
              {c.notes.map((n) => (
                <li key={n.id}>
                  <span className="muted">
                    {formatDateTime(n.at)}, {n.byName}:
                  </span>{' '}
                  {n.body}
                </li>
              ))}
            </ul>
            <StepForm intent="note" errors={errorsFor('note')}>
              <div className="field">
                <label htmlFor="note-body">Nieuwe notitie</label>
                <textarea id="note-body" name="body" rows={3} />
              </div>
              <button type="submit">Notitie opslaan</button>
            </StepForm>
          </section>
        </>
      ) : null}

      {open ? (
        <section className="card" aria-labelledby="close-h">
          <h2 id="close-h">Afsluiten</h2>
          <p className="muted">
            Het eindverslag bevat alleen de afgesproken velden ({c.reportFields.map((f) => L(labels.reportFields, f)).join(', ')}) en gaat per e-mail naar{' '}
            {c.contactEmail}. Sessienotities gaan niet mee.
          </p>
          <StepForm intent="close" errors={errorsFor('close')}>
            {/* No outcome chosen beforehand: closing sends the final report, so the outcome is a choice. */}
            <fieldset id="outcome" className="field" aria-invalid={errorOf(errorsFor('close'), 'outcome') ? true : undefined} aria-describedby={errorOf(errorsFor('close'), 'outcome') ? 'outcome-error' : undefined}>
              <legend>Uitkomst (verplicht)</legend>
              {errorOf(errorsFor('close'), 'outcome') ? (
                <p className="field-error" id="outcome-error">
                  {errorOf(errorsFor('close'), 'outcome')}
                </p>
              ) : null}
              {Object.entries(labels.outcomes).map(([v, l]) => (
                <label key={v} className="checkbox">
                  <input type="radio" name="outcome" value={v} /> {l}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="outcomeReason">Reden (verplicht bij voortijdig gestopt)</label>
              <textarea id="outcomeReason" name="outcomeReason" rows={2} aria-invalid={errorOf(errorsFor('close'), 'outcomeReason') ? true : undefined} />
            </div>
            {c.reportFields.includes('afspraken') ? (
              <div className="field">
                <label htmlFor="afspraken">Gemaakte afspraken</label>
                <textarea id="afspraken" name="afspraken" rows={2} />
              </div>
            ) : null}
            {c.reportFields.includes('advies_school') ? (
              <div className="field">
                <label htmlFor="advies_school">Advies aan de school</label>
                <textarea id="advies_school" name="advies_school" rows={2} />
              </div>
            ) : null}
            {c.reportFields.includes('doorverwijzing') ? (
              <div className="field">
                <label htmlFor="doorverwijzing">Doorverwijzing</label>
                <textarea id="doorverwijzing" name="doorverwijzing" rows={2} />
              </div>
            ) : null}
            <button type="submit">Afsluiten en eindverslag versturen</button>
          </StepForm>
        </section>
      ) : null}

      {c.closingReport ? (
        <section className="card" aria-labelledby="report-h">
          <h2 id="report-h">Eindverslag (verstuurd)</h2>
          <ClosingReport report={c.closingReport} labels={labels.reportFields} />
        </section>
      ) : null}
    </section>
  )
}

/** One step's form: the step's errors above it, and its intent sent along. */
function StepForm({ intent, errors, children }: { intent: string; errors: HaltFieldError[]; children: ReactNode }) {
  return (
    <>
      <HaltErrors errors={errors} />
      <Form method="post">
        <input type="hidden" name="intent" value={intent} />
        {children}
      </Form>
    </>
  )
}
