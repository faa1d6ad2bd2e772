import { createReferral, HALT_LABELS, listHaltRegions, listReferrals, listReferralsInput, mayRun, runUseCase } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { formatDate } from '~/lib/format.ts'
import { requireUseCase, caseContextOf } from '~/lib/use-case.server.ts'
import { LabelOptions } from '~/components/form-parts.tsx'
import { ReferralStatusCells } from '~/components/halt.tsx'

/** The school's referrals to the Halt spreekuur: status, intake date, outcome. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listReferrals)
  const url = new URL(request.url)
  const filter = listReferralsInput.safeParse({ status: url.searchParams.get('status') ?? '' })
  const input = filter.success ? filter.data : {}
  const [listed, regions] = await inTenant(ctx, async (tx) => [await runUseCase(listReferrals, tx, caseContextOf(ctx), input), await runUseCase(listHaltRegions, tx, caseContextOf(ctx), {})] as const)
  const items = listed.ok ? listed.items : []
  return {
    items,
    linked: regions.ok && regions.items.length > 0,
    canCreate: mayRun(createReferral, ctx.ability),
    status: input.status ?? '',
    labels: { statuses: HALT_LABELS.statuses, incidentTypes: HALT_LABELS.incidentTypes, outcomes: HALT_LABELS.outcomes },
  }
}

export default function Referrals() {
  const { items, linked, canCreate, status, labels } = useLoaderData<typeof loader>()
  return (
    <section>
      <div className="title-row">
        <h1>Verwijzingen naar het Halt-spreekuur</h1>
        {canCreate && linked ? (
          <Link to="/verwijzingen/nieuw" className="button">
            Student verwijzen
          </Link>
        ) : null}
      </div>
      {!linked ? <p className="muted">Deze school is niet gekoppeld aan een Halt-regio; verwijzen naar het Halt-spreekuur kan niet.</p> : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status}>
            <option value="">Alle</option>
            <LabelOptions labels={labels.statuses} />
          </select>
        </div>
        <button type="submit">Filteren</button>
      </Form>
      {items.length === 0 ? (
        <p>Geen verwijzingen.</p>
      ) : (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Verwezen op</th>
              <th scope="col">Soort incident</th>
              <th scope="col">Status</th>
              <th scope="col">Intake</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td data-label="Student">
                  <Link to={`/verwijzingen/${r.id}`}>{r.studentName}</Link>
                </td>
                <td data-label="Verwezen op">{formatDate(r.createdAt)}</td>
                <td data-label="Soort incident">{r.incidentTypes.map((t) => labels.incidentTypes[t as keyof typeof labels.incidentTypes] ?? t).join(', ')}</td>
                <ReferralStatusCells labels={labels} r={r} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
