import { HALT_LABELS, haltQueueInput, listHaltQueue, listLinkedSchools, runUseCase } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { formatDate } from '~/lib/format.ts'
import { requireUseCase, caseContextOf } from '~/lib/use-case.server.ts'
import { LabelOptions, NamedOptions } from '~/components/form-parts.tsx'
import { ReferralStatusCells } from '~/components/halt.tsx'

/** Halt's queue: referrals per linked school, with filters on school, status and incident type. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listHaltQueue)
  // A filter the page cannot read shows the whole queue.
  const parsed = haltQueueInput.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  const filter = parsed.success ? parsed.data : {}
  const [queue, linked] = await inTenant(ctx, async (tx) => [await runUseCase(listHaltQueue, tx, caseContextOf(ctx), filter), await runUseCase(listLinkedSchools, tx, caseContextOf(ctx), {})] as const)
  const items = queue.ok ? queue.items : []
  const schools = linked.ok ? linked.items : []
  return {
    items,
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
    filter: { schoolId: filter.schoolId ?? '', status: filter.status ?? '', type: filter.type ?? '' },
    labels: { statuses: HALT_LABELS.statuses, incidentTypes: HALT_LABELS.incidentTypes, outcomes: HALT_LABELS.outcomes },
  }
}

export default function HaltQueue() {
  const { items, schools, filter, labels } = useLoaderData<typeof loader>()
  const bySchool = schools
    .map((s) => ({ ...s, items: items.filter((i) => i.schoolId === s.id) }))
    .filter((s) => s.items.length > 0 || filter.schoolId === s.id)
  const ty = (k: string) => labels.incidentTypes[k as keyof typeof labels.incidentTypes] ?? k
  return (
    <section>
      <div className="title-row">
        <h1>Halt-spreekuur: verwijzingen</h1>
        <p>
          <Link to="/halt/spreekuren">Spreekuren</Link> · <Link to="/halt/overzicht">Overzicht</Link>
        </p>
      </div>
      <Form method="get" className="filters" aria-label="Filters">
        <div className="field">
          <label htmlFor="schoolId">School</label>
          <select id="schoolId" name="schoolId" defaultValue={filter.schoolId}>
            <option value="">Alle gekoppelde scholen</option>
            <NamedOptions items={schools} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={filter.status}>
            <option value="">Alle</option>
            <LabelOptions labels={labels.statuses} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="type">Soort incident</label>
          <select id="type" name="type" defaultValue={filter.type}>
            <option value="">Alle</option>
            <LabelOptions labels={labels.incidentTypes} />
          </select>
        </div>
        <button type="submit">Filteren</button>
      </Form>
      {bySchool.length === 0 ? <p>Geen verwijzingen.</p> : null}
      {bySchool.map((s) => (
        <section key={s.id} className="card" aria-labelledby={`school-${s.id}`}>
          <h2 id={`school-${s.id}`}>
            {s.name} ({s.items.length})
          </h2>
          {s.items.length === 0 ? (
            <p>Geen verwijzingen.</p>
          ) : (
            <table className="table-responsive">
              <thead>
                <tr>
                  <th scope="col">Verwezen op</th>
                  <th scope="col">Student (zoals gedeeld)</th>
                  <th scope="col">Soort incident</th>
                  <th scope="col">Status</th>
                  <th scope="col">Intake</th>
                </tr>
              </thead>
              <tbody>
                {s.items.map((r) => (
                  <tr key={r.id}>
                    <td data-label="Verwezen op">
                      <Link to={`/halt/${r.id}`}>{formatDate(r.createdAt)}</Link>
                    </td>
                    <td data-label="Student">{r.studentLabel ?? <span className="muted">naam niet gedeeld</span>}</td>
                    <td data-label="Soort incident">{r.incidentTypes.map(ty).join(', ')}</td>
                    <ReferralStatusCells labels={labels} r={r} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </section>
  )
}
