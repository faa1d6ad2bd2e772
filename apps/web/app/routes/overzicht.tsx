import { listOverviewYears, readOverview, runUseCase } from '@baken/domain'
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { schooljaarFromRequest } from '~/lib/schooljaar.server.ts'
import { requireUseCase, caseContextOf } from '~/lib/use-case.server.ts'
import { useRootData } from '~/root.tsx'
import { SchoolYearFilter } from '~/components/form-parts.tsx'
import { fill } from '~/lib/format.ts'

/** /overzicht — the school's yearly overview (the school safety protocol's Bijlage 2) and the RI&E counts; directeur and IB. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readOverview)
  const { schooljaar, current } = schooljaarFromRequest(request)
  return inTenant(ctx, async (tx) => {
    const overview = await runUseCase(readOverview, tx, caseContextOf(ctx), { id: ctx.tenant.schoolId ?? '', schooljaar })
    if (!overview.ok) throw data('Niet gevonden', { status: 404 })
    const withIncidents = await listOverviewYears(tx, ctx.ability)
    return {
      school: overview.school,
      schooljaar,
      years: [...new Set([current, schooljaar, ...withIncidents])].sort().reverse(),
      rows: overview.rows,
      analysis: overview.analysis!,
    }
  })
}

const dictionary = {
  nl: {
    title: 'Jaaroverzicht incidenten',
    intro: 'Alle ingediende incidenten van het schooljaar (1 augustus – 31 juli) met de betrokken leerlingen, volgens bijlage 2 van het protocol.',
    schooljaar: 'Schooljaar',
    show: 'Tonen',
    download: 'Downloaden',
    csv: 'CSV (Excel)',
    xlsx: 'Excel-bestand (XLSX)',
    table: 'Incidenten per leerling',
    none: 'Geen incidenten in dit schooljaar.',
    rowCount: '{rows} regels, {total} incidenten',
    naam: 'Naam',
    datum: 'Datum',
    groep: 'Groep',
    incident: 'Incident',
    sanctie: 'Sanctie',
    rol: 'Rol',
    ernst: 'Ernst',
    confidential: 'vertrouwelijk',
    onThisPage: 'Op deze pagina',
    analysis: 'Analyse voor de RI&E',
    analysisIntro: 'Aantallen incidenten in {year}. Een incident met meer soorten telt bij elke soort mee.',
    total: 'Totaal',
    perType: 'Soort incident (IRIS)',
    perLocation: 'Locatie',
    perMonth: 'Per maand',
    perWeekday: 'Per weekdag',
    perHour: 'Per uur',
    perSeverity: 'Ernst',
    category: 'Categorie',
    count: 'Aantal',
    unknown: 'onbekend',
    hoursNote: 'Uren met incidenten (Nederlandse tijd).',
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
    roles: { dader: 'dader', slachtoffer: 'slachtoffer', getuige: 'getuige', melder: 'melder', betrokkene: 'betrokkene' },
    severities: { overig: 'overig', ernstig: 'ernstig', zeer_ernstig: 'zeer ernstig' },
  },
  en: {
    title: 'Yearly incident overview',
    intro: 'All submitted incidents of the school year (1 August – 31 July) with the pupils involved, as in annex 2 of the protocol.',
    schooljaar: 'School year',
    show: 'Show',
    download: 'Download',
    csv: 'CSV (Excel)',
    xlsx: 'Excel file (XLSX)',
    table: 'Incidents per pupil',
    none: 'No incidents in this school year.',
    rowCount: '{rows} lines, {total} incidents',
    naam: 'Name',
    datum: 'Date',
    groep: 'Group',
    incident: 'Incident',
    sanctie: 'Sanction',
    rol: 'Role',
    ernst: 'Severity',
    confidential: 'confidential',
    onThisPage: 'On this page',
    analysis: 'Analysis for the risk assessment (RI&E)',
    analysisIntro: 'Numbers of incidents in {year}. An incident of several types counts for each type.',
    total: 'Total',
    perType: 'Type of incident (IRIS)',
    perLocation: 'Location',
    perMonth: 'Per month',
    perWeekday: 'Per weekday',
    perHour: 'Per hour',
    perSeverity: 'Severity',
    category: 'Category',
    count: 'Number',
    unknown: 'unknown',
    hoursNote: 'Hours with incidents (Dutch time).',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    roles: { dader: 'perpetrator', slachtoffer: 'victim', getuige: 'witness', melder: 'reporter', betrokkene: 'involved' },
    severities: { overig: 'other', ernstig: 'serious', zeer_ernstig: 'very serious' },
  },
} as const

type Dictionary = (typeof dictionary)['nl' | 'en']

/** '2026-07-31' → '31-07-2026'. */
const dutchDate = (iso: string) => iso.split('-').reverse().join('-')

interface Bar {
  key: string
  label: string
  count: number
}

/**
 * A horizontal bar chart as a plain table: the row header names the category and the cell holds the
 * number as text, so screen readers read the numbers; the bar itself is decoration (aria-hidden).
 */
function BarChart({ title, bars, t, note }: { title: string; bars: Bar[]; t: Dictionary; note?: string }) {
  const id = useId()
  const max = Math.max(1, ...bars.map((b) => b.count))
  return (
    <section className="card ov-chart" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {note ? <p className="muted">{note}</p> : null}
      {bars.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="ov-bars">
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                {t.category}
              </th>
              <th scope="col" className="sr-only">
                {t.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td>
                  <div className="ov-bar-cell">
                    <span className="ov-bar-track" aria-hidden="true">
                      <span className="ov-bar" style={{ width: `${(b.count / max) * 100}%` }} />
                    </span>
                    <span className="ov-count">{b.count}</span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export default function Overview() {
  const lang = useRootData()?.lang === 'en' ? 'en' : 'nl'
  const t = dictionary[lang]
  const { school, schooljaar, years, rows, analysis } = useLoaderData<typeof loader>()
  const exportUrl = (format: 'csv' | 'xlsx') => `/overzicht/export?schooljaar=${encodeURIComponent(schooljaar)}&format=${format}`
  const a = analysis
  // Hours from the first to the last with incidents, so the school day shows without 16 empty rows.
  const busyHours = a.perHour.filter((h) => h.count > 0).map((h) => h.key)
  const hours = busyHours.length ? a.perHour.filter((h) => h.key >= Math.min(...busyHours) && h.key <= Math.max(...busyHours)) : []
  return (
    <section>
      <h1>{`${t.title} ${schooljaar}`}</h1>
      <p>
        {school.name} ({school.brin}). {t.intro}
      </p>
      <SchoolYearFilter className="filters card ov-filters" label={t.schooljaar} submit={t.show} years={years} value={schooljaar} />

      <nav className="ov-jump" aria-label={t.onThisPage}>
        <a href="#tabel">{t.table}</a>
        <a href="#analyse">{t.analysis}</a>
      </nav>

      <div className="card ov-downloads">
        <h2>{t.download}</h2>
        <p>
          <a className="button secondary" href={exportUrl('csv')} download>
            {t.csv}
          </a>{' '}
          <a className="button secondary" href={exportUrl('xlsx')} download>
            {t.xlsx}
          </a>
        </p>
      </div>

      <h2 id="tabel">{t.table}</h2>
      <p aria-live="polite">{fill(t.rowCount, { rows: rows.length, total: a.total })}</p>
      {rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">{t.naam}</th>
              <th scope="col">{t.datum}</th>
              <th scope="col">{t.groep}</th>
              <th scope="col">{t.incident}</th>
              <th scope="col">{t.sanctie}</th>
              <th scope="col">{t.rol}</th>
              <th scope="col">{t.ernst}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, index) => (
              <tr key={`${r.incidentId}-${index}`}>
                <td data-label={t.naam}>
                  <Link to={`/leerlingen/${r.studentId}`}>{r.naam}</Link>
                </td>
                <td data-label={t.datum} className="ov-nowrap">
                  <Link to={`/incidenten/${r.incidentId}`}>{dutchDate(r.datum)}</Link>
                </td>
                <td data-label={t.groep} className="ov-nowrap">{r.groep ?? '—'}</td>
                <td data-label={t.incident}>
                  {r.incident || '—'}
                  {r.vertrouwelijk ? <span className="ov-tag">{t.confidential}</span> : null}
                </td>
                <td data-label={t.sanctie}>{r.sanctie || '—'}</td>
                <td data-label={t.rol}>{t.roles[r.rol]}</td>
                <td data-label={t.ernst}>{t.severities[r.ernst]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="analyse">{t.analysis}</h2>
      <p>
        {fill(t.analysisIntro, { year: schooljaar })}{' '}
        <strong>
          {t.total}: {a.total}
        </strong>
      </p>
      <div className="ov-charts">
        <BarChart t={t} title={t.perType} bars={a.perType.map((b) => ({ key: String(b.key), label: b.label, count: b.count }))} />
        <BarChart
          t={t}
          title={t.perLocation}
          bars={a.perLocation.map((b) => ({ key: String(b.key), label: b.key === null ? t.unknown : b.label, count: b.count }))}
        />
        <BarChart t={t} title={t.perMonth} bars={a.perMonth.map((b) => ({ key: String(b.key), label: t.months[b.key - 1]!, count: b.count }))} />
        <BarChart t={t} title={t.perWeekday} bars={a.perWeekday.map((b) => ({ key: String(b.key), label: t.weekdays[b.key - 1]!, count: b.count }))} />
        <BarChart t={t} title={t.perHour} note={t.hoursNote} bars={hours.map((b) => ({ key: String(b.key), label: b.label, count: b.count }))} />
        <BarChart t={t} title={t.perSeverity} bars={a.perSeverity.map((b) => ({ key: b.key, label: t.severities[b.key], count: b.count }))} />
      </div>
    </section>
  )
}
