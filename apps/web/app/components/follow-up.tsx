// Follow-up on an incident: tasks (§4 victim care and others), and for zeer ernstig incidents the
// parents' report and its "voor gezien" acknowledgement. Forms post to the incident page's action;
// the acknowledgement's form serves the measure page too.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatDate } from '~/lib/format.ts'
import { ErrorSummary, ValueOptions } from './form-parts.tsx'

export interface TaskView {
  id: string
  kind: string
  title: string
  description: string | null
  ownerName: string | null
  dueOn: string
  doneAt: string | Date | null
  doneByName: string | null
  note: string | null
  overdue: boolean
  canUpdate: boolean
}

export interface ProposalView {
  kind: string
  title: string
  description: string
  source: string
  dueOn: string
  planned?: boolean
}

export interface FollowUpProps {
  tasks: TaskView[]
  proposals: ProposalView[]
  staff: { id: string; name: string; role: string }[]
  me: string
  canPlan: boolean
  errors: { path: string; message: string }[]
  zeerErnstig: boolean
  submitted: boolean
  canAcknowledge: boolean
  acknowledgements: { id: string; guardianName: string; acknowledgedOn: string; method: string; studentName?: string | null; reaction?: string | null; portalItemId?: string | null }[]
  pupils: { studentId: string; name: string }[]
  incidentId: string
  today: string
}

const METHODS = ['op school getekend', 'digitaal', 'per post', 'mondeling bevestigd']

/**
 * A staff member's record that a parent signed "voor gezien" on paper, at school or by word of
 * mouth (an incident's report, a measure's letter or report): what was signed (the children),
 * then who, when and how; posted with intent "acknowledge" to the page's action.
 */
export function AcknowledgementForm({ summary, today, methods, children }: { summary: string; today: string; methods: readonly string[]; children: ReactNode }) {
  return (
    <details className="section">
      <summary>{summary}</summary>
      <Form method="post">
        <div className="two-col">
          {children}
          <div className="field">
            <label htmlFor="ack-name">Naam ouder/verzorger</label>
            <input id="ack-name" name="guardianName" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="ack-date">Datum</label>
            <input id="ack-date" name="acknowledgedOn" type="date" required defaultValue={today} />
          </div>
          <div className="field">
            <label htmlFor="ack-method">Hoe</label>
            <select id="ack-method" name="method">
              <ValueOptions values={methods} />
            </select>
          </div>
        </div>
        <button type="submit" name="intent" value="acknowledge">
          Vastleggen
        </button>
      </Form>
    </details>
  )
}

const stepsText = (n: number) => (n === 1 ? '1 stap' : `${n} stappen`)

export function FollowUp(p: FollowUpProps) {
  return (
    <section aria-labelledby="follow-up-h" className="card">
      <h2 id="follow-up-h">Nazorg en vervolg</h2>
      <ErrorSummary errors={p.errors} title="Niet vastgelegd." />
      {p.tasks.length === 0 ? <p>Nog geen taken.</p> : null}
      <ul className="tasks">
        {p.tasks.map((t) => (
          <li key={t.id} className={t.overdue ? 'task overdue' : 'task'}>
            <strong>{t.title}</strong> · {t.ownerName ?? '—'} · uiterlijk {formatDate(t.dueOn)}
            {t.doneAt ? (
              <span className="badge">afgerond{t.doneByName ? ` door ${t.doneByName}` : ''}</span>
            ) : t.overdue ? (
              <span className="badge severity-zeer_ernstig">te laat</span>
            ) : null}
            {t.note ? <p className="muted">{t.note}</p> : null}
            {!t.doneAt && t.canUpdate ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="taskId" value={t.id} />
                <label htmlFor={`note-${t.id}`}>Notitie bij afronden</label>
                <input id={`note-${t.id}`} name="note" maxLength={4000} />
                <button type="submit" name="intent" value="complete-task" className="button secondary">
                  Afronden
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {p.canPlan && p.submitted ? (
        <>
          {p.proposals.filter((x) => !x.planned).length ? (
            // Open while there are steps to plan: planning one keeps the list open for the next.
            <details className="section" open id="nazorg">
              <summary>Nazorg volgens het protocol (§4) inplannen</summary>
              <Form method="post" className="plan-all">
                <button type="submit" name="intent" value="plan-all-tasks">
                  Alles inplannen ({stepsText(p.proposals.filter((x) => !x.planned).length)}, voor u)
                </button>
              </Form>
              <ul className="proposals">
                {p.proposals
                  .filter((x) => !x.planned)
                  .map((x) => (
                    <li key={x.kind}>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="kind" value={x.kind} />
                        <input type="hidden" name="title" value={x.title} />
                        <input type="hidden" name="description" value={x.description} />
                        <input type="hidden" name="dueOn" value={x.dueOn} />
                        <input type="hidden" name="ownerId" value={p.me} />
                        <span>
                          {x.title} <span className="muted">(uiterlijk {formatDate(x.dueOn)})</span>
                        </span>
                        <button type="submit" name="intent" value="add-task" className="button secondary">
                          Inplannen
                        </button>
                      </Form>
                    </li>
                  ))}
              </ul>
              <p className="muted">{p.proposals[0]?.source}</p>
            </details>
          ) : null}
          <details className="section">
            <summary>Eigen taak toevoegen</summary>
            <Form method="post">
              <input type="hidden" name="kind" value="overig" />
              <div className="field">
                <label htmlFor="task-title">Taak</label>
                <input id="task-title" name="title" required maxLength={200} />
              </div>
              <div className="two-col">
                <div className="field">
                  <label htmlFor="task-owner">Wie</label>
                  <select id="task-owner" name="ownerId" defaultValue={p.me}>
                    {p.staff.map((s) => (
                      <option key={`${s.id}-${s.role}`} value={s.id}>
                        {s.name} ({s.role})
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="task-due">Uiterlijk</label>
                  <input id="task-due" name="dueOn" type="date" required defaultValue={p.today} />
                </div>
              </div>
              <button type="submit" name="intent" value="add-task">
                Taak toevoegen
              </button>
            </Form>
          </details>
        </>
      ) : null}
      {p.zeerErnstig && p.submitted ? (
        <>
          <h3>Verslag voor de ouders</h3>
          <p className="muted">Bij een zeer ernstig incident ontvangen de ouders het verslag en tekenen het voor gezien. Andere leerlingen staan er niet met naam in.</p>
          <ul>
            {p.pupils.map((x) => (
              <li key={x.studentId}>
                <a href={`/api/v1/incidents/${p.incidentId}/parent-report.pdf?studentId=${x.studentId}`}>Verslag voor de ouders van {x.name} (PDF)</a>
              </li>
            ))}
          </ul>
          {p.acknowledgements.length ? (
            <ul>
              {p.acknowledgements.map((a) => (
                <li key={a.id}>
                  Voor gezien getekend door {a.guardianName} op {formatDate(a.acknowledgedOn)} ({a.method})
                  {a.studentName ? `, ouder van ${a.studentName}` : ''}
                  {a.portalItemId ? ' · via het ouderportaal' : ''}
                  {a.reaction ? (
                    <>
                      <br />
                      Reactie: <q className="prewrap">{a.reaction}</q>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>Nog niet voor gezien getekend.</p>
          )}
          {p.canAcknowledge ? (
            <AcknowledgementForm summary="Voor gezien vastleggen" today={p.today} methods={METHODS}>
              <div className="field">
                <label htmlFor="ack-student">Ouder van</label>
                <select id="ack-student" name="studentId">
                  {p.pupils.map((x) => (
                    <option key={x.studentId} value={x.studentId}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </div>
            </AcknowledgementForm>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
