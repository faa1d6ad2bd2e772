// /privacy: the data subject's rights and retention. The privacyfunctionaris (stichting-wide)
// and the directeur (own school): AVG requests with their one-month deadline, legal holds; the FG also
// the retention terms and the purge (dry run first, then the purge confirming that dry run).
import {
  closeSubjectRequest,
  createSubjectRequest,
  dryRunPurge,
  getRetention,
  liftLegalHold,
  listLegalHolds,
  listPrivacyStudents,
  listPurgeRuns,
  listSubjectRequests,
  localDate,
  mayRun,
  runPurge,
  runUseCase,
  setLegalHold,
  setRetention,
  SUBJECT_REQUEST_KIND_LABELS,
  type Outcome,
} from '@baken/domain'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { inTenant, requireContext, type RequestContext } from '~/lib/context.server.ts'
import { REFUSAL_STATUS, submitForm, caseContextOf } from '~/lib/use-case.server.ts'
import { ChoiceOptions, ErrorSummary } from '~/components/form-parts.tsx'

export const meta: MetaFunction = () => [{ title: 'Privacy: verzoeken, bewaartermijnen en opschonen — Baken' }]

interface FieldError {
  path: string
  message: string
}

function requireAny(ctx: RequestContext) {
  if (!mayRun(listSubjectRequests, ctx.ability) && !mayRun(listLegalHolds, ctx.ability)) {
    throw new Response('Geen toegang', { status: 403 })
  }
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireAny(ctx)
  const isFg = mayRun(dryRunPurge, ctx.ability)
  const now = new Date()
  const uc = caseContextOf(ctx, now)
  const items = <T,>(outcome: Outcome<{ items: T[] }>): T[] => (outcome.ok ? outcome.items : [])
  return inTenant(ctx, async (tx) => ({
    today: localDate(now),
    isFg,
    canLift: mayRun(liftLegalHold, ctx.ability),
    kinds: Object.entries(SUBJECT_REQUEST_KIND_LABELS).map(([value, label]) => ({ value, label })),
    kindLabels: SUBJECT_REQUEST_KIND_LABELS as Record<string, string>,
    requests: items(await runUseCase(listSubjectRequests, tx, uc, {})),
    students: items(await runUseCase(listPrivacyStudents, tx, uc, {})),
    holds: items(await runUseCase(listLegalHolds, tx, uc, {})),
    retention: isFg ? items(await runUseCase(getRetention, tx, uc, {})) : [],
    runs: isFg ? items(await runUseCase(listPurgeRuns, tx, uc, { limit: 10 })) : [],
  }))
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireAny(ctx)
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const field = (name: string) => String(form.get(name) ?? '')
  const done = (message: string) => ({ intent, ok: true as const, message, errors: [] as FieldError[] })
  const fail = (status: number, errors: FieldError[]) => data({ intent, ok: false as const, message: '', errors }, { status })
  const answer = <T extends object>(outcome: Outcome<T>, message: (value: T) => string) =>
    outcome.ok ? done(message(outcome)) : fail(REFUSAL_STATUS[outcome.reason], outcome.errors)
  switch (intent) {
    case 'request':
      return answer(await submitForm(ctx, createSubjectRequest, form), (r) => `Verzoek geregistreerd; uiterlijk afhandelen op ${r.dueOn}.`)
    case 'close':
      return answer(await submitForm(ctx, closeSubjectRequest, form), () => 'Verzoek afgesloten.')
    case 'retention':
      return answer(await submitForm(ctx, setRetention, form), () => 'Bewaartermijn opgeslagen.')
    case 'hold':
      // The hold's pupil field has its own name: the request form on the same page has a studentId.
      return answer(await submitForm(ctx, setLegalHold, form, { studentId: field('holdStudentId') }), () => 'Bewaarplicht ingesteld: de opschoning slaat deze leerling over.')
    case 'lift':
      return answer(await submitForm(ctx, liftLegalHold, form), () => 'Bewaarplicht opgeheven.')
    case 'dryrun':
      return answer(await submitForm(ctx, dryRunPurge, new FormData()), () => 'Proefrun gemaakt. Controleer het rapport hieronder voordat u opschoont.')
    case 'purge': {
      if (field('confirm') !== 'ja') return fail(400, [{ path: 'confirm', message: 'Bevestig dat u precies deze proefrun wilt uitvoeren.' }])
      return answer(await submitForm(ctx, runPurge, form), () => 'Opgeschoond: precies wat de proefrun meldde is verwijderd of geanonimiseerd.')
    }
    default:
      return fail(400, [{ path: 'intent', message: 'Onbekende actie.' }])
  }
}

const dateFmt = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
const day = (iso: string) => dateFmt.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`))
const at = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' })

function Summary({ errors, message }: { errors: FieldError[]; message: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!errors.length && message) ref.current?.focus()
  }, [errors, message])
  if (errors.length) return <ErrorSummary errors={errors} title="Niet gelukt." />
  if (!message) return null
  return (
    <div className="notice" role="status" tabIndex={-1} ref={ref}>
      {message}
    </div>
  )
}

export default function PrivacyPage() {
  const { today, isFg, canLift, kinds, kindLabels, requests, students, holds, retention, runs } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  const errors = result?.errors ?? []
  const errorFor = (intent: string, path: string) => (result?.intent === intent ? errors.find((e) => e.path === path)?.message : undefined)
  const described = (intent: string, path: string) => (errorFor(intent, path) ? `${intent}-${path}-error` : undefined)
  const ErrorText = ({ intent, path }: { intent: string; path: string }) =>
    errorFor(intent, path) ? (
      <p className="field-error" id={`${intent}-${path}-error`}>
        {errorFor(intent, path)}
      </p>
    ) : null
  const open = requests.filter((r) => r.status === 'open')
  const closed = requests.filter((r) => r.status !== 'open')
  const lastDry = runs.find((r) => r.dryRun)
  const lastRun = runs[0]
  const canPurge = lastDry && lastRun?.id === lastDry.id && lastDry.summary.anythingDue

  return (
    <section className="card">
      <h1>Privacy</h1>
      <p>
        Verzoeken van betrokkenen (AVG art. 15–21) met hun termijn van één maand, bewaarplicht op leerlingen
        {isFg ? ', bewaartermijnen en opschonen' : ''}. Vandaag: {day(today)}.
      </p>
      <Summary errors={errors} message={result?.ok ? result.message : ''} />

      <h2 id="verzoeken">Verzoeken ({open.length} open)</h2>
      {open.length === 0 ? <p>Geen open verzoeken.</p> : null}
      <ul className="list">
        {open.map((r) => (
          <li key={r.id} className={r.overdue ? 'task overdue' : 'task'}>
            <p>
              <strong>{kindLabels[r.kind]}</strong> — {r.studentName} ({r.schoolName})
            </p>
            <p>
              Door {r.requestedBy === 'ouders' ? 'de ouders' : 'de leerling'}: {r.requesterName}; ontvangen {day(r.receivedOn)}.{' '}
              {r.overdue ? (
                <strong style={{ color: 'var(--danger)' }}>
                  Te laat: termijn verstreken op {day(r.dueOn)} ({-(r.daysLeft ?? 0)} dagen geleden)
                </strong>
              ) : (
                <span>
                  Uiterlijk {day(r.dueOn)} (nog {r.daysLeft} {r.daysLeft === 1 ? 'dag' : 'dagen'})
                </span>
              )}
            </p>
            <p>{r.details}</p>
            <details>
              <summary>Afsluiten</summary>
              <Form method="post">
                <input type="hidden" name="intent" value="close" />
                <input type="hidden" name="id" value={r.id} />
                <fieldset>
                  <legend>Uitkomst</legend>
                  <label>
                    <input type="radio" name="status" value="afgehandeld" defaultChecked /> Afgehandeld
                  </label>{' '}
                  <label>
                    <input type="radio" name="status" value="afgewezen" /> Afgewezen
                  </label>
                </fieldset>
                <div className="field">
                  <label htmlFor={`outcome-${r.id}`}>Wat is er gedaan of waarom afgewezen</label>
                  <textarea id={`outcome-${r.id}`} name="outcome" rows={3} required />
                </div>
                <button type="submit" disabled={busy}>
                  Afsluiten
                </button>
              </Form>
            </details>
          </li>
        ))}
      </ul>
      {closed.length ? (
        <details>
          <summary>Afgesloten verzoeken ({closed.length})</summary>
          <ul>
            {closed.map((r) => (
              <li key={r.id}>
                {kindLabels[r.kind]} — {r.studentName}: {r.status} {r.closedAt ? `op ${at(r.closedAt)}` : ''}. {r.outcome}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <h3>Verzoek registreren</h3>
      <p>Onder de 16 oefenen de ouders of verzorgers de rechten uit, vanaf 16 de leerling zelf (AVG art. 8, UAVG art. 5). De termijn is één maand na ontvangst (AVG art. 12 lid 3).</p>
      <Form method="post">
        <input type="hidden" name="intent" value="request" />
        <div className="two-col">
          <div className="field">
            <label htmlFor="studentId">Leerling</label>
            <select id="studentId" name="studentId" defaultValue="" aria-invalid={errorFor('request', 'studentId') ? true : undefined} aria-describedby={described('request', 'studentId')}>
              <option value="">— kies —</option>
              {students.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.schoolName}
                  {s.status === 'left' ? ', uitgeschreven' : ''}; rechten: {s.rightsHolder === 'ouders' ? 'ouders' : 'leerling'})
                </option>
              ))}
            </select>
            <ErrorText intent="request" path="studentId" />
          </div>
          <div className="field">
            <label htmlFor="kind">Soort verzoek</label>
            <select id="kind" name="kind" defaultValue="inzage" aria-invalid={errorFor('request', 'kind') ? true : undefined} aria-describedby={described('request', 'kind')}>
              <ChoiceOptions choices={kinds} />
            </select>
            <ErrorText intent="request" path="kind" />
          </div>
        </div>
        <fieldset id="requestedBy" aria-describedby={described('request', 'requestedBy')}>
          <legend>Wie doet het verzoek?</legend>
          <label>
            <input type="radio" name="requestedBy" value="ouders" defaultChecked /> De ouders of verzorgers
          </label>{' '}
          <label>
            <input type="radio" name="requestedBy" value="leerling" /> De leerling (16 jaar of ouder)
          </label>
          <ErrorText intent="request" path="requestedBy" />
        </fieldset>
        <div className="two-col">
          <div className="field">
            <label htmlFor="requesterName">Naam van de verzoeker</label>
            <input id="requesterName" name="requesterName" aria-invalid={errorFor('request', 'requesterName') ? true : undefined} aria-describedby={described('request', 'requesterName')} />
            <ErrorText intent="request" path="requesterName" />
          </div>
          <div className="field">
            <label htmlFor="receivedOn">Ontvangen op</label>
            <input id="receivedOn" name="receivedOn" type="date" max={today} defaultValue={today} aria-invalid={errorFor('request', 'receivedOn') ? true : undefined} aria-describedby={described('request', 'receivedOn')} />
            <ErrorText intent="request" path="receivedOn" />
          </div>
        </div>
        <div className="field">
          <label htmlFor="details">Wat wordt er gevraagd?</label>
          <textarea id="details" name="details" rows={3} aria-invalid={errorFor('request', 'details') ? true : undefined} aria-describedby={described('request', 'details')} />
          <ErrorText intent="request" path="details" />
        </div>
        <button type="submit" disabled={busy}>
          Verzoek registreren
        </button>
      </Form>

      <h2 id="bewaarplicht">Bewaarplicht (legal hold)</h2>
      <p>Zolang een bewaarplicht geldt, slaat de opschoning alle gegevens van de leerling over (bijvoorbeeld bij een lopende procedure).</p>
      {holds.length === 0 ? <p>Geen bewaarplicht ingesteld.</p> : null}
      <ul>
        {holds.map((hd) => (
          <li key={hd.id}>
            <strong>{hd.studentName}</strong> ({hd.schoolName}) — {hd.reason} Ingesteld door {hd.setBy || 'onbekend'} op {at(hd.setAt)}.{' '}
            {hd.active ? (
              canLift ? (
                <Form method="post" style={{ display: 'inline' }}>
                  <input type="hidden" name="intent" value="lift" />
                  <input type="hidden" name="id" value={hd.id} />
                  <button type="submit" disabled={busy}>
                    Opheffen
                  </button>
                </Form>
              ) : (
                <strong>Actief</strong>
              )
            ) : (
              <span>Opgeheven op {at(hd.liftedAt!)}.</span>
            )}
          </li>
        ))}
      </ul>
      <Form method="post">
        <input type="hidden" name="intent" value="hold" />
        <div className="two-col">
          <div className="field">
            <label htmlFor="holdStudentId">Leerling met bewaarplicht</label>
            <select id="holdStudentId" name="holdStudentId" defaultValue="" aria-invalid={errorFor('hold', 'studentId') ? true : undefined} aria-describedby={described('hold', 'studentId')}>
              <option value="">— kies —</option>
              {students.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.schoolName}
                  {s.status === 'left' ? ', uitgeschreven' : ''})
                </option>
              ))}
            </select>
            <ErrorText intent="hold" path="studentId" />
          </div>
          <div className="field">
            <label htmlFor="reason">Reden van de bewaarplicht</label>
            <input id="reason" name="reason" aria-invalid={errorFor('hold', 'reason') ? true : undefined} aria-describedby={described('hold', 'reason')} />
            <ErrorText intent="hold" path="reason" />
          </div>
        </div>
        <button type="submit" disabled={busy}>
          Bewaarplicht instellen
        </button>
      </Form>

      {isFg ? (
        <>
          <h2 id="bewaartermijnen">Bewaartermijnen</h2>
          <div className="table-wrap">
            <table className="stack-narrow">
              <caption>Per categorie, in maanden; zonder eigen instelling geldt de richtlijn.</caption>
              <thead>
                <tr>
                  <th scope="col">Categorie</th>
                  <th scope="col">Termijn</th>
                  <th scope="col">Toelichting</th>
                </tr>
              </thead>
              <tbody>
                {retention.map((r) => (
                  <tr key={r.category}>
                    <th scope="row">{r.label}</th>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="retention" />
                        <input type="hidden" name="category" value={r.category} />
                        <label htmlFor={`months-${r.category}`}>Maanden</label>{' '}
                        <input id={`months-${r.category}`} name="months" type="number" min={1} max={1200} defaultValue={r.months} style={{ width: '6em' }} />{' '}
                        <button type="submit" disabled={busy}>
                          Opslaan
                        </button>
                        <br />
                        <small>{r.isDefault ? `richtlijn (${r.defaultMonths})` : `eigen instelling; richtlijn ${r.defaultMonths}`}</small>
                      </Form>
                    </td>
                    <td>
                      {r.covers} <em>{r.justification}</em>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 id="opschonen">Opschonen</h2>
          <p>
            Eerst een proefrun: die toont wat vandaag verwijderd of geanonimiseerd zou worden. Opschonen voert precies die proefrun uit;
            is er sindsdien iets veranderd, dan weigert het en maakt u een nieuwe proefrun. Het toegangslog wordt niet opgeschoond
            (alleen-toevoegen, geketend); regels voorbij de termijn worden gemeld.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="dryrun" />
            <button type="submit" disabled={busy}>
              Proefrun maken
            </button>
          </Form>
          {lastDry ? (
            <div aria-labelledby="dry-title">
              <h3 id="dry-title">
                Laatste proefrun: {at(lastDry.ranAt)} (peildatum {day(lastDry.asOf)})
              </h3>
              <ul>
                <li>Leerlingdossiers op te schonen: {lastDry.summary.dossierStudents}</li>
                <li>
                  Incidenten verwijderd: {lastDry.summary.incidentsDeleted}; incidenten waarin de leerling wordt geanonimiseerd (andere leerlingen blijven):{' '}
                  {lastDry.summary.incidentsAnonymised}
                </li>
                <li>
                  Maatregelen: {lastDry.summary.measures}; Halt-verwijzingen: {lastDry.summary.referrals}; gedeelde records: {lastDry.summary.sharesDeleted}; ouders/verzorgers:{' '}
                  {lastDry.summary.guardians}
                </li>
                <li>{`Ouderportaal: berichten ${lastDry.summary.portalItems}; voor gezien op maatregelen ${lastDry.summary.measureAcknowledgements}`}</li>
                <li>Leerlingrecords verwijderd (administratie): {lastDry.summary.studentsDeleted}</li>
                <li>Gedeelde inhoud verwijderd (verlopen delingen): {lastDry.summary.sharedItemsDeleted}</li>
                <li>Overgeslagen wegens bewaarplicht: {lastDry.summary.heldStudents}</li>
                <li>Toegangslog: {lastDry.summary.accessLogRowsPastRetention} regels voorbij de termijn (bewaard)</li>
              </ul>
              {canPurge ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="purge" />
                  <input type="hidden" name="dryRunId" value={lastDry.id} />
                  <div className="field">
                    <label>
                      <input id="confirm" type="checkbox" name="confirm" value="ja" aria-describedby={described('purge', 'confirm')} /> Ik heb het rapport gecontroleerd en wil precies dit
                      verwijderen en anonimiseren. Dit kan niet ongedaan worden gemaakt.
                    </label>
                    <ErrorText intent="purge" path="confirm" />
                  </div>
                  <button type="submit" className="danger" disabled={busy}>
                    Opschonen
                  </button>
                </Form>
              ) : lastDry.summary.anythingDue ? (
                <p>Maak een nieuwe proefrun om op te schonen (na de laatste proefrun is al opgeschoond).</p>
              ) : (
                <p>Er is niets op te schonen.</p>
              )}
            </div>
          ) : null}
          {runs.length ? (
            <div className="table-wrap">
              <table>
                <caption>Eerdere runs</caption>
                <thead>
                  <tr>
                    <th scope="col">Wanneer</th>
                    <th scope="col">Soort</th>
                    <th scope="col">Door</th>
                    <th scope="col">Dossiers</th>
                    <th scope="col">Leerlingrecords</th>
                    <th scope="col">Gedeelde inhoud</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id}>
                      <td>{at(r.ranAt)}</td>
                      <td>{r.dryRun ? 'proefrun' : <strong>opgeschoond</strong>}</td>
                      <td>{r.ranBy ?? '—'}</td>
                      <td>{r.summary.dossierStudents}</td>
                      <td>{r.summary.studentsDeleted}</td>
                      <td>{r.summary.sharedItemsDeleted}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
