import { listMeasures, MEASURE_LABELS, mayRun, proposeMeasure } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { formatDate, schoolDaysText } from '~/lib/format.ts'

/** Measures of the school, or for the board: the approvals queue and all open cases of its schools. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listMeasures)
  const listed = await perform(ctx, listMeasures, {})
  const items = listed.ok ? listed.items : []
  // The board oversees all its schools (CASL 'Oversight'): it sees the queue of its decisions.
  const board = ctx.ability.can('read', 'Oversight')
  return {
    board,
    // What waits for the board's decision (ADR 007): proposed schorsingen, verwijderingen after the hearings.
    queue: items.filter((m) => (m.kind === 'schorsing' && m.state === 'proposed') || (m.kind === 'verwijdering' && m.state === 'hearings_recorded')),
    items,
    canPropose: mayRun(proposeMeasure, ctx.ability),
    labels: MEASURE_LABELS,
  }
}

export default function Measures() {
  const { board, queue, items, canPropose } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="title-row">
        <h1>Maatregelen</h1>
        {canPropose ? (
          <Link to="/maatregelen/nieuw" className="button">
            Maatregel voorstellen
          </Link>
        ) : null}
      </div>
      {queue.length > 0 ? (
        <section className="card" aria-labelledby="queue-h">
          <h2 id="queue-h">{board ? 'Wacht op besluit van het bestuur' : 'Wacht op het bevoegd gezag'} ({queue.length})</h2>
          <ul>
            {queue.map((m) => (
              <li key={m.id}>
                <Link to={`/maatregelen/${m.id}`}>
                  {m.kindLabel} · {m.studentName}
                </Link>{' '}
                <span className="muted">
                  {m.schoolName}
                  {m.schoolDays ? ` · ${m.schoolDays} schooldagen vanaf ${formatDate(m.startsOn!)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {items.length === 0 ? (
        <p>Geen maatregelen.</p>
      ) : (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">Maatregel</th>
              <th scope="col">Leerling</th>
              {board ? <th scope="col">School</th> : null}
              <th scope="col">Periode</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td data-label="Maatregel">
                  <Link to={`/maatregelen/${m.id}`}>{m.kindLabel}</Link>
                </td>
                <td data-label="Leerling">{m.studentName}</td>
                {board ? <td data-label="School">{m.schoolName}</td> : null}
                <td data-label="Periode">
                  {m.startsOn ? `${formatDate(m.startsOn)}${m.endsOn && m.endsOn !== m.startsOn ? ` – ${formatDate(m.endsOn)}` : ''}` : '—'}
                  {m.schoolDays ? ` (${schoolDaysText(m.schoolDays)})` : ''}
                </td>
                <td data-label="Stand">{m.stateLabel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
