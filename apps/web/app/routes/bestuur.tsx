import { getBoardOversight } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { formatDate } from '~/lib/format.ts'
import { schooljaarFromRequest } from '~/lib/schooljaar.server.ts'
import { IncidentCountsTable } from '~/components/incident-counts.tsx'

/**
 * /bestuur — the board's oversight for the bestuurder only: the approvals queue, deadlines
 * at risk, open and recent schorsingen and verwijderingen of all schools, and counts per school.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getBoardOversight)
  const { schooljaar } = schooljaarFromRequest(request)
  const oversight = await perform(ctx, getBoardOversight, { schooljaar })
  if (!oversight.ok) throw data('Geen toegang', { status: 403 })
  const { ok: _ok, ...view } = oversight
  return view
}

const KIND_COLUMNS = [
  ['time_out', 'Time-outs'],
  ['schorsing', 'Schorsingen'],
  ['verwijdering', 'Verwijderingen'],
] as const

export default function BoardOversight() {
  const o = useLoaderData<typeof loader>()
  const atRisk = o.deadlines.inspectie.length + o.deadlines.bezwaren.length
  const [start] = o.schooljaar.split('-').map(Number) as [number]
  return (
    <section>
      <div className="title-row">
        <h1>Bestuur · {o.stichting.name}</h1>
        <p className="muted">
          Schooljaar {o.schooljaar} · <Link to={`/bestuur?schooljaar=${start - 1}-${start}`}>vorig</Link> ·{' '}
          <Link to={`/bestuur?schooljaar=${start + 1}-${start + 2}`}>volgend</Link>
        </p>
      </div>

      <section className="card" aria-labelledby="queue-h">
        <h2 id="queue-h">Wacht op besluit van het bestuur ({o.queue.length})</h2>
        {o.queue.length === 0 ? (
          <p>Niets wacht op een besluit.</p>
        ) : (
          <ul>
            {o.queue.map((m) => (
              <li key={m.id}>
                <Link to={`/maatregelen/${m.id}`}>
                  {m.kindLabel} · {m.studentName}
                </Link>{' '}
                <span className="muted">
                  {m.schoolName} · {m.stateLabel}
                  {m.schoolDays && m.startsOn ? ` · ${m.schoolDays} schooldagen vanaf ${formatDate(m.startsOn)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="risk-h">
        <h2 id="risk-h">Termijnen in gevaar ({atRisk})</h2>
        {atRisk === 0 ? <p>Geen termijnen in gevaar.</p> : null}
        <ul className="tasks">
          {o.deadlines.inspectie.map((t) => (
            <li key={t.taskId} className={t.overdue ? 'task overdue' : 'task'}>
              <Link to={`/maatregelen/${t.measureId}`}>{t.kind === 'inspectie_melding' ? 'Melding aan de Inspectie nog niet gedaan' : `Nog niet gedaan: ${t.title}`}</Link> · {t.studentName} · {t.schoolName} ·{' '}
              <span className={t.overdue ? 'error' : undefined}>onverwijld, uiterlijk {formatDate(t.dueOn)}</span>
            </li>
          ))}
          {o.deadlines.bezwaren.map((b) => (
            <li key={b.id} className={b.overdue ? 'task overdue' : 'task'}>
              <Link to={`/maatregelen/${b.measureId}`}>Beslissing op bezwaar</Link> · {b.kindLabel} · {b.studentName} · {b.schoolName} ·{' '}
              {b.overdue ? (
                <span className="error">te laat: uiterlijk {formatDate(b.decisionDueOn)}</span>
              ) : (
                <>
                  uiterlijk {formatDate(b.decisionDueOn)} <span className="badge severity-ernstig">nog {b.daysLeft} dagen</span>
                </>
              )}{' '}
              <span className="muted">({b.stateLabel})</span>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="cases-h">
        <h2 id="cases-h">Schorsingen en verwijderingen: lopend en de laatste 90 dagen ({o.measures.length})</h2>
        {o.measures.length === 0 ? (
          <p>Geen schorsingen of verwijderingen.</p>
        ) : (
          <table className="table-responsive">
            <thead>
              <tr>
                <th scope="col">Maatregel</th>
                <th scope="col">Leerling</th>
                <th scope="col">School</th>
                <th scope="col">Periode</th>
                <th scope="col">Stand</th>
              </tr>
            </thead>
            <tbody>
              {o.measures.map((m) => (
                <tr key={m.id}>
                  <td data-label="Maatregel">
                    <Link to={`/maatregelen/${m.id}`}>{m.kindLabel}</Link>
                  </td>
                  <td data-label="Leerling">{m.studentName}</td>
                  <td data-label="School">{m.schoolName}</td>
                  <td data-label="Periode">
                    {m.startsOn ? `${formatDate(m.startsOn)}${m.endsOn && m.endsOn !== m.startsOn ? ` – ${formatDate(m.endsOn)}` : ''}` : '—'}
                  </td>
                  <td data-label="Stand">
                    {m.stateLabel}
                    {m.open ? '' : ' (afgerond)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="per-school-h">
        <h2 id="per-school-h">Maatregelen per school, schooljaar {o.schooljaar}</h2>
        <p className="muted">Zonder afgewezen of ingetrokken maatregelen; geteld op de begindatum, anders de dag van het voorstel.</p>
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">School</th>
              {KIND_COLUMNS.map(([k, label]) => (
                <th scope="col" key={k}>
                  {label}
                </th>
              ))}
              <th scope="col">Totaal</th>
            </tr>
          </thead>
          <tbody>
            {o.measuresPerSchool.map((s) => (
              <tr key={s.schoolId}>
                <td data-label="School">
                  {s.name} <span className="muted">({s.sector})</span>
                </td>
                {KIND_COLUMNS.map(([k, label]) => (
                  <td data-label={label} key={k}>
                    {s.counts[k]}
                  </td>
                ))}
                <td data-label="Totaal">{s.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="incidents-h">
        <h2 id="incidents-h">Incidenten per school, schooljaar {o.schooljaar}</h2>
        <IncidentCountsTable rows={o.incidentsPerSchool} />
      </section>

      <section className="card" aria-labelledby="iris-h">
        <h2 id="iris-h">Scholen vergeleken op soort incident (IRIS), schooljaar {o.schooljaar}</h2>
        <p className="muted">Aantallen ingediende incidenten per IRIS-voorval; de inhoud blijft bij de school.</p>
        {o.irisComparison.rows.length === 0 ? (
          <p>Geen incidenten in dit schooljaar.</p>
        ) : (
          <table className="table-responsive">
            <thead>
              <tr>
                <th scope="col">Soort incident</th>
                {o.irisComparison.schools.map((s) => (
                  <th scope="col" key={s.id}>
                    {s.name}
                  </th>
                ))}
                <th scope="col">Totaal</th>
              </tr>
            </thead>
            <tbody>
              {o.irisComparison.rows.map((r) => (
                <tr key={r.code}>
                  <td data-label="Soort incident">
                    {r.label} <span className="muted">(IRIS {r.code})</span>
                  </td>
                  {o.irisComparison.schools.map((s) => (
                    <td data-label={s.name} key={s.id}>
                      {r.perSchool[s.id] ?? 0}
                    </td>
                  ))}
                  <td data-label="Totaal">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}
