// /toegangslog — the privacyfunctionaris reviews who looked at what: search by
// date range, person, role, kind of record, pupil and break-glass; paged; break-glass rows marked;
// the current search downloadable as CSV (/toegangslog.csv, itself logged). Only the
// privacyfunctionaris (`read AccessLog`): others get 403 here, and RLS shows them no rows anyway.
// Viewing the log is not itself logged (it holds no pupil content, only ids); the CSV export is.
import { ACCESS_ACTION_LABELS, ACCESS_ROLE_LABELS, ACCESS_SUBJECT_LABELS, accessLogFilterSchema, accessLogFiltersToQuery, searchAccessLog } from '@baken/domain'
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { requireContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { formatDateTime } from '~/lib/format.ts'
import { ChoiceOptions } from '~/components/form-parts.tsx'

export const meta: MetaFunction = () => [{ title: 'Toegangslog · Baken' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, searchAccessLog)
  const raw = Object.fromEntries(new URL(request.url).searchParams)
  const options = {
    roles: Object.entries(ACCESS_ROLE_LABELS).map(([value, label]) => ({ value, label })),
    subjects: Object.entries(ACCESS_SUBJECT_LABELS).map(([value, label]) => ({ value, label })),
    actions: ACCESS_ACTION_LABELS,
  }
  const values = {
    from: raw.from ?? '',
    to: raw.to ?? '',
    person: raw.person ?? '',
    role: raw.role ?? '',
    subjectType: raw.subjectType ?? '',
    studentId: raw.studentId ?? '',
    breakGlass: raw.breakGlass === '1' || raw.breakGlass === 'on' || raw.breakGlass === 'true',
  }
  const found = await perform(ctx, searchAccessLog, raw)
  if (!found.ok && found.reason === 'invalid') return data({ options, values, errors: found.errors, result: null, query: '' }, { status: 400 })
  if (!found.ok) throw new Response('Geen toegang', { status: 403 })
  // The search as the use case read it (pure): for the links to other pages and to the CSV.
  const filters = accessLogFilterSchema.parse(raw)
  const pages = Math.max(1, Math.ceil(found.total / found.pageSize))
  return {
    options,
    values,
    errors: [] as { path: string; message: string }[],
    query: accessLogFiltersToQuery(filters),
    result: {
      items: found.items,
      total: found.total,
      page: found.page,
      pages,
      prev: found.page > 1 ? accessLogFiltersToQuery(filters, { page: found.page - 1 }) : null,
      next: found.page < pages ? accessLogFiltersToQuery(filters, { page: found.page + 1 }) : null,
    },
  }
}

const FIELD_LABELS: Record<string, string> = {
  from: 'Vanaf',
  to: 'Tot en met',
  person: 'Persoon',
  role: 'Rol',
  subjectType: 'Soort gegeven',
  studentId: 'Leerling-ID',
  breakGlass: 'Alleen break-glass',
  page: 'Pagina',
  pageSize: 'Aantal per pagina',
}

export default function AccessLogPage() {
  const { options, values, errors, result, query } = useLoaderData<typeof loader>()
  const summary = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length) summary.current?.focus()
  }, [errors.length])
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message
  const describedBy = (path: string) => (errorFor(path) ? `${path}-error` : undefined)
  const roleLabel = (r: string) => options.roles.find((o) => o.value === r)?.label ?? r
  const subjectLabel = (s: string) => options.subjects.find((o) => o.value === s)?.label ?? s
  return (
    <section className="card">
      <h1>Toegangslog</h1>
      <p className="muted">
        Wie welke gegevens van de stichting heeft ingezien, wanneer en waarom. Het log kan niet worden gewijzigd; rijen met een reden
        (break-glass) zijn gemarkeerd.
      </p>
      {errors.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>
            <strong>De zoekopdracht klopt niet.</strong>
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <a href={`#${e.path}`}>
                  {FIELD_LABELS[e.path] ?? e.path}: {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="get" role="search" aria-label="Toegangslog doorzoeken">
        <fieldset>
          <legend>Zoeken</legend>
          <div className="two-col">
            <div className="field">
              <label htmlFor="from">Vanaf (datum)</label>
              <input id="from" name="from" type="date" defaultValue={values.from} aria-invalid={errorFor('from') ? true : undefined} aria-describedby={describedBy('from')} />
              {errorFor('from') ? <p className="field-error" id="from-error">{errorFor('from')}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="to">Tot en met (datum)</label>
              <input id="to" name="to" type="date" defaultValue={values.to} aria-invalid={errorFor('to') ? true : undefined} aria-describedby={describedBy('to')} />
              {errorFor('to') ? <p className="field-error" id="to-error">{errorFor('to')}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="person">Persoon (naam)</label>
              <input id="person" name="person" type="search" defaultValue={values.person} aria-invalid={errorFor('person') ? true : undefined} aria-describedby={describedBy('person')} />
              {errorFor('person') ? <p className="field-error" id="person-error">{errorFor('person')}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="role">Rol</label>
              <select id="role" name="role" defaultValue={values.role} aria-invalid={errorFor('role') ? true : undefined} aria-describedby={describedBy('role')}>
                <option value="">alle rollen</option>
                <ChoiceOptions choices={options.roles} />
              </select>
              {errorFor('role') ? <p className="field-error" id="role-error">{errorFor('role')}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="subjectType">Soort gegeven</label>
              <select id="subjectType" name="subjectType" defaultValue={values.subjectType} aria-invalid={errorFor('subjectType') ? true : undefined} aria-describedby={describedBy('subjectType')}>
                <option value="">alle soorten</option>
                <ChoiceOptions choices={options.subjects} />
              </select>
              {errorFor('subjectType') ? <p className="field-error" id="subjectType-error">{errorFor('subjectType')}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="studentId">Leerling-ID</label>
              <input
                id="studentId"
                name="studentId"
                type="text"
                inputMode="text"
                autoComplete="off"
                defaultValue={values.studentId}
                aria-invalid={errorFor('studentId') ? true : undefined}
                aria-describedby={errorFor('studentId') ? 'studentId-hint studentId-error' : 'studentId-hint'}
              />
              <p className="muted" id="studentId-hint">
                Het ID uit de export of het verzoek van de betrokkene.
              </p>
              {errorFor('studentId') ? <p className="field-error" id="studentId-error">{errorFor('studentId')}</p> : null}
            </div>
          </div>
          <div className="field check-field">
            <input id="breakGlass" name="breakGlass" type="checkbox" value="1" defaultChecked={values.breakGlass} />
            <label htmlFor="breakGlass">Alleen break-glass (geopend met een reden)</label>
          </div>
          <button type="submit">Zoeken</button> <Link to="/toegangslog">Wis de zoekopdracht</Link>
        </fieldset>
      </Form>
      {result ? (
        <>
          <h2 id="results-h">
            {result.total === 1 ? '1 rij' : `${result.total} rijen`}
            {result.pages > 1 ? <span className="muted"> · pagina {result.page} van {result.pages}</span> : null}
          </h2>
          <p>
            <a href={`/toegangslog.csv${query ? `?${query}` : ''}`} download>
              Deze zoekopdracht exporteren als CSV
            </a>{' '}
            <span className="muted">(de export wordt zelf ook gelogd)</span>
          </p>
          {result.items.length === 0 ? (
            <p>Niets gevonden.</p>
          ) : (
            <table className="table-responsive" aria-labelledby="results-h">
              <thead>
                <tr>
                  <th scope="col">Tijdstip</th>
                  <th scope="col">Wie</th>
                  <th scope="col">Handeling</th>
                  <th scope="col">Gegeven</th>
                  <th scope="col">Leerling-ID’s</th>
                  <th scope="col">Reden of doel</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((r) => (
                  <tr
                    key={r.id}
                    className={r.breakGlass ? 'break-glass' : undefined}
                    style={r.breakGlass ? { background: '#fff4e0', boxShadow: 'inset 4px 0 0 #b35c00' } : undefined}
                  >
                    <td data-label="Tijdstip">{formatDateTime(r.at)}</td>
                    <td data-label="Wie">
                      {r.userName} <span className="muted">({roleLabel(r.role)}{r.schoolName ? `, ${r.schoolName}` : ''})</span>
                    </td>
                    <td data-label="Handeling">
                      {r.breakGlass ? <strong className="badge">break-glass</strong> : null} {options.actions[r.action] ?? r.action}
                    </td>
                    <td data-label="Gegeven">
                      {subjectLabel(r.subjectType)}
                      {r.subjectId ? <span className="muted"> {r.subjectId.slice(0, 8)}</span> : null}
                    </td>
                    <td data-label="Leerling-ID’s">
                      {r.studentIds.length
                        ? r.studentIds.map((id, i) => (
                            <span key={id}>
                              {i > 0 ? ', ' : null}
                              <Link to={`/toegangslog?studentId=${id}`}>{id.slice(0, 8)}</Link>
                            </span>
                          ))
                        : '—'}
                    </td>
                    <td data-label="Reden of doel" className="prewrap">
                      {r.reason ?? '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.pages > 1 ? (
            <nav className="pager" aria-label="Pagina's">
              {result.prev !== null ? <Link to={`/toegangslog?${result.prev}`}>← Vorige</Link> : null}
              <span>
                Pagina {result.page} van {result.pages}
              </span>
              {result.next !== null ? <Link to={`/toegangslog?${result.next}`}>Volgende →</Link> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
