// One reporting-duty case, guided: where it stands, the next step with its explanation, and
// the history. Opening the page is logged (getReportCase → recordAccess). The reporter of a zeden
// case sees only that the board was informed.
import { getReportCase, mayRun, recordReportStep } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'
import { perform, refusalData } from '~/lib/use-case.server.ts'

export const meta: MetaFunction = () => [{ title: 'Melding · Meldplicht · Baken' }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  const view = await perform(ctx, getReportCase, { id: params.id ?? '' })
  if (!view.ok) throw data('Niet gevonden', { status: 404 })
  return {
    c: {
      ...view,
      createdAt: view.createdAt.toISOString(),
      closedAt: view.closedAt?.toISOString() ?? null,
      steps: view.steps.map((s) => ({ ...s, at: s.at.toISOString() })),
    },
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  // A role that records on no case at all learns nothing about this one: not found, as for a case it cannot see.
  if (!mayRun(recordReportStep, ctx.ability)) throw data('Niet gevonden', { status: 404 })
  const form = await request.formData()
  // A field left empty counts as not given (the step's optional fields and its yes/no defaults).
  const input: Record<string, string> = {}
  for (const [k, v] of form.entries()) if (typeof v === 'string' && v.trim() !== '' && k !== 'intent') input[k] = v
  const id = params.id ?? ''
  const result = await perform(ctx, recordReportStep, { ...input, id })
  if (!result.ok) {
    if (result.reason === 'not_found') throw data('Niet gevonden', { status: 404 })
    return refusalData(result, { step: input.step ?? '', values: input })
  }
  return redirect(`/meldplicht/${id}?vastgelegd=1`)
}

type FieldSpec =
  | { name: string; label: string; type: 'date' | 'text' | 'textarea'; hint?: string; optional?: boolean }
  | { name: string; label: string; type: 'yesno'; hint?: string }
  | { name: string; label: string; type: 'choice'; options: { value: string; label: string }[]; hint?: string }

const FIELDS: Record<string, FieldSpec[]> = {
  overleg_vertrouwensinspecteur: [
    { name: 'date', label: 'Datum van het overleg', type: 'date' },
    { name: 'contact', label: 'Vertrouwensinspecteur (naam of kenmerk)', type: 'text' },
    { name: 'advice', label: 'Advies van de vertrouwensinspecteur', type: 'textarea' },
  ],
  aangifte: [
    { name: 'reasons', label: 'Besluit en redenen (waarom is er een redelijk vermoeden?)', type: 'textarea' },
    { name: 'date', label: 'Datum van de aangifte', type: 'date' },
    { name: 'policeUnit', label: 'Politie-eenheid', type: 'text' },
    { name: 'reference', label: 'Kenmerk van de aangifte', type: 'text' },
  ],
  geen_aangifte: [{ name: 'reasons', label: 'Besluit en redenen (waarom geen redelijk vermoeden?)', type: 'textarea' }],
  betrokkenen_geinformeerd: [
    { name: 'staffInformedOn', label: 'Betrokken medewerker geïnformeerd op', type: 'date' },
    { name: 'parentsInformedOn', label: 'Ouders van de leerling geïnformeerd op', type: 'date' },
    { name: 'note', label: 'Toelichting (optioneel)', type: 'textarea', optional: true },
  ],
  afsluiten: [{ name: 'note', label: 'Samenvatting van de afloop', type: 'textarea' }],
  signalen: [{ name: 'note', label: 'Signalen (feiten: wat, wanneer, van wie)', type: 'textarea' }],
  consultatie: [
    { name: 'date', label: 'Datum van het overleg', type: 'date' },
    { name: 'consulted', label: 'Met wie overlegd (collega, aandachtsfunctionaris, Veilig Thuis)', type: 'text' },
    { name: 'veiligThuis', label: 'Is Veilig Thuis om advies gevraagd?', type: 'yesno' },
    { name: 'advice', label: 'Advies', type: 'textarea' },
  ],
  gesprek: [
    { name: 'skipped', label: 'Is het gesprek achterwege gebleven omdat de veiligheid in gevaar komt?', type: 'yesno', hint: 'Alleen dan mag het gesprek worden overgeslagen; leg de reden vast.' },
    { name: 'date', label: 'Datum van het gesprek', type: 'date', optional: true },
    {
      name: 'with',
      label: 'Met wie',
      type: 'choice',
      options: [
        { value: 'leerling', label: 'de leerling' },
        { value: 'ouders', label: 'de ouders' },
        { value: 'leerling_en_ouders', label: 'de leerling en de ouders' },
      ],
    },
    { name: 'note', label: 'Uitkomst van het gesprek, of waarom het niet is gevoerd', type: 'textarea' },
  ],
  afweging: [
    { name: 'vermoeden', label: '1. Is er op basis van stap 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling?', type: 'yesno' },
    { name: 'onveilig', label: '2. Is er sprake van acute of structurele onveiligheid? (Dan altijd melden.)', type: 'yesno' },
    { name: 'hulpMogelijk', label: '3. Kan de school passende hulp bieden of organiseren?', type: 'yesno' },
    { name: 'hulpAanvaard', label: '4. Aanvaarden de betrokkenen deze hulp?', type: 'yesno' },
    { name: 'veiligBinnenTermijn', label: '5. Leidt de hulp binnen de gewenste termijn tot duurzame veiligheid?', type: 'yesno' },
    { name: 'note', label: 'Toelichting op de afweging', type: 'textarea' },
  ],
  besluit: [
    { name: 'decision', label: 'Besluit', type: 'choice', options: [] },
    { name: 'date', label: 'Datum', type: 'date' },
    { name: 'reference', label: 'Kenmerk van de melding bij Veilig Thuis (verplicht bij melden)', type: 'text', optional: true },
    { name: 'note', label: 'Toelichting', type: 'textarea' },
  ],
  vervolg: [{ name: 'note', label: 'Voortgang van de hulp', type: 'textarea' }],
}

const DECISION_OPTIONS: Record<string, string> = {
  hulp_organiseren: 'Hulp organiseren en de effecten volgen',
  melden: 'Melden bij Veilig Thuis',
  geen_vermoeden: 'Geen vermoeden: zaak sluiten',
}

const DATA_LABELS: Record<string, string> = {
  date: 'Datum',
  contact: 'Vertrouwensinspecteur',
  advice: 'Advies',
  reasonableSuspicion: 'Redelijk vermoeden',
  reasons: 'Redenen',
  policeUnit: 'Politie-eenheid',
  reference: 'Kenmerk',
  staffInformedOn: 'Medewerker geïnformeerd op',
  parentsInformedOn: 'Ouders geïnformeerd op',
  consulted: 'Overlegd met',
  veiligThuis: 'Veilig Thuis om advies gevraagd',
  skipped: 'Gesprek achterwege gebleven',
  with: 'Met',
  vermoeden: '1. Vermoeden',
  onveilig: '2. Acute of structurele onveiligheid',
  hulpMogelijk: '3. Passende hulp mogelijk',
  hulpAanvaard: '4. Hulp aanvaard',
  veiligBinnenTermijn: '5. Veilig binnen termijn',
  decision: 'Besluit',
  boardNotified: 'Bestuurders per e-mail geïnformeerd',
}

function showValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? 'ja' : 'nee'
  if (key === 'decision' && typeof value === 'string') return DECISION_OPTIONS[value] ?? value
  if (key === 'with' && typeof value === 'string') return value.replace(/_/g, ' ')
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return formatDate(String(value))
  return String(value)
}

export default function ReportCasePage() {
  const { c } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const errors = actionData?.errors ?? []
  const failedStep = actionData?.step ?? ''
  const summaryRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (actionData?.errors?.length) summaryRef.current?.focus()
  }, [actionData])
  const fieldId = (step: string, name: string) => `${step}-${name}`
  const errorFor = (step: string, name: string) => (step === failedStep ? errors.find((e) => e.path === name)?.message : undefined)
  const valueOf = (step: string, name: string) => (step === failedStep ? actionData?.values?.[name] : undefined)
  const today = new Date().toISOString().slice(0, 10)

  return (
    <article className="card">
      <p>
        <Link to="/meldplicht">← Meldplicht en meldcode</Link>
      </p>
      <h1>{c.kindLabel}</h1>
      <p>
        <span className="badge">{c.stateLabel}</span> <span className="muted">{c.schoolName}</span>
      </p>
      {params.get('geopend') && c.kind === 'zedendelict_medewerker' ? (
        <p role="status">
          <strong>Je melding is opgeslagen en het bestuur is geïnformeerd.</strong> Je hebt hiermee aan je meldplicht voldaan.
        </p>
      ) : null}
      {params.get('vastgelegd') ? <p role="status">De stap is vastgelegd.</p> : null}
      {errors.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="errors-title">
          <p id="errors-title">
            <strong>Niet vastgelegd.</strong>
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e.path && failedStep && FIELDS[failedStep]?.some((f) => f.name === e.path) ? <a href={`#${fieldId(failedStep, e.path)}`}>{e.message}</a> : e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <dl className="facts">
        <dt>Geopend</dt>
        <dd>
          {formatDateTime(c.createdAt)} door {c.mine ? 'jou' : c.openedByName}
        </dd>
        {c.studentName ? (
          <>
            <dt>Leerling</dt>
            <dd>{c.studentName}</dd>
          </>
        ) : null}
        <dt>Melding</dt>
        <dd className="prewrap">{c.summary}</dd>
        {c.decisionLabel ? (
          <>
            <dt>Besluit</dt>
            <dd>{c.decisionLabel}</dd>
          </>
        ) : null}
        {c.closedAt ? (
          <>
            <dt>Gesloten</dt>
            <dd>{formatDateTime(c.closedAt)}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="route-h">
        <h2 id="route-h">Waar de zaak staat</h2>
        <ol>
          {c.states.map((s) => (
            <li key={s.state} aria-current={s.current ? 'step' : undefined}>
              {s.current ? <strong>{s.label} (nu)</strong> : s.label}
            </li>
          ))}
        </ol>
      </section>

      {c.waitingFor ? (
        <section aria-labelledby="wait-h">
          <h2 id="wait-h">Volgende stap</h2>
          <p>{c.waitingFor}</p>
        </section>
      ) : null}

      {c.next.length ? (
        <section aria-labelledby="next-h">
          <h2 id="next-h">Volgende stap</h2>
          {c.afweging ? (
            <p className="muted">
              Afwegingskader: {c.afweging.reason}
            </p>
          ) : null}
          {c.next.map((n, index) => {
            const fields = FIELDS[n.step] ?? []
            const open = failedStep ? failedStep === n.step : index === 0 || c.next.length <= 2
            return (
              <details key={n.step} open={open}>
                <summary>{n.label}</summary>
                <p>{n.explanation}</p>
                <Form method="post" noValidate aria-label={n.label}>
                  <input type="hidden" name="step" value={n.step} />
                  {c.state ? <input type="hidden" name="expectedState" value={c.state} /> : null}
                  {fields.map((f) => {
                    const id = fieldId(n.step, f.name)
                    const err = errorFor(n.step, f.name)
                    const describedBy = [f.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
                    const hint = f.hint ? (
                      <p id={`${id}-hint`} className="muted">
                        {f.hint}
                      </p>
                    ) : null
                    const error = err ? (
                      <p id={`${id}-error`} className="field-error">
                        {err}
                      </p>
                    ) : null
                    if (f.type === 'yesno' || f.type === 'choice') {
                      const options =
                        f.type === 'yesno'
                          ? [
                              { value: 'ja', label: 'ja' },
                              { value: 'nee', label: 'nee' },
                            ]
                          : f.name === 'decision'
                            ? (c.afweging?.decisions ?? []).map((d) => ({ value: d, label: DECISION_OPTIONS[d] ?? d }))
                            : f.options
                      return (
                        <fieldset key={f.name} id={id} aria-describedby={describedBy}>
                          <legend>{f.label}</legend>
                          {hint}
                          {error}
                          {options.map((o) => (
                            <div key={o.value}>
                              <input type="radio" id={`${id}-${o.value}`} name={f.name} value={o.value} defaultChecked={valueOf(n.step, f.name) === o.value} />
                              <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
                            </div>
                          ))}
                        </fieldset>
                      )
                    }
                    return (
                      <div className="field" key={f.name}>
                        <label htmlFor={id}>{f.label}</label>
                        {hint}
                        {f.type === 'textarea' ? (
                          <textarea id={id} name={f.name} rows={4} defaultValue={valueOf(n.step, f.name) ?? ''} aria-invalid={err ? true : undefined} aria-describedby={describedBy} />
                        ) : (
                          <input
                            id={id}
                            name={f.name}
                            type={f.type}
                            defaultValue={valueOf(n.step, f.name) ?? (f.type === 'date' ? today : '')}
                            aria-invalid={err ? true : undefined}
                            aria-describedby={describedBy}
                          />
                        )}
                        {error}
                      </div>
                    )
                  })}
                  <button type="submit">Vastleggen</button>
                </Form>
              </details>
            )
          })}
        </section>
      ) : null}

      <section aria-labelledby="history-h">
        <h2 id="history-h">Geschiedenis</h2>
        {c.limited ? <p className="muted">Wat het bestuur na je melding doet, is vertrouwelijk en zie je hier niet.</p> : null}
        <ol className="history">
          {c.steps.map((s, i) => (
            <li key={i}>
              <strong>{s.label}</strong> · {formatDateTime(s.at)} · {s.byName}
              <div className="prewrap">{s.note}</div>
              {s.data && Object.keys(s.data).length ? (
                <dl className="facts">
                  {Object.entries(s.data)
                    .filter(([k]) => k !== 'advice' && k !== 'reasons')
                    .map(([k, v]) => (
                      <div key={k}>
                        <dt>{DATA_LABELS[k] ?? k}</dt>
                        <dd>{showValue(k, v)}</dd>
                      </div>
                    ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="law-h">
        <h2 id="law-h">Wettelijke grondslag</h2>
        <ul>
          {c.sources.map((s, i) => (
            <li key={i}>
              {s.text}
              {s.uncertain ? <span className="badge">Onzeker</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </article>
  )
}
