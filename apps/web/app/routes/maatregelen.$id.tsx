import { completeMeasureTask, getMeasure, listLetters, listMeasureAcknowledgements, localDate, recordLetterSent, recordRemovalHearing, releaseMeasureLetter, releaseMeasureReport, renderLetter, ruleOf, ruleSetOf, ruleView, runUseCase, transitionMeasure, mayRun } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { formatDate, formatDateTime } from '~/lib/format.ts'
import { MeasureBezwaar } from '~/components/measure-bezwaar.tsx'
import { bezwaarAction, isBezwaarIntent, loadMeasureBezwaar, measureFormInput } from '~/lib/measure-bezwaar.server.ts'
import { perform, refusalData, requireUseCase, caseContextOf } from '~/lib/use-case.server.ts'
import { MeasureLetters } from '~/components/measure-letters.tsx'
import { MeasureHearings } from '~/components/measure-hearings.tsx'

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
    return { measure, bezwaar, letters, acknowledgements: acks.ok ? acks.items : [] }
  })
  if (!found) throw data('Niet gevonden', { status: 404 })
  const { measure, bezwaar, letters, acknowledgements } = found
  // The rule behind the period of a schorsing, with its status ("Onzeker" where the law is not checked).
  const periodRule = measure.kind === 'schorsing' ? ruleView(ruleOf(ruleSetOf(measure), 'schorsing.maxSchooldagen')) : null
  return {
    measure,
    periodRule,
    // Tasks are completed by the school (completeMeasureTask), not by the board in a stichting context.
    canUpdate: mayRun(completeMeasureTask, ctx.ability) && ctx.tenant.schoolId !== null,
    canPropose: ctx.ability.can('create', 'Measure'),
    // The directeur and the IB put the decision letter or the report in the parents' portal (ADR 033).
    canRelease: mayRun(releaseMeasureLetter, ctx.ability) && ctx.tenant.schoolId !== null,
    bezwaar,
    letters,
    acknowledgements,
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
  const { measure: m, canUpdate, canPropose, canRelease, bezwaar, letters, acknowledgements, today, periodRule } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
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
              {m.schoolDays ? ` (${m.schoolDays} schooldagen)` : ''}
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
          {m.ruleSetId} ({m.sector})
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
      {m.next.length ? (
        <section aria-labelledby="next-h">
          <h2 id="next-h">Volgende stap</h2>
          {m.next.map((n) => (
            <Form method="post" key={n.to} className="inline-form">
              <input type="hidden" name="to" value={n.to} />
              <input type="hidden" name="expectedState" value={m.state} />
              {n.needsReason ? (
                <>
                  <label htmlFor={`reason-${n.to}`}>Reden</label>
                  <input id={`reason-${n.to}`} name="reason" required />
                </>
              ) : null}
              <button type="submit" className={n.needsReason ? 'button secondary' : undefined}>
                {n.label}
              </button>
            </Form>
          ))}
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
      {canRelease && m.kind !== 'adempauze' ? (
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
        </section>
      ) : null}
      <h2>Geschiedenis</h2>
      <ol className="history">
        {m.transitions.map((t, i) => (
          <li key={i}>
            {formatDateTime(t.at)} · {t.by ?? '—'}: {t.fromLabel && t.from !== t.to ? `${t.fromLabel} → ` : ''}
            {t.toLabel}
            {t.reason ? <span className="muted"> — {t.reason}</span> : null}
          </li>
        ))}
      </ol>
    </article>
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
              {s.schoolDays ? ` (${s.schoolDays} schooldagen)` : ''} <span className="badge">{s.stateLabel}</span>
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
