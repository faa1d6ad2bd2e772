import { buildParticipantView, decideBreakGlass, incidentAccessFacts, incidentNeedsReason, recordSubjectRead } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { inTenant, requireContext, requirePermission } from '~/lib/context.server.ts'
import { formatDateTime } from '~/lib/format.ts'

/**
 * One pupil's view of an incident, other pupils' names redacted: what the school may show that
 * pupil's parents, or hand over on an access request.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const studentId = params.studentId ?? ''
  const view = await inTenant(ctx, async (tx) => {
    // Access log: the incident as seen for this one pupil, logged for that pupil (the
    // others are not named on this page); a confidential incident asks the directeur for a reason.
    const facts = await incidentAccessFacts(tx, ctx.ability, params.id ?? '')
    if (!facts) return null
    const access = await decideBreakGlass(tx, ctx.tenant, facts, incidentNeedsReason(ctx.tenant, facts))
    if (!access.open) return { needsReason: true as const }
    const built = await buildParticipantView(tx, ctx.ability, ctx.tenant, facts.id, studentId)
    if (!built.ok) return null
    await recordSubjectRead(tx, ctx.tenant, { ...facts, studentIds: [studentId] }, access)
    return built
  })
  if (!view) throw data('Niet gevonden', { status: 404 })
  if ('needsReason' in view) return breakGlassPrompt(request, 'incident', params.id ?? '')
  return { incidentId: view.incident.id, view: view.data }
}

export default function ParticipantPage() {
  const loaded = useLoaderData<typeof loader>()
  if ('breakGlass' in loaded) return <BreakGlassForm {...loaded.breakGlass} />
  return <ParticipantView {...loaded} />
}

function ParticipantView({ incidentId, view: v }: Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { breakGlass: unknown }>) {
  return (
    <article className="card">
      <p>
        <Link to={`/incidenten/${incidentId}`}>← Terug naar het incident</Link>
      </p>
      <h1>Incident met {v.pupil.name}</h1>
      <p className="muted">
        Weergave voor deze leerling en zijn of haar ouders: andere leerlingen staan er niet met naam in.
      </p>
      <dl className="facts">
        <dt>School</dt>
        <dd>{v.schoolName}</dd>
        <dt>Datum en tijd</dt>
        <dd>{formatDateTime(v.occurredAt)}</dd>
        <dt>Locatie</dt>
        <dd>{v.location ?? '—'}</dd>
        <dt>Soort</dt>
        <dd>{v.types.join(', ')}</dd>
        <dt>Wat er gebeurde</dt>
        <dd className="prewrap">{v.situation}</dd>
        {v.behaviour.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
        <dt>Betrokkenen</dt>
        <dd>
          <ul>
            {v.persons.map((p, i) => (
              <li key={i}>
                {p.who} ({p.role}){p.injury ? ` · letsel: ${p.injury}` : ''}
                {p.outcome ? ` · afloop: ${p.outcome}` : ''}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Maatregelen</dt>
        <dd>{v.measures.join(', ') || '—'}</dd>
        <dt>Afspraken</dt>
        <dd className="prewrap">{v.agreements ?? '—'}</dd>
      </dl>
    </article>
  )
}
