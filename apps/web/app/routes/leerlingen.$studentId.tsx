import { readDossier } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'
import { SEVERITY_TEXT, formatDate, formatDateTime } from '~/lib/format.ts'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readDossier)
  // Opening the dossier is logged; for a leerkracht a pupil outside the groups they teach is
  // break-glass (rules in packages/domain/src/privacy/access-log.ts).
  const dossier = await perform(ctx, readDossier, { id: params.studentId ?? '' })
  if (!dossier.ok && dossier.reason === 'forbidden') return breakGlassPrompt(request, 'student', params.studentId ?? '')
  // Another school's or stichting's pupil is indistinguishable from one that does not exist.
  if (!dossier.ok) throw data('Niet gevonden', { status: 404 })
  // The AVG export (right of access, AVG art. 15) for the directeur.
  return { student: dossier.student, entries: dossier.entries, canExport: ctx.ability.can('create', 'StudentExport') }
}

export default function StudentPage() {
  const loaded = useLoaderData<typeof loader>()
  if ('breakGlass' in loaded) return <BreakGlassForm {...loaded.breakGlass} />
  return <Student {...loaded} />
}

function Student({ student, entries, canExport }: Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { breakGlass: unknown }>) {
  const t = useT()
  return (
    <section className="card">
      <p>
        <Link to="/leerlingen">← {t('student.back')}</Link>
      </p>
      <h1>{student.displayName}</h1>
      {canExport ? (
        <p>
          <Link to={`/leerlingen/${student.id}/export`}>Alle gegevens exporteren (AVG)</Link>
        </p>
      ) : null}
      <dl>
        <dt>{t('students.group')}</dt>
        <dd>{student.groupName ?? '—'}</dd>
        <dt>{t('students.number')}</dt>
        <dd>{student.externalId ?? '—'}</dd>
        <dt>{t('students.dateOfBirth')}</dt>
        <dd>{formatDate(student.dateOfBirth)}</dd>
        <dt>{t('students.status')}</dt>
        <dd>{t(`status.${student.status}`)}</dd>
        {student.enrolledOn ? (
          <>
            <dt>{t('student.enrolledOn')}</dt>
            <dd>{formatDate(student.enrolledOn)}</dd>
          </>
        ) : null}
      </dl>
      {student.guardians ? (
        <>
          <h2>{t('student.guardians')}</h2>
          {student.guardians.length === 0 ? (
            <p>{t('student.noGuardians')}</p>
          ) : (
            <ul>
              {student.guardians.map((g) => (
                <li key={g.id}>
                  {g.name} <span className="muted">({g.relation})</span>
                  {g.email ? <> · <a href={`mailto:${g.email}`}>{g.email}</a></> : null}
                  {g.phone ? <> · {g.phone}</> : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <h2>Dossier</h2>
      {entries.length === 0 ? (
        <p>Geen incidenten die je mag zien.</p>
      ) : (
        <ol className="chronology">
          {entries.map((e) => (
            <li key={e.incidentId}>
              <Link to={`/incidenten/${e.incidentId}`}>{formatDateTime(e.at)}</Link> · <strong>{e.role}</strong> ·{' '}
              {e.types.join(', ')} · {SEVERITY_TEXT[e.severity]}
              {e.confidential ? ' · vertrouwelijk' : ''}
              {e.status === 'draft' ? ' · concept' : ''}
              <br />
              <span className="muted">{e.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
