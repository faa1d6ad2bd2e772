import { ageOn, endGuardianLink, inviteGuardian, listGuardianLinks, localDate, mayRun, OWN_ACCOUNT_AGE, readDossier, releaseStudentFile, withdrawPortalItem } from '@baken/domain'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { requireContext } from '~/lib/context.server.ts'
import { pageValue, perform, refusalData, requireUseCase, submitForm } from '~/lib/use-case.server.ts'
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
  // The parents' portal (ADR 033): the directeur and the IB invite guardians and end links.
  const portal = mayRun(listGuardianLinks, ctx.ability) ? pageValue(await perform(ctx, listGuardianLinks, { studentId: params.studentId ?? '' })) : null
  // From 16 a pupil may get an own account (UAVG art. 5 lid 1).
  const ownAccount = portal !== null && ageOn(dossier.student.dateOfBirth, localDate(new Date())) >= OWN_ACCOUNT_AGE
  return { student: dossier.student, entries: dossier.entries, canExport: ctx.ability.can('create', 'StudentExport'), portal, ownAccount }
}

/** Invites a guardian from the roster (or the pupil from 16) to the portal, or ends a link. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  const form = await request.formData()
  if (form.get('intent') === 'release-file') {
    const outcome = await submitForm(ctx, releaseStudentFile, form, { studentId: params.studentId ?? '' })
    if (!outcome.ok) return refusalData(outcome)
    return { fileReleased: outcome.notified }
  }
  if (form.get('intent') === 'withdraw') {
    const outcome = await submitForm(ctx, withdrawPortalItem, form)
    if (!outcome.ok) return refusalData(outcome)
    return { withdrawn: true as const }
  }
  if (form.get('intent') === 'end-link') {
    const outcome = await submitForm(ctx, endGuardianLink, form)
    if (!outcome.ok) return refusalData(outcome)
    return { ended: true as const }
  }
  const outcome = await submitForm(ctx, inviteGuardian, form, { studentId: params.studentId ?? '' })
  if (!outcome.ok) return refusalData(outcome)
  return { invited: outcome.email }
}

export default function StudentPage() {
  const loaded = useLoaderData<typeof loader>()
  if ('breakGlass' in loaded) return <BreakGlassForm {...loaded.breakGlass} />
  return <Student {...loaded} />
}

function Student({ student, entries, canExport, portal, ownAccount }: Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { breakGlass: unknown }>) {
  const t = useT()
  const result = useActionData<typeof action>()
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
      {portal ? (
        <section aria-labelledby="portal-h">
          <h2 id="portal-h">Ouderportaal</h2>
          {result && 'invited' in result ? (
            <p role="status" className="notice">
              Uitnodiging verstuurd naar {result.invited}.
            </p>
          ) : null}
          {result && 'fileReleased' in result ? (
            <p role="status" className="notice">
              Het dossier staat als inzage in het ouderportaal.
            </p>
          ) : null}
          {result && 'withdrawn' in result ? (
            <p role="status" className="notice">
              Het bericht is uit het ouderportaal gehaald.
            </p>
          ) : null}
          {result && 'ended' in result ? (
            <p role="status" className="notice">
              De koppeling is beëindigd: deze ouder ziet vanaf nu niets meer.
            </p>
          ) : null}
          {result && 'errors' in result ? (
            <p role="alert" className="error">
              {result.errors.map((e) => e.message).join(' ')}
            </p>
          ) : null}
          {portal.links.length ? (
            <ul>
              {portal.links.map((l) => (
                <li key={l.id}>
                  {l.name ?? '—'} ({l.relation}) · {l.email}
                  {l.endedAt ? (
                    <span className="muted"> · beëindigd op {formatDate(l.endedAt)}</span>
                  ) : (
                    <Form method="post" className="inline">
                      <input type="hidden" name="intent" value="end-link" />
                      <input type="hidden" name="id" value={l.id} />
                      <input type="hidden" name="reason" value="Beëindigd door de school" />
                      {' '}
                      <button type="submit" className="link-button">
                        Koppeling beëindigen
                      </button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>Nog geen ouder heeft toegang tot het ouderportaal voor deze leerling.</p>
          )}
          {portal.guardians.filter((g) => g.email).length ? (
            <ul>
              {portal.guardians
                .filter((g) => g.email)
                .map((g) => (
                  <li key={g.id}>
                    <Form method="post" className="inline">
                      <input type="hidden" name="kind" value="ouder" />
                      <input type="hidden" name="guardianId" value={g.id} />
                      <button type="submit" className="button secondary">
                        {g.name} uitnodigen voor het ouderportaal
                      </button>
                    </Form>
                  </li>
                ))}
            </ul>
          ) : null}
          {canExport ? (
            <Form method="post">
              <input type="hidden" name="intent" value="release-file" />
              <button type="submit" className="button secondary">
                Dossier als inzage in het ouderportaal zetten
              </button>
            </Form>
          ) : null}
          {ownAccount ? (
            <Form method="post">
              <input type="hidden" name="kind" value="leerling" />
              <label htmlFor="own-email">E-mailadres van de leerling zelf (vanaf 16 jaar een eigen account)</label>
              <input id="own-email" name="email" type="email" autoComplete="off" required />
              <button type="submit" className="button secondary">
                Leerling uitnodigen
              </button>
            </Form>
          ) : null}
          {portal.items.length ? (
            <>
              <h3>In het ouderportaal gezet</h3>
              <ul>
                {portal.items.map((i) => (
                  <li key={i.id}>
                    {i.incidentId ? <Link to={`/incidenten/${i.incidentId}`}>{i.title}</Link> : i.title} · {formatDate(i.releasedAt)}
                    {i.withdrawnAt ? (
                      ' · ingetrokken'
                    ) : (
                      <Form method="post" className="inline">
                        <input type="hidden" name="intent" value="withdraw" />
                        <input type="hidden" name="id" value={i.id} />
                        {' '}
                        <button type="submit" className="link-button">
                          Uit het portaal halen
                        </button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
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
