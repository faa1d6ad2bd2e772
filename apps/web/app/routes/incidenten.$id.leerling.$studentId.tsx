import { mayRun, readParticipantView, releaseIncidentReport } from '@baken/domain'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { requireContext } from '~/lib/context.server.ts'
import { formatDateTime } from '~/lib/format.ts'
import { perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'

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
  // Only a school lead releases this view to the parents' portal (ADR 033); the page offers it for a
  // zeer ernstig incident, the only kind with a parents' report.
  return { incidentId: view.incidentId, confidential: view.confidential, view: view.view, studentId: params.studentId ?? '', mayRelease: mayRun(releaseIncidentReport, ctx.ability) }
}

/** Releases this pupil's redacted report to the parents' portal (their guardians get a mail without content). */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  const outcome = await submitForm(ctx, releaseIncidentReport, form, { id: params.id ?? '', studentId: params.studentId ?? '' })
  if (!outcome.ok) return refusalData(outcome)
  return { released: true as const, notified: outcome.notified }
}

export default function ParticipantPage() {
  const loaded = useLoaderData<typeof loader>()
  if ('breakGlass' in loaded) return <BreakGlassForm {...loaded.breakGlass} />
  return <ParticipantView {...loaded} />
}

function ParticipantView({ incidentId, confidential, view: v, mayRelease }: Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { breakGlass: unknown }>) {
  const result = useActionData<typeof action>()
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
      {mayRelease ? (
        <section aria-labelledby="portal-h">
          <h2 id="portal-h">Ouderportaal</h2>
          <p>
            Zet dit verslag, zoals hierboven (andere leerlingen onherkenbaar), in het ouderportaal. De ouders krijgen een e-mail zonder inhoud
            en kunnen het daar voor gezien tekenen en reageren. Er komt niets vanzelf in het portaal.
          </p>
          {result && 'released' in result ? (
            <p role="status" className="notice">
              Het verslag staat in het ouderportaal. {result.notified === 1 ? 'Eén ouder' : `${result.notified} ouders`} kreeg een e-mail.
            </p>
          ) : null}
          {result && 'errors' in result ? (
            <p role="alert" className="error" id="release-error">
              {result.errors.map((e) => e.message).join(' ')}
            </p>
          ) : null}
          <Form method="post">
            {confidential ? (
              <>
                <label htmlFor="releaseReason">Waarom mag dit vertrouwelijke verslag naar de ouders?</label>
                <p className="muted" id="releaseReason-hint">
                  Een vertrouwelijke zaak blijft buiten het portaal als vrijgeven een onderzoek of iemand anders kan schaden (AVG art. 23, UAVG art. 41). Vraag zo nodig eerst de
                  vertrouwenspersoon. Je reden komt bij de vrijgave en in het toegangslog.
                </p>
                <textarea
                  id="releaseReason"
                  name="releaseReason"
                  rows={3}
                  maxLength={2000}
                  required
                  aria-describedby={result && 'errors' in result ? 'releaseReason-hint release-error' : 'releaseReason-hint'}
                />
              </>
            ) : null}
            <button type="submit" className="button">
              Vrijgeven aan de ouders
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  )
}
