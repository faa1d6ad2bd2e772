// Bezwaar on a decided schorsing or verwijdering (received → hearing → decision, with the computed
// deadline; overdue in red) and, for a verwijdering, the search for another school (every attempt with
// its date and result, and the rule for a definitive verwijdering). Forms post to the measure page's
// action with their intent (lib/measure-bezwaar.server.ts).
import type { BezwaarView, RuleView } from '@baken/domain'
import { Form } from '@remix-run/react'
import { formatDate } from '~/lib/format.ts'
import { ValueOptions } from './form-parts.tsx'

/** The rule beside a deadline. */
type DeadlineRule = RuleView

/** A bezwaar as the measure page shows it: the domain's view without the measure it belongs to. */
export type BezwaarItem = Omit<BezwaarView, 'measureId' | 'measureKind' | 'kindLabel' | 'studentName' | 'schoolId' | 'schoolName'>

export interface MeasureBezwaarProps {
  bezwaar: {
    objection: { decisionSentOn: string; sent: boolean; objectionDeadline: string; rule: string; decisionTerm: DeadlineRule } | null
    bezwaren: BezwaarItem[]
    may: { record: boolean; hearing: boolean; decide: boolean; postpone: boolean }
  } | null
  search: {
    attempts: { id: string; contactedOn: string; schoolName: string; result: string; note: string | null; recordedByName: string | null }[]
    rule: { text: string; source: string }
    check: { ok: boolean; message: string | null }
    mayRecord: boolean
    /** The search and its term start with the decision to remove. */
    decidedOn: string | null
    termEndsOn: string | null
  } | null
  today: string
  /** The bezwaar outcomes and search results the forms offer (the domain's lists, via the loader). */
  outcomes: string[]
  searchResults: string[]
}

/** The rule that sets the term, beside the deadline: its source, and "Onzeker" where it is not settled. */
function TermRule({ rule }: { rule: DeadlineRule }) {
  return (
    <span className="pr-source" title={rule.text}>
      {' '}
      ({rule.source}){rule.status.includes('onzeker') ? <span className="badge pr-uncertain">Onzeker</span> : null}
    </span>
  )
}

function Deadline({ b }: { b: BezwaarItem }) {
  if (b.state === 'decided')
    return (
      <>
        uiterlijk {formatDate(b.decisionDueOn)}
        <TermRule rule={b.decisionTerm} />
      </>
    )
  if (b.overdue)
    return (
      <span className="error">
        te laat: beslissen had uiterlijk {formatDate(b.decisionDueOn)} gemoeten
        <TermRule rule={b.decisionTerm} />
      </span>
    )
  return (
    <>
      beslissen uiterlijk {formatDate(b.decisionDueOn)}
      <TermRule rule={b.decisionTerm} />
      {b.daysLeft !== null && b.daysLeft <= 7 ? <span className="badge severity-ernstig">nog {b.daysLeft} dagen</span> : null}
    </>
  )
}

export function MeasureBezwaar({ bezwaar, search, today, outcomes, searchResults }: MeasureBezwaarProps) {
  const open = bezwaar?.bezwaren.some((b) => b.state !== 'decided') ?? false
  return (
    <>
      {bezwaar ? (
        <section aria-labelledby="bezwaar-h">
          <h2 id="bezwaar-h">Bezwaar</h2>
          {bezwaar.objection && !bezwaar.objection.sent ? (
            <p className="muted">
              De brief met het besluit is nog niet verzonden. De bezwaartermijn van {bezwaar.objection.rule} begint pas als de brief is verstuurd.
            </p>
          ) : bezwaar.objection ? (
            <p className="muted">
              Besluit verzonden op {formatDate(bezwaar.objection.decisionSentOn)}; bezwaar kan tot en met {formatDate(bezwaar.objection.objectionDeadline)} (
              {bezwaar.objection.rule}). Beslistermijn: {bezwaar.objection.decisionTerm.text} ({bezwaar.objection.decisionTerm.source})
            </p>
          ) : (
            <p className="muted">Bezwaar kan pas als het besluit is genomen.</p>
          )}
          {bezwaar.bezwaren.length ? (
            <ul className="tasks">
              {bezwaar.bezwaren.map((b) => (
                <li key={b.id} className={b.overdue ? 'task overdue' : 'task'}>
                  <strong>Bezwaar ontvangen op {formatDate(b.receivedOn)}</strong> <span className="badge">{b.stateLabel}</span> · <Deadline b={b} />
                  {b.receivedVia === 'portaal' ? <p className="muted">Ontvangen via het ouderportaal.</p> : null}
                  {b.grounds ? <p>Gronden van het bezwaar: {b.grounds}</p> : null}
                  {b.late ? <p className="muted">{b.receivedVia === 'portaal' ? 'Na de bezwaartermijn ontvangen; reden van de indiener' : 'Te laat ontvangen, verschoonbaar'} (Awb art. 6:11): {b.lateReason}</p> : null}
                  {b.committeeFrom && b.committeeUntil ? (
                    <p className="muted">
                      Geschillencommissie {formatDate(b.committeeFrom)} tot en met {formatDate(b.committeeUntil)}: de beslistermijn is zo lang opgeschort.
                    </p>
                  ) : null}
                  {b.advisoryCommittee ? <p className="muted">Een adviescommissie behandelt het bezwaar (Awb art. 7:13): twaalf weken om te beslissen.</p> : null}
                  {b.postponedOn ? <p className="muted">Beslissing verdaagd met bericht van {formatDate(b.postponedOn)} (Awb art. 7:10 lid 3).</p> : null}
                  {b.hearingOn ? <p>Hoorzitting gehouden op {formatDate(b.hearingOn)}.</p> : null}
                  {b.state !== 'decided' && !b.postponedOn && bezwaar.may.postpone ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="bezwaarId" value={b.id} />
                      <div>
                        <label htmlFor={`postpone-${b.id}`}>Verdaagd met bericht aan de indiener op</label>
                        <input id={`postpone-${b.id}`} name="noticeOn" type="date" max={today} defaultValue={today} required />
                      </div>
                      <button type="submit" name="intent" value="bezwaar-postpone" className="button secondary">
                        Beslissing zes weken verdagen
                      </button>
                    </Form>
                  ) : null}
                  {b.state === 'decided' ? (
                    <p>
                      Beslist op {formatDate(b.decidedOn!)}: <strong>{b.outcome}</strong>
                      {b.decidedByName ? ` (${b.decidedByName})` : ''}
                      {b.reasons ? <span className="prewrap"> — {b.reasons}</span> : null}
                    </p>
                  ) : null}
                  {b.state === 'received' && bezwaar.may.hearing ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="bezwaarId" value={b.id} />
                      <div>
                        <label htmlFor={`hearing-${b.id}`}>Hoorzitting gehouden op</label>
                        <input id={`hearing-${b.id}`} name="hearingOn" type="date" max={today} required />
                      </div>
                      <button type="submit" name="intent" value="bezwaar-hearing" className="button secondary">
                        Hoorzitting vastleggen
                      </button>
                    </Form>
                  ) : null}
                  {b.state === 'hearing_held' && bezwaar.may.decide ? (
                    <Form method="post">
                      <input type="hidden" name="bezwaarId" value={b.id} />
                      <div className="two-col">
                        <div className="field">
                          <label htmlFor={`decided-${b.id}`}>Beslist op</label>
                          <input id={`decided-${b.id}`} name="decidedOn" type="date" max={today} defaultValue={today} required />
                        </div>
                        <div className="field">
                          <label htmlFor={`outcome-${b.id}`}>Beslissing op bezwaar</label>
                          <select id={`outcome-${b.id}`} name="outcome" required defaultValue="">
                            <option value="" disabled>
                              Kies…
                            </option>
                            <ValueOptions values={outcomes} />
                          </select>
                        </div>
                      </div>
                      <div className="field">
                        <label htmlFor={`reasons-${b.id}`}>Motivering</label>
                        <input id={`reasons-${b.id}`} name="reasons" required minLength={10} />
                      </div>
                      <button type="submit" name="intent" value="bezwaar-decide">
                        Beslissen op bezwaar
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>Geen bezwaar ontvangen.</p>
          )}
          {bezwaar.may.record && !open ? (
            <details>
              <summary>Bezwaar vastleggen</summary>
              <Form method="post">
                <div className="field">
                  <label htmlFor="bezwaar-received">Ontvangen op</label>
                  <input id="bezwaar-received" name="receivedOn" type="date" max={today} required />
                </div>
                <div className="two-col">
                  <div className="field">
                    <label htmlFor="bezwaar-committee-from">Geschillencommissie vanaf (als die adviseert)</label>
                    <input id="bezwaar-committee-from" name="committeeFrom" type="date" />
                  </div>
                  <div className="field">
                    <label htmlFor="bezwaar-committee-until">tot en met</label>
                    <input id="bezwaar-committee-until" name="committeeUntil" type="date" />
                  </div>
                </div>
                <label className="check">
                  <input type="checkbox" name="late" /> Te laat ontvangen, maar verschoonbaar (Awb art. 6:11)
                </label>
                {bezwaar.objection?.decisionTerm.key === 'schorsing.bezwaarBeslistermijn' ? (
                  <label className="check">
                    <input type="checkbox" name="advisoryCommittee" /> Een adviescommissie behandelt het bezwaar (Awb art. 7:13; twaalf weken om te beslissen)
                  </label>
                ) : null}
                <div className="field">
                  <label htmlFor="bezwaar-late-reason">Waarom verschoonbaar (alleen bij te laat)</label>
                  <input id="bezwaar-late-reason" name="lateReason" />
                </div>
                <button type="submit" name="intent" value="bezwaar-record">
                  Bezwaar vastleggen
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}
      {search ? (
        <section aria-labelledby="search-h">
          <h2 id="search-h">Zoeken naar een andere school</h2>
          <p className="muted">
            {search.rule.text} ({search.rule.source})
          </p>
          {search.decidedOn ? (
            <p>
              {search.termEndsOn
                ? `De termijn loopt vanaf het besluit tot verwijdering op ${formatDate(search.decidedOn)} en is om op ${formatDate(search.termEndsOn)}. Alleen zoekpogingen vanaf het besluit tellen.`
                : `Het zoeken begint met het besluit tot verwijdering op ${formatDate(search.decidedOn)}; alleen zoekpogingen vanaf die dag tellen.`}
            </p>
          ) : null}
          {search.check.ok ? <p>Aan deze voorwaarde is voldaan: de verwijdering kan definitief worden.</p> : search.attempts.length ? <p className="muted">{search.check.message}</p> : null}
          {search.attempts.length ? (
            <table className="table-responsive">
              <thead>
                <tr>
                  <th scope="col">Datum</th>
                  <th scope="col">School</th>
                  <th scope="col">Resultaat</th>
                  <th scope="col">Notitie</th>
                </tr>
              </thead>
              <tbody>
                {search.attempts.map((a) => (
                  <tr key={a.id}>
                    <td data-label="Datum">{formatDate(a.contactedOn)}</td>
                    <td data-label="School">{a.schoolName}</td>
                    <td data-label="Resultaat">{a.result}</td>
                    <td data-label="Notitie">
                      {a.note ?? '—'}
                      {a.recordedByName ? <span className="muted"> · {a.recordedByName}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Nog geen zoekpogingen vastgelegd.</p>
          )}
          {search.mayRecord ? (
            <Form method="post">
              <h3>Zoekpoging vastleggen</h3>
              <div className="two-col">
                <div className="field">
                  <label htmlFor="search-date">Contact op</label>
                  <input id="search-date" name="contactedOn" type="date" min={search.decidedOn ?? undefined} max={today} defaultValue={today} required />
                </div>
                <div className="field">
                  <label htmlFor="search-school">School of instelling</label>
                  <input id="search-school" name="schoolName" required minLength={2} maxLength={200} />
                </div>
                <div className="field">
                  <label htmlFor="search-result">Resultaat</label>
                  <select id="search-result" name="result" required defaultValue="">
                    <option value="" disabled>
                      Kies…
                    </option>
                    <ValueOptions values={searchResults} />
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="search-note">Notitie</label>
                  <input id="search-note" name="note" maxLength={4000} />
                </div>
              </div>
              <button type="submit" name="intent" value="search-attempt">
                Zoekpoging vastleggen
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
