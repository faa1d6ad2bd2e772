// Reporting duties: the cases the caller may see, and opening a new one of
// either kind. Which cases appear is decided by RLS (migration 0023) and the ReportCase abilities.
import { listReportCases, mayRun, openReportCase } from '@baken/domain'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { formatDate } from '~/lib/format.ts'
import { perform } from '~/lib/use-case.server.ts'

export const meta: MetaFunction = () => [{ title: 'Meldplicht en meldcode · Baken' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  const canRead = mayRun(listReportCases, ctx.ability)
  const canOpen = mayRun(openReportCase, ctx.ability) && ctx.tenant.schoolId !== null
  if (!canRead && !canOpen) throw new Response('Geen toegang', { status: 403 })
  const listed = canRead ? await perform(ctx, listReportCases, {}) : null
  const items = listed?.ok ? listed.items : []
  return {
    canOpen,
    // The bevoegd gezag's own list: the reports made to the board.
    board: ctx.ability.can('decide', 'ReportCase'),
    items: items.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
  }
}

export default function ReportingIndex() {
  const { canOpen, board, items } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const sent = params.get('gemeld')
  return (
    <section>
      <div className="title-row">
        <h1>Meldplicht en meldcode</h1>
      </div>
      {sent ? (
        <p role="status">
          <strong>
            {sent === 'bestuur'
              ? 'Je melding is opgeslagen en het bestuur is geïnformeerd. Je hebt hiermee aan je meldplicht voldaan.'
              : 'De signalen zijn vastgelegd; de aandachtsfunctionaris zet de volgende stappen.'}
          </strong>
        </p>
      ) : null}
      <p>
        Twee wettelijke plichten, stap voor stap: het <strong>vermoeden van een zedendelict door een medewerker</strong> tegen een minderjarige leerling
        (meld je direct bij het bestuur) en de <strong>Meldcode huiselijk geweld en kindermishandeling</strong> (vijf stappen, met Veilig Thuis).
        Alleen wie de zaak behandelt, ziet haar.
      </p>
      {canOpen ? (
        <div className="card" aria-labelledby="open-h">
          <h2 id="open-h">Nieuwe melding</h2>
          <ul>
            <li>
              <Link to="/meldplicht/nieuw?soort=zedendelict_medewerker" className="button">
                Vermoeden zedendelict door een medewerker melden
              </Link>{' '}
              <span className="muted">Het bestuur wordt direct geïnformeerd.</span>
            </li>
            <li>
              <Link to="/meldplicht/nieuw?soort=meldcode" className="button secondary">
                Meldcode starten (zorgen over huiselijk geweld of kindermishandeling)
              </Link>
            </li>
          </ul>
        </div>
      ) : null}
      <h2>{board ? 'Meldingen aan het bestuur' : 'Zaken die je kunt zien'}</h2>
      {items.length === 0 ? (
        <p>Geen zaken.</p>
      ) : (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">Soort</th>
              <th scope="col">School</th>
              <th scope="col">Geopend</th>
              <th scope="col">Stand</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id}>
                <td data-label="Soort">
                  <Link to={`/meldplicht/${c.id}`}>{c.kindLabel}</Link>
                  {c.mine ? <span className="muted"> · door jou geopend</span> : null}
                </td>
                <td data-label="School">{c.schoolName}</td>
                <td data-label="Geopend">{formatDate(c.createdAt)}</td>
                <td data-label="Stand">
                  {c.stateLabel}
                  {c.closed ? <span className="badge">gesloten</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
