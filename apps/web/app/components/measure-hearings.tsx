// Hearings before a verwijdering: who the rule set says must be heard for this pupil (with
// the source), which hearings were recorded (date, summary), and a form to record one — including the
// vo Inspectie consultation. The form posts to the measure page's action (intent "removal-hearing").
// No @baken/* imports here: this file is part of the client bundle.
import { Form } from '@remix-run/react'
import { formatDate } from '~/lib/format.ts'

export interface MeasureHearingsProps {
  hearings: { id: string; party: string; partyLabel: string; heardOn: string; summary: string; recordedByName: string | null }[]
  required: { party: string; label: string; source: string; heard: boolean }[]
  complete: boolean
  message: string | null
  mayRecord: boolean
  today: string
}

export function MeasureHearings({ hearings, required, complete, message, mayRecord, today }: MeasureHearingsProps) {
  return (
    <section aria-labelledby="hearings-h">
      <h2 id="hearings-h">Horen vóór het besluit</h2>
      <ul className="checklist" style={{ listStyle: 'none' }}>
        {required.map((r) => (
          <li key={r.party}>
            {r.heard ? '✓' : '○'} {r.label} <span className="muted">({r.source})</span>
            {r.heard ? null : <span className="badge severity-ernstig">nog niet vastgelegd</span>}
          </li>
        ))}
      </ul>
      {complete ? <p role="status">Iedereen die de wet noemt is gehoord; het bevoegd gezag kan besluiten.</p> : message ? <p className="muted">{message}</p> : null}
      {hearings.length ? (
        <table className="table-responsive">
          <caption className="sr-only">Vastgelegde hoorgesprekken</caption>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Wie</th>
              <th scope="col">Samenvatting</th>
            </tr>
          </thead>
          <tbody>
            {hearings.map((h) => (
              <tr key={h.id}>
                <td data-label="Datum">{formatDate(h.heardOn)}</td>
                <td data-label="Wie">{h.partyLabel}</td>
                <td data-label="Samenvatting" className="prewrap">
                  {h.summary}
                  {h.recordedByName ? <span className="muted"> · {h.recordedByName}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nog geen hoorgesprekken vastgelegd.</p>
      )}
      {mayRecord && required.length ? (
        <Form method="post">
          <fieldset>
            <legend>Hoorgesprek vastleggen</legend>
            <div className="two-col">
              <div className="field">
                <label htmlFor="hearing-party">Wie is gehoord</label>
                <select id="hearing-party" name="party" required defaultValue={required.find((r) => !r.heard)?.party ?? required[0]!.party}>
                  {required.map((r) => (
                    <option key={r.party} value={r.party}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="hearing-date">Datum</label>
                <input id="hearing-date" name="heardOn" type="date" max={today} defaultValue={today} required />
              </div>
            </div>
            <div className="field">
              <label htmlFor="hearing-summary">Samenvatting</label>
              <textarea id="hearing-summary" name="summary" rows={3} required minLength={10} maxLength={10000} aria-describedby="hearing-summary-hint" />
              <p id="hearing-summary-hint" className="muted">
                Wat is besproken en wat de gehoorde partij naar voren bracht.
              </p>
            </div>
            <button type="submit" name="intent" value="removal-hearing">
              Hoorgesprek vastleggen
            </button>
          </fieldset>
        </Form>
      ) : null}
    </section>
  )
}
