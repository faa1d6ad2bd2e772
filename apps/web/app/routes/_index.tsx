import { createIncident, createTask, getActiveOrganisation, listBoardCounts, listHaltQueue, listMyReports, listOverdueTasks, listSharedRecords, listVisibleSchools, listWaitingWork, mayRun, runUseCase, schoolYearOf, summariseIncidents } from '@baken/domain'
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { actsForFamily, inTenant, requireContext } from '~/lib/context.server.ts'
import { caseContextOf } from '~/lib/use-case.server.ts'
import { formatDate, formatDateTime, schoolDaysText, SEVERITY_TEXT } from '~/lib/format.ts'
import { useT } from '~/root.tsx'
import { IncidentCountsTable } from '~/components/incident-counts.tsx'

/** Overdue tasks on the home page; the rest one link away. */
const HOME_OVERDUE = 10

/** The home page per role: school staff go to their pupils; others see the schools in their view. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  // The family's home is the portal.
  if (actsForFamily(context)) throw redirect('/ouders')
  const ctx = requireContext(request, context)
  const now = new Date()
  return inTenant(ctx, async (tx) => {
    const uc = caseContextOf(ctx, now)
    const schooljaar = schoolYearOf(now)
    // The oldest overdue tasks first; all of them (up to a page of 200) on ?te-laat=alle.
    const allOverdue = new URL(request.url).searchParams.get('te-laat') === 'alle'
    const overdue = mayRun(createTask, ctx.ability) ? await runUseCase(listOverdueTasks, tx, uc, { pageSize: allOverdue ? 200 : HOME_OVERDUE }) : null
    // The incident each overdue task belongs to, named by its types and pupils.
    const taskIncidents = overdue?.ok ? await summariseIncidents(tx, overdue.items.map((t) => t.incidentId)) : {}
    const myReports = mayRun(createIncident, ctx.ability) ? await runUseCase(listMyReports, tx, uc, {}) : null
    // Decisions, letters, notices and bezwaren waiting: for those who decide or follow measures (not a teacher's own time-outs).
    const work = ctx.ability.can('decide', 'Measure') || ctx.ability.can('approve', 'Measure') || ctx.ability.can('handle', 'Measure') ? await runUseCase(listWaitingWork, tx, uc, {}) : null
    // A partner's home: what is shared with it and Halt's referrals (summaries; opening one is logged on its page).
    const shared = mayRun(listSharedRecords, ctx.ability) ? await runUseCase(listSharedRecords, tx, uc, { summaryOnly: true }) : null
    const halt = mayRun(listHaltQueue, ctx.ability) ? await runUseCase(listHaltQueue, tx, uc, {}) : null
    const boardCounts = mayRun(listBoardCounts, ctx.ability) ? await runUseCase(listBoardCounts, tx, uc, { schooljaar }) : null
    const organisation = await getActiveOrganisation(tx, ctx.membership)
    const schools = ctx.ability.can('read', 'School') && organisation.kind !== 'school' ? await listVisibleSchools(tx) : []
    return {
      user: ctx.user,
      role: ctx.membership.role,
      organisation,
      schools,
      canReadStudents: ctx.ability.can('read', 'Student'),
      // A partner organisation's users invite their own colleagues (there is no users page for them).
      canInviteColleague: organisation.kind === 'partner' && ctx.ability.can('create', 'Invitation'),
      // Overdue follow-up is for those who plan tasks (the IB and the directeur) to keep an eye on.
      overdue: overdue?.ok ? overdue.items.map((t) => ({ ...t, incident: taskIncidents[t.incidentId] ?? { types: [], pupils: [] } })) : [],
      overdueTotal: overdue?.ok ? overdue.total : 0,
      canRegister: mayRun(createIncident, ctx.ability),
      myReports: myReports?.ok ? myReports.items : null,
      work: work?.ok ? { decisions: work.decisions, letters: work.letters, notices: work.notices, bezwaren: work.bezwaren } : null,
      shared: shared?.ok ? shared.items.slice(0, 5).map((r) => ({ id: r.id, schoolName: r.schoolName, purpose: r.purposeLabel, expiresAt: r.expiresAt })) : null,
      sharedTotal: shared?.ok ? shared.items.length : 0,
      halt: halt?.ok ? halt.items : null,
      schooljaar,
      boardCounts: boardCounts?.ok ? boardCounts.schools : null,
    }
  })
}

export default function Home() {
  const t = useT()
  const { user, role, organisation, schools, canReadStudents, canInviteColleague, overdue, overdueTotal, boardCounts, schooljaar, canRegister, myReports, work, shared, sharedTotal, halt } = useLoaderData<typeof loader>()
  const mine = work?.decisions.filter((d) => d.yours) ?? []
  const othersDecide = work?.decisions.filter((d) => !d.yours) ?? []
  const partnerHasSomething = (shared?.length ?? 0) > 0 || (halt?.length ?? 0) > 0
  return (
    <>
      {canRegister ? (
        <p className="home-first">
          <Link to="/incidenten/nieuw" className="button">
            Incident registreren
          </Link>
        </p>
      ) : null}
      <section className="card">
        <h1>{t('home.welcome', { name: user.name })}</h1>
        <p>{t('home.actingAs', { role: t(`role.${role}`), org: organisation.name })}</p>
        {canReadStudents ? (
          <p>
            {t('home.schoolStaff')} <Link to="/leerlingen">{t('nav.students')}</Link> ·{' '}
            <Link to="/groepen">{t('nav.groups')}</Link>
          </p>
        ) : null}
        {organisation.kind === 'partner' ? <p>{partnerHasSomething ? t('home.partnerShared') : t('home.partner')}</p> : null}
        {canInviteColleague ? (
          <p>
            <Link to="/beheer/gebruikers/uitnodigen">Collega uitnodigen</Link>
          </p>
        ) : null}
        {organisation.kind === 'platform' ? <p>{t('home.platform')}</p> : null}
      </section>
      {work && mine.length > 0 ? (
        <section className="card" aria-labelledby="decide-h">
          <h2 id="decide-h">{mine.length === 1 ? '1 besluit wacht op u' : `${mine.length} besluiten wachten op u`}</h2>
          <ul className="tasks">
            {mine.map((d) => (
              <li key={d.id} className="task">
                <Link to={`/maatregelen/${d.id}`}>
                  {d.kindLabel} van {d.studentName}
                </Link>{' '}
                <span className="muted">
                  · {d.schoolName}
                  {d.startsOn ? ` · vanaf ${formatDate(d.startsOn)}` : ''}
                  {d.schoolDays ? ` (${schoolDaysText(d.schoolDays)})` : ''} · {d.stateLabel}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {work && (work.letters.length > 0 || othersDecide.length > 0) ? (
        <section className="card" aria-labelledby="letters-waiting-h">
          <h2 id="letters-waiting-h">Besluiten en brieven die wachten</h2>
          <ul className="tasks">
            {work.letters.map((d) => (
              <li key={d.id} className="task">
                <Link to={`/maatregelen/${d.id}#brieven`}>
                  Brief maken en versturen: {d.kindLabel.toLowerCase()} van {d.studentName}
                </Link>{' '}
                <span className="muted">· {d.schoolName} · de bezwaartermijn begint pas met de verzending</span>
              </li>
            ))}
            {othersDecide.map((d) => (
              <li key={d.id} className="task">
                <Link to={`/maatregelen/${d.id}`}>
                  {d.kindLabel} van {d.studentName}
                </Link>{' '}
                <span className="muted">· {d.stateLabel} · wacht op besluit van het bevoegd gezag</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {work && (work.notices.length > 0 || work.bezwaren.length > 0) ? (
        <section className="card" aria-labelledby="deadlines-h">
          <h2 id="deadlines-h">Termijnen die aflopen</h2>
          <ul className="tasks">
            {work.notices.map((n) => (
              <li key={n.taskId} className={n.overdue ? 'task overdue' : 'task'}>
                <Link to={`/maatregelen/${n.measureId}`}>{n.title}</Link>{' '}
                <span className="muted">
                  · {n.studentName} · {n.schoolName} · {n.overdue ? 'te laat: ' : ''}uiterlijk {formatDate(n.dueOn)}
                </span>
              </li>
            ))}
            {work.bezwaren.map((b) => (
              <li key={b.id} className={b.overdue ? 'task overdue' : 'task'}>
                <Link to={`/maatregelen/${b.measureId}`}>
                  Beslissen op bezwaar: {b.kindLabel.toLowerCase()} van {b.studentName}
                </Link>{' '}
                <span className="muted">
                  · {b.schoolName} · {b.overdue ? 'te laat: ' : ''}uiterlijk {formatDate(b.decisionDueOn)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {overdue.length > 0 ? (
        <section className="card" aria-labelledby="overdue-h">
          <h2 id="overdue-h">Te late nazorgtaken ({overdueTotal})</h2>
          <ul className="tasks">
            {overdue.map((t) => (
              <li key={t.id} className="task overdue">
                <Link to={`/incidenten/${t.incidentId}`}>{t.title}</Link>
                <br />
                <span className="muted">
                  {t.incident.pupils.length ? t.incident.pupils.join(', ') : 'geen leerling'} · {t.incident.types.join(', ') || 'incident'} van {formatDate(t.incidentOccurredAt)} ·{' '}
                  {t.ownerName ?? '—'} · uiterlijk {formatDate(t.dueOn)}
                </span>
              </li>
            ))}
          </ul>
          {overdueTotal > overdue.length ? (
            <p>
              {overdue.length > HOME_OVERDUE ? (
                `De oudste ${overdue.length} van ${overdueTotal} staan hier.`
              ) : (
                <Link to="/?te-laat=alle#overdue-h" className="inline-link">
                  Alle {overdueTotal} te late taken tonen
                </Link>
              )}
            </p>
          ) : null}
        </section>
      ) : null}
      {myReports ? (
        <section className="card" aria-labelledby="mine-h">
          <h2 id="mine-h">Uw recente meldingen</h2>
          {myReports.length === 0 ? (
            <p>U heeft nog geen incident gemeld.</p>
          ) : (
            <ul className="tasks">
              {myReports.map((r) => (
                <li key={r.id} className="task">
                  <Link to={`/incidenten/${r.id}`}>
                    {r.types.join(', ') || 'Incident'} · {formatDateTime(r.occurredAt)}
                  </Link>{' '}
                  {r.status === 'draft' ? <span className="badge">concept</span> : <span className="badge">{SEVERITY_TEXT[r.severity] ?? r.severity}</span>}
                  <br />
                  <span className="muted">{r.pupils.join(', ') || 'geen leerling'}</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/incidenten">Alle incidenten</Link>
          </p>
        </section>
      ) : null}
      {shared && shared.length > 0 ? (
        <section className="card" aria-labelledby="shared-h">
          <h2 id="shared-h">Met uw organisatie gedeeld ({sharedTotal})</h2>
          <ul className="tasks">
            {shared.map((r) => (
              <li key={r.id} className="task">
                <Link to={`/gedeeld/${r.id}`}>{r.schoolName}</Link> <span className="muted">· {r.purpose} · zichtbaar tot en met {formatDate(r.expiresAt)}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/gedeeld">Alle gedeelde gegevens</Link>
          </p>
        </section>
      ) : null}
      {halt && halt.length > 0 ? (
        <section className="card" aria-labelledby="halt-h">
          <h2 id="halt-h">Halt-verwijzingen ({halt.length})</h2>
          <p>
            {halt.filter((h) => !h.closedAt).length} lopend of nieuw, {halt.filter((h) => h.closedAt).length} afgesloten.{' '}
            <Link to="/halt">Naar de verwijzingen</Link>
          </p>
        </section>
      ) : null}
      {boardCounts ? (
        <section className="card" aria-labelledby="counts-h">
          <h2 id="counts-h">Incidenten per school, schooljaar {schooljaar}</h2>
          <p className="muted">Aantallen van ingediende incidenten. De inhoud blijft bij de school.</p>
          <p>
            <Link to="/bestuur">Overzicht voor het bestuur: besluiten, termijnen en maatregelen per school</Link>
          </p>
          <IncidentCountsTable rows={boardCounts} withConfidential />
        </section>
      ) : null}
      {schools.length > 0 ? (
        <section className="card" aria-labelledby="schools-h">
          <h2 id="schools-h">{organisation.kind === 'partner' ? t('home.partnerSchools') : t('home.stichting')}</h2>
          <ul>
            {schools.map((s) => (
              <li key={s.id}>
                {s.name} <span className="muted">({s.sector}, BRIN {s.brin})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
