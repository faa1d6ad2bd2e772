import { createTask, getActiveOrganisation, listBoardCounts, listOverdueTasks, listVisibleSchools, mayRun, runUseCase, schoolYearOf } from '@baken/domain'
import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { actsForFamily, inTenant, requireContext } from '~/lib/context.server.ts'
import { caseContextOf } from '~/lib/use-case.server.ts'
import { formatDate } from '~/lib/format.ts'
import { useT } from '~/root.tsx'
import { IncidentCountsTable } from '~/components/incident-counts.tsx'

/** The home page per role: school staff go to their pupils; others see the schools in their view. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  // The family's home is the portal.
  if (actsForFamily(context)) throw redirect('/ouders')
  const ctx = requireContext(request, context)
  const now = new Date()
  return inTenant(ctx, async (tx) => {
    const uc = caseContextOf(ctx, now)
    const schooljaar = schoolYearOf(now)
    const overdue = mayRun(createTask, ctx.ability) ? await runUseCase(listOverdueTasks, tx, uc, {}) : null
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
      overdue: overdue?.ok ? overdue.items : [],
      schooljaar,
      boardCounts: boardCounts?.ok ? boardCounts.schools : null,
    }
  })
}

export default function Home() {
  const t = useT()
  const { user, role, organisation, schools, canReadStudents, canInviteColleague, overdue, boardCounts, schooljaar } = useLoaderData<typeof loader>()
  return (
    <>
      <section className="card">
        <h1>{t('home.welcome', { name: user.name })}</h1>
        <p>{t('home.actingAs', { role: t(`role.${role}`), org: organisation.name })}</p>
        {canReadStudents ? (
          <p>
            {t('home.schoolStaff')} <Link to="/leerlingen">{t('nav.students')}</Link> ·{' '}
            <Link to="/groepen">{t('nav.groups')}</Link>
          </p>
        ) : null}
        {organisation.kind === 'partner' ? <p>{t('home.partner')}</p> : null}
        {canInviteColleague ? (
          <p>
            <Link to="/beheer/gebruikers/uitnodigen">Collega uitnodigen</Link>
          </p>
        ) : null}
        {organisation.kind === 'platform' ? <p>{t('home.platform')}</p> : null}
      </section>
      {overdue.length > 0 ? (
        <section className="card" aria-labelledby="overdue-h">
          <h2 id="overdue-h">Te late nazorgtaken ({overdue.length})</h2>
          <ul className="tasks">
            {overdue.map((t) => (
              <li key={t.id} className="task overdue">
                <Link to={`/incidenten/${t.incidentId}`}>{t.title}</Link> · {t.ownerName ?? '—'} · uiterlijk {formatDate(t.dueOn)}
              </li>
            ))}
          </ul>
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
