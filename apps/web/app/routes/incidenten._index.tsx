import { createIncident, irisCodes, listIncidents, mayRun, schoolYearOf } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { filtersOf, listWithGroups } from '~/lib/list-page.server.ts'
import { requireUseCase } from '~/lib/use-case.server.ts'
import { SEVERITY_TEXT, formatDateTime } from '~/lib/format.ts'
import { NamedOptions, ValueOptions } from '~/components/form-parts.tsx'
import { Pager } from '~/components/pager.tsx'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, listIncidents)
  const now = new Date()
  // Without a schooljaar the current one.
  const filters = { schooljaar: schoolYearOf(now), ...filtersOf(request) }
  const { page, groups } = await listWithGroups(ctx, listIncidents, filters, now)
  return {
    result: page,
    groups,
    types: irisCodes('voorval'),
    schooljaar: filters.schooljaar,
    currentSchoolYear: schoolYearOf(now),
    canCreate: mayRun(createIncident, ctx.ability),
  }
}

function schoolYearOptions(current: string) {
  const start = Number(current.slice(0, 4))
  return [start + 1, start, start - 1, start - 2, start - 3].map((y) => `${y - 1}-${y}`).reverse().slice(0, 5)
}

export default function Incidents() {
  const { result, groups, types, schooljaar, currentSchoolYear, canCreate } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <section>
      <div className="title-row">
        <h1>Incidenten</h1>
        {canCreate ? (
          <Link to="/incidenten/nieuw" className="button">
            Incident registreren
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters card filters-wide" role="search">
        <div>
          <label htmlFor="schooljaar">Schooljaar</label>
          <select id="schooljaar" name="schooljaar" defaultValue={schooljaar}>
            <ValueOptions values={schoolYearOptions(currentSchoolYear)} />
          </select>
        </div>
        <div>
          <label htmlFor="groupId">Groep</label>
          <select id="groupId" name="groupId" defaultValue={params.get('groupId') ?? ''}>
            <option value="">Alle groepen</option>
            <NamedOptions items={groups} />
          </select>
        </div>
        <div>
          <label htmlFor="voorval">Soort</label>
          <select id="voorval" name="voorval" defaultValue={params.get('voorval') ?? ''}>
            <option value="">Alle soorten</option>
            {types.map((t) => (
              <option key={t.code} value={t.code}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="severity">Ernst</label>
          <select id="severity" name="severity" defaultValue={params.get('severity') ?? ''}>
            <option value="">Alle</option>
            <option value="overig">overig</option>
            <option value="ernstig">ernstig</option>
            <option value="zeer_ernstig">zeer ernstig</option>
          </select>
        </div>
        <div>
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={params.get('status') ?? ''}>
            <option value="">Alle</option>
            <option value="submitted">ingediend</option>
            <option value="draft">concept (eigen)</option>
          </select>
        </div>
        {params.get('studentId') ? <input type="hidden" name="studentId" value={params.get('studentId')!} /> : null}
        <button type="submit">Filter</button>
      </Form>
      <p aria-live="polite">{result.total} incidenten</p>
      {result.items.length === 0 ? (
        <p>Geen incidenten gevonden.</p>
      ) : (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Soort</th>
              <th scope="col">Leerlingen</th>
              <th scope="col">Ernst</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((i) => (
              <tr key={i.id}>
                <td data-label="Datum">
                  <Link to={`/incidenten/${i.id}`}>{formatDateTime(i.occurredAt)}</Link>
                </td>
                <td data-label="Soort">
                  {i.types.map((t) => t.label).join(', ')}
                  {i.confidential ? <span className="badge">vertrouwelijk</span> : null}
                </td>
                <td data-label="Leerlingen">{i.pupils.map((p) => `${p.name} (${p.role})`).join(', ') || '—'}</td>
                <td data-label="Ernst">{SEVERITY_TEXT[i.severity]}</td>
                <td data-label="Status">{i.status === 'draft' ? 'concept' : 'ingediend'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager result={result} texts={(pages) => ({ label: 'Paginering', position: `Pagina ${result.page} van ${pages}`, previous: 'Vorige', next: 'Volgende' })} />
    </section>
  )
}
