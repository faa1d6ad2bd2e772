import { completeMeasureTask, getMeasure, listLetters, listMeasureAcknowledgements, localDate, recordLetterSent, recordMeasureAcknowledgement, STAFF_ACKNOWLEDGEMENT_METHODS, recordRemovalHearing, releaseMeasureLetter, releaseMeasureReport, renderLetter, ruleOf, ruleSetOf, ruleView, runUseCase, transitionMeasure, mayRun } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { formatDate, formatDateTimeLong, schoolDaysText } from '~/lib/format.ts'
import { MeasureBezwaar } from '~/components/measure-bezwaar.tsx'
import { bezwaarAction, isBezwaarIntent, loadMeasureBezwaar, measureFormInput } from '~/lib/measure-bezwaar.server.ts'
import { perform, refusalData, requireUseCase, caseContextOf } from '~/lib/use-case.server.ts'
import { MeasureLetters } from '~/components/measure-letters.tsx'
import { MeasureHearings } from '~/components/measure-hearings.tsx'
import { AcknowledgementForm } from '~/components/follow-up.tsx'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getMeasure)
  // One transaction: opening the case is logged with the read (getMeasure → recordMeasureAccess).
  const found = await inTenant(ctx, async (tx) => {
    const read = await runUseCase(getMeasure, tx, caseContextOf(ctx), { id: params.id ?? '' })
    if (!read.ok) return null
    const { ok: _ok, ...measure } = read
    const bezwaar = await loadMeasureBezwaar(tx, ctx, measure.id) // bezwaar, search for another school
    const listed = await runUseCase(listLetters, tx, caseContextOf(ctx), { id: measure.id }) // decision letters
    const letters = listed.ok ? { items: listed.items, available: listed.available } : null
    const acks = await runUseCase(listMeasureAcknowledgements, tx, caseContextOf(ctx), { id: measure.id }) // "voor gezien" from the portal
    return { measure, bezwaar, letters, acknowledgements: acks.ok ? acks.items : [], released: acks.ok ? acks.released : [] }
  })
  if (!found) throw data('Niet gevonden', { status: 404 })
  const { measure, bezwaar, letters, acknowledgements, released } = found
  // The rule behind the period of a schorsing, with its status ("Onzeker" where the law is not checked).
  const periodLaw = measure.kind === 'schorsing' ? ruleOf(ruleSetOf(measure), 'schorsing.maxSchooldagen') : null
  const periodRule = periodLaw ? { ...ruleView(periodLaw), max: typeof periodLaw.value === 'number' ? periodLaw.value : null } : null
  return {
    measure,
    periodRule,
    ruleSetTitle: ruleSetOf(measure).title,
    // Tasks are completed by the school (completeMeasureTask), not by the board in a stichting context.
    canUpdate: mayRun(completeMeasureTask, ctx.ability) && ctx.tenant.schoolId !== null,
    canPropose: ctx.ability.can('create', 'Measure'),
    // The directeur and the IB put the decision letter or the report in the parents' portal (ADR 033).
    canRelease: mayRun(releaseMeasureLetter, ctx.ability) && ctx.tenant.schoolId !== null,
    // A paper or in-person "voor gezien" on what was released, by whoever may update the measure.
    canRecordAcknowledgement: mayRun(recordMeasureAcknowledgement, ctx.ability) && ctx.tenant.schoolId !== null,
    acknowledgementMethods: STAFF_ACKNOWLEDGEMENT_METHODS,
    bezwaar,
    letters,
    acknowledgements,
    released,
    today: localDate(new Date()),
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getMeasure)
  const form = Object.fromEntries(await request.formData())
  const id = params.id ?? ''
  const result =
    form.intent === 'complete-task'
      ? await perform(ctx, completeMeasureTask, { ...measureFormInput(form, ['reference', 'note']), id, taskId: String(form.taskId ?? '') })
      : form.intent === 'portal-letter' // the decision letter into the parents' portal
        ? await perform(ctx, releaseMeasureLetter, { id })
      : form.intent === 'portal-report' // the report of a time-out or schorsing into the parents' portal
        ? await perform(ctx, releaseMeasureReport, { id })
      : form.intent === 'acknowledge' // a paper or in-person "voor gezien" on a released item
        ? await perform(ctx, recordMeasureAcknowledgement, { ...measureFormInput(form, ['portalItemId', 'guardianName', 'acknowledgedOn', 'method']), id })
      : form.intent === 'make-letter' // decision letters (measure-letters.tsx)
        ? await perform(ctx, renderLetter, { id, kind: form.kind })
        : form.intent === 'send-letter' // recording the letter's sending (measure-letters.tsx)
          ? await perform(ctx, recordLetterSent, { ...measureFormInput(form, form.channel === 'email' ? ['channel'] : ['channel', 'sentOn']), id, letterId: String(form.letterId ?? '') })
          : form.intent === 'removal-hearing' // hearings before a verwijdering (measure-hearings.tsx)
            ? await perform(ctx, recordRemovalHearing, { ...measureFormInput(form, ['party', 'heardOn', 'summary']), id })
            : isBezwaarIntent(form.intent) // bezwaar and search attempts (measure-bezwaar.tsx)
              ? await bezwaarAction(ctx, id, form)
              : await perform(ctx, transitionMeasure, { ...measureFormInput(form, ['to', 'reason', 'expectedState']), id })
  if (!result.ok) return refusalData(result)
  return redirect(`/maatregelen/${id}?bijgewerkt=1`)
}

export default function MeasurePage() {
  const { measure: m, canUpdate, canPropose, canRelease, canRecordAcknowledgement, acknowledgementMethods, bezwaar, letters, acknowledgements, released, today, periodRule, ruleSetTitle } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [confirming, setConfirming] = useState<string | null>(null)
  // Decided, and its decision letter not yet sent: the next step is the letter (the bezwaar term
  // starts with its sending, Awb art. 6:8).
  const letterDue =
    !!letters &&
    (letters.available as string[]).includes(m.kind) &&
    ((m.kind === 'schorsing' && m.state === 'approved') || (m.kind === 'verwijdering' && m.state === 'decided')) &&
    !letters.items.some((l) => l.kind === m.kind && l.sent.length > 0)
  return (
    <article className="card">
      <p>
        <Link to="/maatregelen">← Maatregelen</Link>
      </p>
      <h1>
        {m.kindLabel} · {m.studentName}
      </h1>
      <p>
        <span className="badge">{m.stateLabel}</span> <span className="muted">{m.schoolName}</span>
      </p>
      {actionData?.errors ? (
        <div className="error-summary" role="alert">
          <ul>
            {actionData.errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <dl className="facts">
        {m.startsOn ? (
          <>
            <dt>Periode</dt>
            <dd>
              {formatDate(m.startsOn)}
              {m.endsOn && m.endsOn !== m.startsOn ? ` tot en met ${formatDate(m.endsOn)}` : ''}
              {m.schoolDays ? ` (${schoolDaysText(m.schoolDays)})` : ''}
            </dd>
          </>
        ) : null}
        {m.pendingRemovalId ? (
          <>
            <dt>Hangende verwijdering</dt>
            <dd>
              {m.pendingRemoval ? (
                <>
                  <Link to={`/maatregelen/${m.pendingRemoval.id}`} className="inline-link">
                    Verwijdering van {m.studentName}
                  </Link>{' '}
                  <span className="badge">{m.pendingRemoval.stateLabel}</span>
                  {m.pendingRemoval.open ? null : ' · de verwijdering loopt niet meer; deze schorsing eindigt daardoor niet vanzelf.'}
                </>
              ) : (
                'Een verwijdering die je niet kunt inzien.'
              )}
            </dd>
          </>
        ) : null}
        <dt>Redenen</dt>
        <dd className="prewrap">{m.reasons}</dd>
        {m.skipJustification ? (
          <>
            <dt>Onderbouwing overgeslagen stap</dt>
            <dd className="prewrap">{m.skipJustification}</dd>
          </>
        ) : null}
        <dt>Wet en regels</dt>
        <dd>
          {ruleSetTitle}
          {m.decidedUnderMandate
            ? ` · besloten door de directeur namens het bevoegd gezag, krachtens mandaat${m.mandate ? ` van ${formatDate(m.mandate.besluitOn)} (ten hoogste ${m.mandate.maxSchoolDays} schooldagen; Awb art. 10:1)` : ''}`
            : ''}
          {periodRule ? (
            <p className="pr-note">
              {periodRule.text} <span className="pr-source">({periodRule.source})</span>{' '}
              {periodRule.status.includes('onzeker') ? <span className="badge pr-uncertain">Onzeker</span> : null}
              {periodRule.status.includes('onzeker') && periodRule.note ? <span className="muted"> {periodRule.note}</span> : null}
            </p>
          ) : null}
        </dd>
        {m.incidentIds.length ? (
          <>
            <dt>Naar aanleiding van</dt>
            <dd>
              {m.incidentIds.map((id) => (
                <Link key={id} to={`/incidenten/${id}`} className="inline-link">
                  incident
                </Link>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {m.schorsingenPending ? <PendingSchorsingen measure={m} canPropose={canPropose} /> : null}
      {m.hearings ? <MeasureHearings {...m.hearings} today={today} /> : null}
      {m.next.length || letterDue ? (
        <section aria-labelledby="next-h">
          <h2 id="next-h">Volgende stap</h2>
          {letterDue ? (
            <p>
              <a href="#brieven" className="button">
                Brief maken en versturen
              </a>{' '}
              <span className="muted">De bezwaartermijn begint pas als de brief is verstuurd.</span>
            </p>
          ) : null}
          {m.next.map((n) =>
            n.needsReason ? (
              <Form method="post" key={n.to}>
                <fieldset className="section-fieldset">
                  <legend>{n.label}</legend>
                  <input type="hidden" name="to" value={n.to} />
                  <input type="hidden" name="expectedState" value={m.state} />
                  <div className="field">
                    <label htmlFor={`reason-${n.to}`}>Waarom: {n.label.toLowerCase()}? (verplicht)</label>
                    <textarea id={`reason-${n.to}`} name="reason" rows={2} required />
                  </div>
                  <button type="submit" className="button secondary">
                    {n.label}
                  </button>
                </fieldset>
              </Form>
            ) : n.decides ? (
              confirming === n.to ? (
                <DecisionConfirmation key={n.to} measure={m} step={n} periodRule={periodRule} ruleSetTitle={ruleSetTitle} onCancel={() => setConfirming(null)} />
              ) : (
                <p key={n.to}>
                  <button type="button" onClick={() => setConfirming(n.to)}>
                    {n.label}
                  </button>
                </p>
              )
            ) : (
              <Form method="post" key={n.to} className="inline-form">
                <input type="hidden" name="to" value={n.to} />
                <input type="hidden" name="expectedState" value={m.state} />
                <button type="submit">{n.label}</button>
              </Form>
            ),
          )}
        </section>
      ) : null}
      {m.tasks.length ? (
        <section aria-labelledby="tasks-h">
          <h2 id="tasks-h">Taken</h2>
          <ul className="tasks">
            {m.tasks.map((t) => (
              <li key={t.id} className="task">
                <strong>{t.title}</strong> · uiterlijk {formatDate(t.dueOn)}
                {t.doneAt ? <span className="badge">afgerond{t.reference ? ` · kenmerk ${t.reference}` : ''}</span> : null}
                {t.summary ? (
                  <details>
                    <summary>Tekst om in te dienen</summary>
                    <pre className="prewrap">{t.summary}</pre>
                  </details>
                ) : null}
                {!t.doneAt && canUpdate ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="taskId" value={t.id} />
                    {t.kind === 'inspectie_melding' || t.kind === 'inspectie_verwijdering' ? (
                      <>
                        <label htmlFor={`ref-${t.id}`}>Kenmerk Inspectie</label>
                        <input id={`ref-${t.id}`} name="reference" />
                      </>
                    ) : null}
                    <button type="submit" name="intent" value="complete-task" className="button secondary">
                      Afgerond
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {bezwaar ? <MeasureBezwaar {...bezwaar} /> : null}
      {letters ? <MeasureLetters measureId={m.id} letters={letters.items} available={letters.available} today={today} /> : null}
      {(canRelease || (canRecordAcknowledgement && released.length > 0)) && m.kind !== 'adempauze' ? (
        <section aria-labelledby="portal-heading">
          <h2 id="portal-heading">Ouderportaal</h2>
          <p className="muted">
            Niets komt vanzelf in het ouderportaal. De ouders krijgen een e-mail zonder inhoud en lezen het stuk na inloggen; zij kunnen het voor gezien tekenen
            {m.kind === 'schorsing' || m.kind === 'verwijdering' ? ' en tegen het besluit bezwaar maken' : ''}.
          </p>
          {acknowledgements.length ? (
            <ul>
              {acknowledgements.map((a) => (
                <li key={a.id}>
                  {a.kind === 'decision_letter' ? 'Besluitbrief' : 'Verslag'} voor gezien getekend ({a.method}) door {a.guardianName} op {formatDate(a.acknowledgedOn)}
                  {a.reaction ? <q> {a.reaction}</q> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {canRecordAcknowledgement && released.length ? (
            <AcknowledgementForm summary="Voor gezien vastleggen (op papier of op school)" today={today} methods={acknowledgementMethods}>
              <div className="field">
                <label htmlFor="ack-item">Getekend</label>
                <select id="ack-item" name="portalItemId">
                  {released.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.kind === 'decision_letter' ? 'Besluitbrief' : 'Verslag'} van {formatDate(r.releasedAt)}
                      {r.withdrawnAt ? ' (uit het portaal gehaald)' : ''}
                    </option>
                  ))}
                </select>
              </div>
            </AcknowledgementForm>
          ) : null}
          {canRelease ? (
            <Form method="post" className="actions">
              <button type="submit" name="intent" value="portal-letter" className="button secondary">
                Besluitbrief in het ouderportaal zetten
              </button>
              {m.kind === 'time_out' || m.kind === 'schorsing' ? (
                <button type="submit" name="intent" value="portal-report" className="button secondary">
                  Verslag in het ouderportaal zetten
                </button>
              ) : null}
            </Form>
          ) : null}
        </section>
      ) : null}
      <h2>Geschiedenis</h2>
      <ol className="history">
        {m.transitions.map((t, i) => (
          <li key={i}>
            {formatDateTimeLong(t.at)}: {t.fromLabel && t.from !== t.to ? `${t.fromLabel} → ` : ''}
            {t.toLabel}
            {t.by ? ` · door ${t.by}` : ''}
            {t.reason ? <span className="muted"> — {t.reason}</span> : null}
          </li>
        ))}
      </ol>
    </article>
  )
}

type LoadedMeasure = ReturnType<typeof useLoaderData<typeof loader>>['measure']

/**
 * The decision asked once more, with what it decides on: the pupil, the period, the reasons and the
 * legal check beside its source. The board (or the directeur under mandate) confirms or goes back.
 */
function DecisionConfirmation({ measure: m, step, periodRule, ruleSetTitle, onCancel }: {
  measure: LoadedMeasure
  step: { to: string; label: string }
  periodRule: ReturnType<typeof useLoaderData<typeof loader>>['periodRule']
  ruleSetTitle: string
  onCancel: () => void
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <Form method="post" className="confirm card" aria-labelledby="confirm-h">
      <h3 id="confirm-h" tabIndex={-1} ref={ref}>
        Bevestigen: {step.label.toLowerCase()}
      </h3>
      <dl className="facts">
        <dt>Leerling</dt>
        <dd>
          {m.studentName} <span className="muted">({m.schoolName})</span>
        </dd>
        {m.startsOn ? (
          <>
            <dt>Periode</dt>
            <dd>
              {formatDate(m.startsOn)}
              {m.endsOn && m.endsOn !== m.startsOn ? ` tot en met ${formatDate(m.endsOn)}` : ''}
              {m.schoolDays ? ` (${schoolDaysText(m.schoolDays)})` : ''}
            </dd>
          </>
        ) : null}
        <dt>Redenen</dt>
        <dd className="prewrap">{m.reasons}</dd>
        {m.skipJustification ? (
          <>
            <dt>Onderbouwing overgeslagen stap</dt>
            <dd className="prewrap">{m.skipJustification}</dd>
          </>
        ) : null}
        <dt>Toets aan de wet</dt>
        <dd>
          {ruleSetTitle}
          {periodRule ? (
            <p className="pr-note">
              {periodRule.text} <span className="pr-source">({periodRule.source})</span>
              {m.schoolDays && periodRule.max !== null
                ? m.schoolDays <= periodRule.max
                  ? ` Deze schorsing: ${schoolDaysText(m.schoolDays)}, binnen de grens.`
                  : ` Deze schorsing: ${schoolDaysText(m.schoolDays)}, boven de grens.`
                : ''}
              {periodRule.status.includes('onzeker') ? <span className="badge pr-uncertain">Onzeker</span> : null}
            </p>
          ) : null}
        </dd>
      </dl>
      <input type="hidden" name="to" value={step.to} />
      <input type="hidden" name="expectedState" value={m.state} />
      <div className="actions">
        <button type="submit">Ja, {step.label.toLowerCase()}</button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Terug
        </button>
      </div>
    </Form>
  )
}

type PendingProps = {
  measure: {
    id: string
    studentId: string
    state: string
    stateLabel: string
    schorsingenPending: { id: string; stateLabel: string; startsOn: string | null; endsOn: string | null; schoolDays: number | null; running: boolean }[] | null
  }
  canPropose: boolean
}

/** The schorsingen pending this verwijdering; after it ends, which of them still run. */
function PendingSchorsingen({ measure: m, canPropose }: PendingProps) {
  const list = m.schorsingenPending ?? []
  const closed = m.state === 'definitive' || m.state === 'withdrawn'
  const running = list.filter((s) => s.running)
  return (
    <section aria-labelledby="pending-h">
      <h2 id="pending-h">Schorsingen hangende deze verwijdering</h2>
      <p className="muted">Zolang er nog geen andere school is gevonden, blijft de leerling ingeschreven; in die periode mag de leerling worden geschorst.</p>
      {closed && running.length ? (
        <div className="notice" role="status">
          De verwijdering is {m.stateLabel}; {running.length === 1 ? 'deze schorsing loopt nog' : `deze ${running.length} schorsingen lopen nog`}:{' '}
          {running.map((s, i) => (
            <span key={s.id}>
              {i ? ', ' : ''}
              <Link to={`/maatregelen/${s.id}`} className="inline-link">
                {s.startsOn ? formatDate(s.startsOn) : 'schorsing'}
              </Link>{' '}
              ({s.stateLabel})
            </span>
          ))}
          . Baken sluit ze niet vanzelf af.
        </div>
      ) : null}
      {list.length ? (
        <ul>
          {list.map((s) => (
            <li key={s.id}>
              <Link to={`/maatregelen/${s.id}`} className="inline-link">
                Schorsing{s.startsOn ? ` ${formatDate(s.startsOn)}` : ''}
                {s.endsOn && s.endsOn !== s.startsOn ? ` tot en met ${formatDate(s.endsOn)}` : ''}
              </Link>
              {s.schoolDays ? ` (${schoolDaysText(s.schoolDays)})` : ''} <span className="badge">{s.stateLabel}</span>
              {closed && s.running ? <strong> · loopt nog</strong> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Geen.</p>
      )}
      {canPropose && !closed ? (
        <p>
          <Link to={`/maatregelen/nieuw?kind=schorsing&studentId=${m.studentId}&pendingRemovalId=${m.id}`}>Schorsing hangende deze verwijdering voorstellen</Link>
        </p>
      ) : null}
    </section>
  )
}
