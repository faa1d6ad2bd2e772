import {
  completeTask,
  createTask,
  decideBreakGlass,
  guidanceForVoorval,
  haltRegionsOf,
  incidentNeedsReason,
  incidentSubject,
  listAcknowledgements,
  listSchoolStaff,
  listTasks,
  listVersions,
  loadIncident,
  localDate,
  proposeVictimCareTasks,
  recordAcknowledgement,
  recordSubjectRead,
  suggestSeverity,
} from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { BreakGlassForm } from '~/components/break-glass.tsx'
import { FollowUp } from '~/components/follow-up.tsx'
import { breakGlassPrompt } from '~/lib/access-log.server.ts'
import { GuidancePanel } from '~/components/incident-form.tsx'
import { inTenant, requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'
import { SEVERITY_TEXT, formatDate, formatDateTime } from '~/lib/format.ts'

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const found = await inTenant(ctx, async (tx) => {
    const incident = await loadIncident(tx, ctx.ability, params.id ?? '')
    if (!incident) return null
    // Access log: every opening is logged, one row per pupil involved, in this transaction;
    // a confidential incident opens for the directeur only after a reason (break-glass, see
    // packages/domain/src/privacy/access-log.ts for the rules).
    const subject = incidentSubject(incident)
    const access = await decideBreakGlass(tx, ctx.tenant, subject, incidentNeedsReason(ctx.tenant, incident))
    if (!access.open) return { needsReason: true as const }
    await recordSubjectRead(tx, ctx.tenant, subject, access)
    const canEdit = (await loadIncident(tx, ctx.ability, incident.id, 'update')) !== null
    const canReadTasks = ctx.ability.can('read', 'IncidentTask')
    return {
      incident,
      versions: await listVersions(tx, incident.id),
      canEdit,
      tasks: canReadTasks ? ((await listTasks(tx, ctx.ability, incident.id)) ?? []) : [],
      proposals: ctx.ability.can('create', 'IncidentTask') ? ((await proposeVictimCareTasks(tx, ctx.ability, incident.id)) ?? []) : [],
      staff: ctx.tenant.schoolId ? await listSchoolStaff(tx, ctx.tenant.schoolId) : [],
      acknowledgements: (await listAcknowledgements(tx, ctx.ability, incident.id)) ?? [],
      me: ctx.user.id,
      canPlan: ctx.ability.can('create', 'IncidentTask'),
      canProposeMeasure: ctx.ability.can('create', 'Measure'),
      // Police melding/aangifte and sharing with a partner (directeur); a Halt
      // referral, offered only when the school is linked to a Halt region.
      canShare: ctx.ability.can('create', 'Share'),
      canRefer: ctx.ability.can('create', 'Referral') && (await haltRegionsOf(tx, ctx.tenant)).length > 0,
      today: localDate(new Date()),
    }
  })
  // Another school's incident, a confidential one for the wrong role, someone else's draft: 404.
  if (!found) throw data('Niet gevonden', { status: 404 })
  // Nothing of the incident is sent until the reason is recorded.
  if ('needsReason' in found) return breakGlassPrompt(request, 'incident', params.id ?? '')
  const codes = found.incident.voorval.map((c) => c.code)
  return {
    ...found,
    suggestion: suggestSeverity({ ...found.incident, voorval: codes }),
    guidance: guidanceForVoorval(codes),
  }
}

/** Follow-up actions: plan or complete a task, record "voor gezien". Refusals come back as errors. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'read', 'Incident')
  const form = Object.fromEntries(await request.formData())
  const id = params.id ?? ''
  const text = (k: string) => (typeof form[k] === 'string' && (form[k] as string).trim() !== '' ? (form[k] as string) : undefined)
  const result = await writeInTenant(ctx, async (tx) =>
    form.intent === 'add-task'
      ? createTask(tx, ctx.ability, ctx.tenant, id, {
          kind: text('kind'),
          title: text('title'),
          description: text('description') ?? null,
          ownerId: text('ownerId'),
          dueOn: text('dueOn'),
        })
      : form.intent === 'complete-task'
        ? completeTask(tx, ctx.ability, ctx.tenant, id, String(form.taskId ?? ''), text('note') ?? null)
        : form.intent === 'acknowledge'
          ? recordAcknowledgement(tx, ctx.ability, ctx.tenant, id, {
              studentId: text('studentId') ?? null,
              guardianName: text('guardianName'),
              acknowledgedOn: text('acknowledgedOn'),
              method: text('method'),
            })
          : { ok: false as const, status: 400, errors: [{ path: 'intent', message: 'Onbekende actie.' }] },
  )
  if (!result.ok) return data({ errors: result.errors }, { status: result.status })
  return redirect(`/incidenten/${id}?bijgewerkt=1`)
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
