import { readParticipantView } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { requireContext } from '~/lib/context.server.ts'
import { formatDateTime } from '~/lib/format.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'

/**
 * One pupil's view of an incident, other pupils' names redacted: what the school may show that
 * pupil's parents, or hand over on an access request. Logged for that pupil (the others are not
 * named on this page); a confidential incident asks the directeur for a reason.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readParticipantView)
  const view = await perform(ctx, readParticipantView, { id: params.id ?? '', studentId: params.studentId ?? '' })
  if (!view.ok && view.reason === 'forbidden') return breakGlassPrompt(request, 'incident', params.id ?? '')
  if (!view.ok) throw data('Niet gevonden', { status: 404 })
  return { incidentId: view.incidentId, view: view.view }
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
