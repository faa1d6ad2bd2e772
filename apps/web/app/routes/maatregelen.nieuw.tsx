import { listMeasures, listStudents, localDate, MEASURE_KINDS, MEASURE_LABELS, proposeMeasure, schorsingMaximumAt, WORKFLOWS } from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { inTenant, requireContext, requirePermission, writeInTenant } from '~/lib/context.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Measure')
  const [pupils, removals, schorsingMax] = await inTenant(ctx, (tx) =>
    Promise.all([
      listStudents(tx, ctx.ability, { pageSize: 200 }),
      listMeasures(tx, ctx.ability, { kind: 'verwijdering' }),
      // The sector maximum of a schorsing with its rule and status, shown beside the field.
      ctx.tenant.schoolId ? schorsingMaximumAt(tx, ctx.tenant.schoolId) : Promise.resolve(null),
    ]),
  )
  // The open verwijderingen of this school's pupils, offered for a schorsing pending removal.
  const closed: readonly string[] = WORKFLOWS.verwijdering.final
  return {
    openRemovals: removals
      .filter((r) => r.schoolId === ctx.tenant.schoolId && !closed.includes(r.state))
      .map((r) => ({ id: r.id, studentId: r.studentId, stateLabel: r.stateLabel, createdAt: r.createdAt })),
    pupils: pupils.items.map((p) => ({ id: p.id, name: p.displayName, group: p.groupName })),
    kinds: MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_LABELS[k] })),
    today: localDate(new Date()),
    schorsingMax,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requirePermission(request, ctx, 'create', 'Measure')
  const form = Object.fromEntries(await request.formData())
  const text = (k: string) => (typeof form[k] === 'string' && (form[k] as string).trim() !== '' ? (form[k] as string) : undefined)
  const input = {
    kind: text('kind'),
    studentId: text('studentId'),
    incidentIds: text('incidentId') ? [text('incidentId')] : [],
    reasons: text('reasons'),
    startsOn: text('startsOn'),
    schoolDays: text('schoolDays'),
    skipJustification: text('skipJustification'),
    pendingRemovalId: text('kind') === 'schorsing' ? text('pendingRemovalId') : undefined,
  }
  const saved = await writeInTenant(ctx, (tx) => proposeMeasure(tx, ctx.ability, ctx.tenant, input))
  if (!saved.ok) return data({ errors: saved.errors }, { status: saved.status })
  return redirect(`/maatregelen/${saved.id}`)
}

export default function NewMeasure() {
  const { pupils, kinds, today, openRemovals, schorsingMax } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [kind, setKind] = useState(params.get('kind') ?? 'schorsing')
  const [studentId, setStudentId] = useState(params.get('studentId') ?? '')
  const removalsOfPupil = openRemovals.filter((r) => r.studentId === studentId)
  const errors = actionData?.errors ?? []
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message
  return (
    <section className="card">
      <p>
        <Link to="/maatregelen">← Maatregelen</Link>
      </p>
      <h1>Maatregel voorstellen</h1>
      {errors.length ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>Niet opgeslagen.</strong>
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post">
        {params.get('incidentId') ? <input type="hidden" name="incidentId" value={params.get('incidentId')!} /> : null}
        <div className="two-col">
          <div className="field">
            <label htmlFor="kind">Maatregel</label>
            <select id="kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="studentId">Leerling</label>
            <select id="studentId" name="studentId" value={studentId} onChange={(e) => setStudentId(e.target.value)} aria-invalid={errorFor('studentId') ? true : undefined}>
              <option value="">— kies —</option>
              {pupils.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.group ?? '—'})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="startsOn">Vanaf (schooldag)</label>
            <input id="startsOn" name="startsOn" type="date" defaultValue={today} aria-invalid={errorFor('startsOn') ? true : undefined} />
          </div>
          <div className="field">
            <label htmlFor="schoolDays">Aantal schooldagen (schorsing)</label>
            <input
              id="schoolDays"
              name="schoolDays"
              type="number"
              min={1}
              max={schorsingMax?.max ?? 5}
              defaultValue={1}
              aria-describedby={schorsingMax ? 'schoolDays-rule' : undefined}
              aria-invalid={errorFor('schoolDays') ? true : undefined}
            />
            {schorsingMax ? (
              <p id="schoolDays-rule" className="muted">
                Een schorsing duurt ten hoogste {schorsingMax.max} schooldagen ({schorsingMax.source}).{' '}
                {schorsingMax.status.includes('onzeker') ? (
                  <span className="badge pr-uncertain" title={schorsingMax.note ?? undefined}>
                    Onzeker
                  </span>
                ) : null}
                {schorsingMax.status.includes('onzeker') && schorsingMax.note ? <span className="pr-note"> {schorsingMax.note}</span> : null}
              </p>
            ) : null}
          </div>
        </div>
        {kind === 'schorsing' && removalsOfPupil.length ? (
          <fieldset className="field" aria-describedby={errorFor('pendingRemovalId') ? 'pendingRemovalId-error' : 'pendingRemovalId-hint'}>
            <legend>Schorsing hangende verwijdering</legend>
            <p id="pendingRemovalId-hint" className="muted">
              Deze leerling heeft een lopende verwijdering. Zolang er nog geen andere school is gevonden, blijft de leerling ingeschreven en mag de leerling worden geschorst.
            </p>
            {errorFor('pendingRemovalId') ? (
              <p id="pendingRemovalId-error" className="field-error">
                {errorFor('pendingRemovalId')}
              </p>
            ) : null}
            <label className="check">
              <input type="radio" name="pendingRemovalId" value="" defaultChecked={!params.get('pendingRemovalId')} />
              <span>Gewone schorsing</span>
            </label>
            {removalsOfPupil.map((r) => (
              <label key={r.id} className="check">
                <input type="radio" name="pendingRemovalId" value={r.id} defaultChecked={params.get('pendingRemovalId') === r.id} />
                <span>Hangende de verwijdering ({r.stateLabel})</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="reasons">Redenen</label>
          <textarea id="reasons" name="reasons" rows={4} required aria-invalid={errorFor('reasons') ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="skipJustification">Onderbouwing als een eerdere stap wordt overgeslagen</label>
          <textarea id="skipJustification" name="skipJustification" rows={3} aria-invalid={errorFor('skipJustification') ? true : undefined} />
        </div>
        <button type="submit">Voorstellen</button>
      </Form>
    </section>
  )
}
