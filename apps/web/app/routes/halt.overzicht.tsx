import { getHaltOverview, HALT_LABELS, haltOverviewInput } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'

/** Halt's overview: per school, per incident type, per month; completion; waiting time to intake. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getHaltOverview)
  // A period the page cannot read shows all referrals.
  const parsed = haltOverviewInput.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  const filter = parsed.success ? parsed.data : {}
  const outcome = await perform(ctx, getHaltOverview, filter)
  if (!outcome.ok) throw new Response('Geen toegang', { status: 403 })
  const { ok: _ok, ...overview } = outcome
  return { overview, filter: { from: filter.from ?? '', to: filter.to ?? '' }, labels: HALT_LABELS.incidentTypes }
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']

export default function HaltOverview() {
  const { overview: o, filter, labels } = useLoaderData<typeof loader>()
  const days = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} dagen`)
  return (
    <section>
      <p>
        <Link to="/halt">← Verwijzingen</Link>
      </p>
      <h1>Overzicht Halt-spreekuur</h1>
      <Form method="get" className="filters" aria-label="Periode">
        <div className="field">
          <label htmlFor="from">Verwezen vanaf</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="to">tot en met</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} />
        </div>
        <button type="submit">Toon</button>
      </Form>
      <div className="two-col">
        <section className="card" aria-labelledby="kpi-h">
          <h2 id="kpi-h">Kerncijfers</h2>
          <dl>
            <dt>Verwijzingen</dt>
            <dd data-testid="halt-total">{o.total}</dd>
            <dt>Afgerond (van afgesloten)</dt>
            <dd>
              {o.completion.completed} van {o.completion.closed}
              {o.completion.rate !== null ? ` (${Math.round(o.completion.rate * 100)}%)` : ''}
            </dd>
            <dt>Voortijdig gestopt / niet verschenen</dt>
            <dd>
              {o.completion.stoppedEarly} / {o.completion.didNotAppear}
            </dd>
            <dt>Wachttijd verwijzing → intake (mediaan)</dt>
            <dd>{days(o.waitingDays.median)}</dd>
            <dt>Wachttijd verwijzing → intake (90e percentiel)</dt>
            <dd>
              {days(o.waitingDays.p90)} <span className="muted">({o.waitingDays.count} met intake)</span>
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="school-h">
          <h2 id="school-h">Per school</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">Totaal</th>
                <th scope="col">Open</th>
                <th scope="col">Afgesloten</th>
              </tr>
            </thead>
            <tbody>
              {o.perSchool.map((s) => (
                <tr key={s.schoolId}>
                  <td>{s.schoolName}</td>
                  <td>{s.count}</td>
                  <td>{s.open}</td>
                  <td>{s.closed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="type-h">
          <h2 id="type-h">Per soort incident</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Soort</th>
                <th scope="col">Aantal</th>
              </tr>
            </thead>
            <tbody>
              {o.perType.map((t) => (
                <tr key={t.type}>
                  <td>{labels[t.type as keyof typeof labels] ?? t.type}</td>
                  <td>{t.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card" aria-labelledby="month-h">
          <h2 id="month-h">Per maand</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Maand</th>
                <th scope="col">Aantal</th>
              </tr>
            </thead>
            <tbody>
              {o.perMonth.map((m) => (
                <tr key={m.month}>
                  <td>
                    {MONTHS[Number(m.month.slice(5, 7)) - 1]} {m.month.slice(0, 4)}
                  </td>
                  <td>{m.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </section>
  )
}
