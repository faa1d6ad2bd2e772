import {
  listMeasures,
  getProposalForm,
  listStudents,
  localDate,
  MEASURE_KINDS,
  MEASURE_LABELS,
  proposeMeasure,
  schoolHolidayGaps,
  runUseCase,
  WORKFLOWS,
} from '@baken/domain'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { perform, refusalData, requireUseCase, caseContextOf } from '~/lib/use-case.server.ts'
import { formatDate, schoolDaysText } from '~/lib/format.ts'
import { ChoiceOptions, PupilOptions } from '~/components/form-parts.tsx'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, proposeMeasure)
  const schoolId = ctx.tenant.schoolId
  const [pupils, removals, form] = await inTenant(ctx, (tx) =>
    Promise.all([
      listStudents(tx, ctx.ability, { pageSize: 200 }),
      runUseCase(listMeasures, tx, caseContextOf(ctx), { kind: 'verwijdering' }).then((r) => (r.ok ? r.items : [])),
      // The schooljaren a schorsing may start in, each pupil's schorsingen in them and the sector maximum.
      runUseCase(getProposalForm, tx, caseContextOf(ctx), {}),
    ]),
  )
  if (!form.ok) throw data('Geen toegang', { status: 403 })
  const { years, schorsingen, schorsingMax } = form
  // Schooljaren without the region's school holidays: a schorsing there is refused until they are entered.
  const calendarGaps = schoolId ? await inTenant(ctx, (tx) => schoolHolidayGaps(tx, schoolId, years)) : []
  // The open verwijderingen of this school's pupils, offered for a schorsing pending removal.
  const closed: readonly string[] = WORKFLOWS.verwijdering.final
  return {
    openRemovals: removals
      .filter((r) => r.schoolId === ctx.tenant.schoolId && !closed.includes(r.state))
      .map((r) => ({ id: r.id, studentId: r.studentId, stateLabel: r.stateLabel, createdAt: r.createdAt })),
    pupils: pupils.items.map((p) => ({ id: p.id, name: p.displayName, group: p.groupName })),
    kinds: MEASURE_KINDS.map((k) => ({ value: k, label: MEASURE_LABELS[k] })),
    today: localDate(new Date()),
    schorsingen,
    calendarGaps,
    schorsingMax,
  }
}

/** The schooljaar (1 August – 31 July) of a YYYY-MM-DD date. */
function schoolYearOfDay(day: string): string {
  const y = Number(day.slice(0, 4))
  const start = Number(day.slice(5, 7)) >= 8 ? y : y - 1
  return `${start}-${start + 1}`
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, proposeMeasure)
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
  const saved = await perform(ctx, proposeMeasure, input)
  if (!saved.ok) return refusalData(saved)
  return redirect(`/maatregelen/${saved.id}`)
}

export default function NewMeasure() {
  const { pupils, kinds, today, openRemovals, schorsingen, calendarGaps, schorsingMax } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [kind, setKind] = useState(params.get('kind') ?? 'schorsing')
  const [studentId, setStudentId] = useState(params.get('studentId') ?? '')
  const [startsOn, setStartsOn] = useState(/^\d{4}-\d{2}-\d{2}$/.test(params.get('startsOn') ?? '') ? params.get('startsOn')! : today)
  const year = schoolYearOfDay(/^\d{4}-\d{2}-\d{2}$/.test(startsOn) ? startsOn : today)
  const pupilSchorsingen = (schorsingen[studentId] ?? []).filter((s) => s.schoolYear === year)
  const totalSchoolDays = pupilSchorsingen.reduce((n, s) => n + s.schoolDays, 0)
  const removalsOfPupil = openRemovals.filter((r) => r.studentId === studentId)
  const errors = actionData?.errors ?? []
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message
  return (
    <section className="card">
      <p>
        <Link to="/maatregelen">← Maatregelen</Link>
      </p>
      <h1>Maatregel voorstellen</h1>
      {calendarGaps.map((g) => (
        <p key={g.schoolYear} className="error" role="note">
          {`Voor schooljaar ${g.schoolYear} zijn nog geen schoolvakanties van regio ${g.region} ingevoerd. Een schorsing in dat schooljaar wordt geweigerd tot de stichtingbeheerder de schoolvakanties heeft ingevoerd of geïmporteerd: zonder vakanties zijn de schooldagen niet te tellen.`}
        </p>
      ))}
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
              <ChoiceOptions choices={kinds} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="studentId">Leerling</label>
            <select id="studentId" name="studentId" value={studentId} onChange={(e) => setStudentId(e.target.value)} aria-invalid={errorFor('studentId') ? true : undefined}>
              <option value="">— kies —</option>
              <PupilOptions pupils={pupils} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="startsOn">Vanaf (schooldag)</label>
            <input id="startsOn" name="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} aria-invalid={errorFor('startsOn') ? true : undefined} />
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
        {kind === 'schorsing' && studentId ? (
          <section className="field" aria-labelledby="pupil-schorsingen">
            <h2 id="pupil-schorsingen">{`Schorsingen van deze leerling in schooljaar ${year}`}</h2>
            {pupilSchorsingen.length ? (
              <>
                <ul>
                  {pupilSchorsingen.map((s) => (
                    <li key={s.id}>
                      {`${formatDate(s.startsOn)} t/m ${formatDate(s.endsOn)} (${schoolDaysText(s.schoolDays)})`} <span className="badge">{s.stateLabel}</span>
                    </li>
                  ))}
                </ul>
                <p>
                  <strong>{`Samen ${totalSchoolDays} schooldagen`}</strong>
                </p>
              </>
            ) : (
              <p>{`Geen schorsingen in schooljaar ${year}.`}</p>
            )}
            <p className="muted">
              Een schorsing kan niet worden verlengd, ook niet met een tweede besluit: een nieuwe schorsing mag niet overlappen met een andere en niet direct (zonder een schooldag ertussen) aansluiten op een andere, tenzij een nieuw incident van na het eerdere besluit de grond is. Stel de schorsing dan voor vanuit dat incident, zodat het aan het voorstel is gekoppeld.
            </p>
          </section>
        ) : null}
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
