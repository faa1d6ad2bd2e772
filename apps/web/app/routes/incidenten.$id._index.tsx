import {
  createTask,
  planProtocolTasks,
  haltRegionsOf,
  listAcknowledgements,
  listSchoolStaff,
  listTasks,
  localDate,
  mayRun,
  readIncident,
  recordAcknowledgement,
  runUseCase,
  updateTask,
} from '@baken/domain'
import { record } from '@baken/permissions'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { FollowUp } from '~/components/follow-up.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { GuidancePanel } from '~/components/incident-form.tsx'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { perform, refusalData, requireUseCase, submitForm, caseContextOf } from '~/lib/use-case.server.ts'
import { SEVERITY_TEXT, formatDate, formatDateTime } from '~/lib/format.ts'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readIncident)
  const now = new Date()
  const found = await inTenant(ctx, async (tx) => {
    const uc = caseContextOf(ctx, now)
    // Opening the note is logged (one row per pupil involved); a confidential incident opens for
    // the directeur only after a reason (break-glass). Nothing else is read until it is open.
    const read = await runUseCase(readIncident, tx, uc, { id: params.id ?? '' })
    if (!read.ok) return read
    const { incident } = read
    const tasks = mayRun(listTasks, ctx.ability) ? await runUseCase(listTasks, tx, uc, { id: incident.id }) : null
    const acknowledgements = await runUseCase(listAcknowledgements, tx, uc, { id: incident.id })
    return {
      ok: true as const,
      incident,
      versions: read.versions,
      suggestion: read.severitySuggestion,
      guidance: read.guidance,
      canEdit: ctx.ability.can('update', record('Incident', { ...incident })),
      tasks: tasks?.ok ? tasks.items : [],
      proposals: tasks?.ok ? tasks.proposals : [],
      staff: ctx.tenant.schoolId ? await listSchoolStaff(tx, ctx.tenant.schoolId) : [],
      acknowledgements: acknowledgements.ok ? acknowledgements.items : [],
      me: ctx.user.id,
      canPlan: mayRun(createTask, ctx.ability),
      canProposeMeasure: ctx.ability.can('create', 'Measure'),
      // Police melding/aangifte and sharing with a partner (directeur); a Halt
      // referral, offered only when the school is linked to a Halt region.
      canShare: ctx.ability.can('create', 'Share'),
      canRefer: ctx.ability.can('create', 'Referral') && (await haltRegionsOf(tx, ctx.tenant)).length > 0,
      today: localDate(now),
    }
  })
  // Nothing of the incident is sent until the reason is recorded.
  if (!found.ok && found.reason === 'forbidden') return breakGlassPrompt(request, 'incident', params.id ?? '')
  // Another school's incident, a confidential one for the wrong role, someone else's draft: 404.
  if (!found.ok) throw data('Niet gevonden', { status: 404 })
  const { ok: _ok, ...loaded } = found
  return loaded
}

/** Follow-up actions: plan or complete a task, record "voor gezien". Refusals come back as errors. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readIncident)
  const form = await request.formData()
  const id = params.id ?? ''
  const intent = form.get('intent')
  const outcome =
    intent === 'add-task'
      ? await submitForm(ctx, createTask, form, { id })
      : intent === 'plan-all-tasks'
        ? await perform(ctx, planProtocolTasks, { id })
        : intent === 'complete-task'
        ? await perform(ctx, updateTask, { id, taskId: String(form.get('taskId') ?? ''), done: true, note: String(form.get('note') ?? '').trim() || null })
        : intent === 'acknowledge'
          ? // No pupil chosen (the empty option) is a report for the parents of no one pupil in particular.
            await perform(ctx, recordAcknowledgement, {
              id,
              studentId: form.get('studentId') || null,
              guardianName: String(form.get('guardianName') ?? ''),
              acknowledgedOn: String(form.get('acknowledgedOn') ?? ''),
              method: String(form.get('method') ?? ''),
            })
          : null
  if (!outcome) return data({ errors: [{ path: 'intent', message: 'Onbekende actie.' }] }, { status: 400 })
  if (!outcome.ok) return refusalData(outcome)
  // Back at the follow-up after planning, with the protocol's list still open there.
  const planned = intent === 'add-task' || intent === 'plan-all-tasks'
  return redirect(`/incidenten/${id}?bijgewerkt=1${planned ? '#nazorg' : ''}`)
}

function Yes({ value }: { value: boolean }) {
  return <>{value ? 'ja' : 'nee'}</>
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

export default function IncidentPage() {
  const loaded = useLoaderData<typeof loader>()
  if ('breakGlass' in loaded) return <BreakGlassForm {...loaded.breakGlass} />
  return <IncidentDetail loaded={loaded} />
}

function IncidentDetail({ loaded }: { loaded: Exclude<Loaded, { breakGlass: unknown }> }) {
  const { incident: i, versions, canEdit, suggestion, guidance } = loaded
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const pupils = i.persons.filter((p) => p.studentId).map((p) => ({ studentId: p.studentId!, name: p.studentName ?? '?' }))
  const nameOf = (studentId: string | null) => pupils.find((p) => p.studentId === studentId)?.name ?? null
  return (
    <div className="incident-layout">
      <article className="card">
        {params.get('bijgewerkt') ? (
          <p role="status" className="notice">
            Vastgelegd.
          </p>
        ) : null}
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
              {p.studentId && i.persons.filter((x) => x.studentId).length > 1 ? (
                <>
                  {' · '}
                  <Link to={`/incidenten/${i.id}/leerling/${p.studentId}`}>weergave voor deze leerling</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="actions">
          {canEdit ? (
            <Link to={`/incidenten/${i.id}/bewerken`} className="button">
              Wijzigen
            </Link>
          ) : null}
          {loaded.canProposeMeasure && i.status === 'submitted' ? (
            <Link
              to={`/maatregelen/nieuw?incidentId=${i.id}${i.persons.find((p) => p.role === 'dader' && p.studentId) ? `&studentId=${i.persons.find((p) => p.role === 'dader' && p.studentId)!.studentId}` : ''}`}
              className="button secondary"
            >
              Maatregel voorstellen
            </Link>
          ) : null}
          {loaded.canShare && i.status === 'submitted' ? (
            <>
              <Link to={`/incidenten/${i.id}/melding`} className="button secondary">
                Melding of aangifte bij de politie
              </Link>
              <Link to={`/delen/nieuw?incidentId=${i.id}`} className="button secondary">
                Delen met een partner
              </Link>
            </>
          ) : null}
          {loaded.canRefer && i.status === 'submitted' ? (
            <Link to={`/verwijzingen/nieuw?incident=${i.id}`} className="button secondary">
              Verwijzen naar Halt-spreekuur
            </Link>
          ) : null}
        </p>
        <FollowUp
          tasks={loaded.tasks}
          proposals={loaded.proposals}
          staff={loaded.staff}
          me={loaded.me}
          canPlan={loaded.canPlan}
          errors={actionData?.errors ?? []}
          zeerErnstig={i.severity === 'zeer_ernstig'}
          submitted={i.status === 'submitted'}
          canAcknowledge={canEdit}
          acknowledgements={loaded.acknowledgements.map((a) => ({ ...a, studentName: nameOf(a.studentId) }))}
          pupils={pupils}
          incidentId={i.id}
          today={loaded.today}
        />
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
