import { guidanceForVoorval, listVersions, loadIncident, suggestSeverity } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { GuidancePanel } from '~/components/incident-form.tsx'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'
import { SEVERITY_TEXT, formatDate, formatDateTime } from '~/lib/format.ts'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const found = await inTenant(ctx, async (tx) => {
    const incident = await loadIncident(tx, ctx.ability, params.id ?? '')
    if (!incident) return null
    const canEdit = (await loadIncident(tx, ctx.ability, incident.id, 'update')) !== null
    return { incident, versions: await listVersions(tx, incident.id), canEdit }
  })
  // Another school's incident, a confidential one for the wrong role, someone else's draft: 404.
  if (!found) throw data('Niet gevonden', { status: 404 })
  const codes = found.incident.voorval.map((c) => c.code)
  return {
    ...found,
    suggestion: suggestSeverity({ ...found.incident, voorval: codes }),
    guidance: guidanceForVoorval(codes),
  }
}

function Yes({ value }: { value: boolean }) {
  return <>{value ? 'ja' : 'nee'}</>
}

export default function IncidentDetail() {
  const { incident: i, versions, canEdit, suggestion, guidance } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <div className="incident-layout">
      <article className="card">
        {params.get('opgeslagen') ? (
          <p role="status" className="notice">
            Opgeslagen (versie {i.version}).
          </p>
        ) : null}
        <p>
          <Link to="/incidenten">← Alle incidenten</Link>
        </p>
        <h1>
          {i.voorval.map((c) => c.label).join(', ')} <span className="muted">· {formatDateTime(i.occurredAt)}</span>
        </h1>
        <p>
          <span className={`badge severity-${i.severity}`}>{SEVERITY_TEXT[i.severity]}</span>{' '}
          {i.confidential ? <span className="badge">vertrouwelijk</span> : null}{' '}
          <span className="badge">{i.status === 'draft' ? 'concept' : 'ingediend'}</span>
        </p>
        <section aria-labelledby="severity-h">
          <h2 id="severity-h">Ernst</h2>
          <p>
            Voorgesteld volgens het protocol: <strong>{SEVERITY_TEXT[i.suggestedSeverity]}</strong>
            {i.severity !== i.suggestedSeverity ? (
              <>
                ; vastgesteld: <strong>{SEVERITY_TEXT[i.severity]}</strong>
              </>
            ) : null}
            .
          </p>
          {suggestion.rules.length ? (
            <ul>
              {suggestion.rules.map((r) => (
                <li key={r.id}>
                  {SEVERITY_TEXT[r.level]}: {r.text} <span className="muted">({r.source})</span>
                </li>
              ))}
            </ul>
          ) : null}
          {i.severityReason ? <p>Reden van verlagen: {i.severityReason}</p> : null}
        </section>
        <dl className="facts">
          <dt>Locatie</dt>
          <dd>{i.location?.label ?? '—'}{i.locationNote ? ` (${i.locationNote})` : ''}</dd>
          <dt>Situatie</dt>
          <dd className="prewrap">{i.situation}</dd>
          <dt>Verbale agressie</dt>
          <dd>
            <Yes value={i.verbalAggression} />
            {i.verbalAggression ? ` — ${[i.verbalForm, i.verbalAgainst && `tegen ${i.verbalAgainst}`].filter(Boolean).join(', ')}` : ''}
          </dd>
          <dt>Fysieke agressie</dt>
          <dd>
            <Yes value={i.physicalAggression} />
            {i.physicalAggression ? ` — ${[i.physicalForm, i.physicalAgainst && `tegen ${i.physicalAgainst}`].filter(Boolean).join(', ')}` : ''}
          </dd>
          <dt>Vernieling</dt>
          <dd>
            <Yes value={i.vandalism} />
            {i.vandalism ? ` — ${[i.vandalismForm, i.vandalismAgainst && `van ${i.vandalismAgainst}`].filter(Boolean).join(', ')}` : ''}
          </dd>
          {i.voorwerp.length ? (
            <>
              <dt>Voorwerpen</dt>
              <dd>{i.voorwerp.map((c) => c.label).join(', ')}</dd>
            </>
          ) : null}
          <dt>Motief</dt>
          <dd>{i.motive?.label ?? '—'}</dd>
          <dt>Analyse</dt>
          <dd className="prewrap">{i.analysis ?? '—'}</dd>
          <dt>Afhandeling</dt>
          <dd>{i.afhandeling.map((c) => c.label).join(', ') || '—'}</dd>
          <dt>Afspraken</dt>
          <dd className="prewrap">{i.agreements ?? '—'}</dd>
          <dt>Contact met ouders</dt>
          <dd>
            {i.parentsContacted
              ? `ja${i.parentsContactedAt ? `, ${formatDateTime(i.parentsContactedAt)}` : ''}${i.parentsContactedBy ? `, door ${i.parentsContactedBy}` : ''}`
              : 'nee'}
          </dd>
          <dt>Politie</dt>
          <dd>
            {i.policeReportKind
              ? `${i.policeReportKind} op ${i.policeReportedOn ? formatDate(i.policeReportedOn) : '?'}${i.policeReportedBy ? ` door ${i.policeReportedBy}` : ''}${i.policeOnBehalfOfVictim ? ', namens het slachtoffer' : ''}`
              : 'geen melding of aangifte'}
          </dd>
          <dt>Gemeld door</dt>
          <dd>{i.reportedByName ?? '—'}</dd>
        </dl>
        <h2>Betrokkenen</h2>
        <ul>
          {i.persons.map((p) => (
            <li key={p.id}>
              <strong>{p.role}</strong>:{' '}
              {p.studentId ? (
                <Link to={`/leerlingen/${p.studentId}`}>
                  {p.studentName} {p.groupName ? `(${p.groupName})` : ''}
                </Link>
              ) : (
                `${p.kind}: ${p.description}`
              )}
              {p.injury ? ` · letsel: ${p.injury}` : ''}
              {p.outcome ? ` · afloop: ${p.outcome}` : ''}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <p>
            <Link to={`/incidenten/${i.id}/bewerken`} className="button">
              Wijzigen
            </Link>
          </p>
        ) : null}
        <h2>Geschiedenis</h2>
        <ol className="history">
          {versions.map((v) => (
            <li key={v.version}>
              Versie {v.version}, {formatDateTime(v.changedAt)}, {v.changedBy ?? 'onbekend'}
              {v.version > 1 ? (
                <ul>
                  {(v.changes as unknown as { field: string; from: unknown; to: unknown }[]).map((c) => (
                    <li key={c.field}>
                      {c.field}: {JSON.stringify(c.from)} → {JSON.stringify(c.to)}
                    </li>
                  ))}
                </ul>
              ) : (
                ' (aangemaakt)'
              )}
            </li>
          ))}
        </ol>
      </article>
      <GuidancePanel guidance={guidance} />
    </div>
  )
}
