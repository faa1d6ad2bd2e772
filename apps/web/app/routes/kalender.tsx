import {
  BUNDLED_SCHOOL_HOLIDAYS,
  createCalendarEntry,
  deleteCalendarEntry,
  getSchoolCalendar,
  getStichtingCalendar,
  importBundledSchoolHolidays,
  importSchoolHolidays,
  listSchoolYearNames,
  mayRun,
  MAX_HOLIDAY_FILE_BYTES,
  runUseCase,
  type HolidayImport,
} from '@baken/domain'
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { ErrorSummary, SchoolYearFilter } from '~/components/form-parts.tsx'
import { inTenant, requireContext } from '~/lib/context.server.ts'
import { schooljaarFromRequest } from '~/lib/schooljaar.server.ts'
import { perform, refusalData, requireUseCase, submitForm, caseContextOf } from '~/lib/use-case.server.ts'
import { useRootData } from '~/root.tsx'
import { fill } from '~/lib/format.ts'

/**
 * /kalender — the school calendar. The stichtingbeheerder keeps the school holidays per
 * region and each school's own days, and imports the region holidays from the Rijksoverheid's open
 * data (a file, or the data Baken ships); other stichting roles read them; school staff see their own
 * school's schooljaar with the national holidays and the number of school days. A schooljaar without
 * a region's holidays is flagged: a schorsing in it is refused until they are entered.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, getStichtingCalendar)
  const { schooljaar, current } = schooljaarFromRequest(request)
  return inTenant(ctx, async (tx) => {
    const years = [...new Set([...(await listSchoolYearNames(tx)), current, schooljaar])].sort().reverse()
    const schoolId = ctx.membership.schoolId
    if (schoolId) {
      const view = await runUseCase(getSchoolCalendar, tx, caseContextOf(ctx), { schoolId, schooljaar })
      if (!view.ok) throw data('Niet gevonden', { status: 404 })
      const { ok: _ok, ...shown } = view
      return { mode: 'school' as const, schooljaar, years, view: shown }
    }
    const found = await runUseCase(getStichtingCalendar, tx, caseContextOf(ctx), { schooljaar })
    if (!found.ok) throw data('Niet gevonden', { status: 404 })
    const { ok: _ok, ...stichting } = found
    return {
      mode: 'stichting' as const,
      schooljaar,
      years,
      stichting,
      canEdit: mayRun(createCalendarEntry, ctx.ability),
      bundled: Object.hasOwn(BUNDLED_SCHOOL_HOLIDAYS, schooljaar),
      maxKilobytes: MAX_HOLIDAY_FILE_BYTES / 1024,
    }
  })
}

type FormValues = Record<'kind' | 'name' | 'startsOn' | 'endsOn' | 'scope', string>
type ActionData = { intent: string; errors: { path: string; message: string }[]; values: FormValues }

const EMPTY: FormValues = { kind: '', name: '', startsOn: '', endsOn: '', scope: '' }
const YEAR = /^\d{4}-\d{4}$/

/** After an import: the page of the schooljaar asked for (or the first imported), with the count. */
function afterImport(result: HolidayImport, asked: string) {
  const year = result.schoolYears.some((y) => y.schoolYear === asked) ? asked : result.schoolYears[0]!.schoolYear
  return redirect(`/kalender?schooljaar=${year}&geimporteerd=${result.schoolYears.find((y) => y.schoolYear === year)!.imported}`)
}

/** The import of a file in the Rijksoverheid's format (multipart, with a size limit while reading). */
async function importFile(request: Request, ctx: ReturnType<typeof requireContext>) {
  // An import replaces region holidays: it adds entries and deletes entries.
  requireUseCase(ctx, importSchoolHolidays)
  requireUseCase(ctx, deleteCalendarEntry)
  const refused = (status: number, message: string) => data<ActionData>({ intent: 'import', errors: [{ path: 'file', message }], values: EMPTY }, { status })
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_HOLIDAY_FILE_BYTES }))
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return refused(413, `Het bestand is te groot; het maximum is ${MAX_HOLIDAY_FILE_BYTES / 1024} kB.`)
    throw e
  }
  const file = form.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return refused(400, 'Kies een bestand met de schoolvakanties van de Rijksoverheid (JSON).')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
  } catch {
    return refused(400, 'Het bestand is geen tekstbestand (UTF-8): kies het JSON-bestand van de Rijksoverheid.')
  }
  const result = await perform(ctx, importSchoolHolidays, { text })
  if (!result.ok) return refusalData(result, { intent: 'import', values: EMPTY })
  const asked = form.get('schooljaar')
  return afterImport(result, typeof asked === 'string' ? asked : '')
}

/**
 * Add or delete an entry, or import the region holidays (stichtingbeheerder). Refusals come back as
 * Dutch errors; nothing is written.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return importFile(request, ctx)
  const form = await request.formData()
  const field = (k: string) => {
    const v = form.get(k)
    return typeof v === 'string' ? v : ''
  }
  const intent = field('intent')
  const schooljaar = field('schooljaar')
  if (intent === 'import-bundled') {
    // As the file import: it adds entries and deletes entries.
    requireUseCase(ctx, deleteCalendarEntry)
    const result = await submitForm(ctx, importBundledSchoolHolidays, form)
    if (!result.ok) return refusalData(result, { intent: 'import', values: EMPTY })
    return afterImport(result, schooljaar)
  }
  // What was entered, to fill the form again.
  const values: FormValues = { kind: field('kind'), name: field('name'), startsOn: field('startsOn'), endsOn: field('endsOn'), scope: field('scope') }
  if (intent !== 'create' && intent !== 'delete') {
    requireUseCase(ctx, createCalendarEntry)
    return data<ActionData>({ intent, errors: [{ path: 'intent', message: 'Onbekende actie.' }], values }, { status: 400 })
  }
  const result = intent === 'create' ? await submitForm(ctx, createCalendarEntry, form) : await submitForm(ctx, deleteCalendarEntry, form)
  if (!result.ok) return refusalData(result, { intent, values })
  const year = YEAR.test(schooljaar) ? `schooljaar=${schooljaar}&` : ''
  return redirect(`/kalender?${year}${intent === 'delete' ? 'verwijderd' : 'toegevoegd'}=1`)
}

const dictionary = {
  nl: {
    title: 'Schoolkalender',
    intro:
      'Schooldagen worden geteld op deze kalender: weekenden, nationale feestdagen, de schoolvakanties van de regio en de eigen dagen van de school. Zo worden bijvoorbeeld de vijf schooldagen van een schorsing berekend.',
    rules:
      'Nationale feestdagen berekent Baken zelf. Goede Vrijdag is geen algemene vrije dag, en Bevrijdingsdag alleen in lustrumjaren (2025, 2030, …). Is een school op zo’n dag toch vrij, voeg dan een vrije dag toe voor de regio of de school.',
    schooljaar: 'Schooljaar',
    show: 'Tonen',
    added: 'De dag of periode is toegevoegd.',
    deleted: 'De dag of periode is verwijderd.',
    schoolDays: '{n} schooldagen in schooljaar {year} (1 augustus t/m 31 juli).',
    region: 'Regio {region}',
    incomplete: 'Voor dit schooljaar zijn nog geen schoolvakanties van regio {region} ingevoerd; het aantal schooldagen klopt dan niet.',
    regionIncomplete:
      'Voor schooljaar {year} zijn nog geen schoolvakanties van regio {region} ingevoerd. Een schorsing in dit schooljaar wordt geweigerd tot ze zijn ingevoerd of geïmporteerd: zonder vakanties zijn de schooldagen niet te tellen.',
    imported: '{n} schoolvakanties van schooljaar {year} geïmporteerd.',
    importTitle: 'Schoolvakanties importeren',
    importIntro:
      'Importeer de schoolvakanties van de drie regio’s uit de open data van de Rijksoverheid (rijksoverheid.nl/opendata/schoolvakanties, JSON). De import vervangt de schoolvakanties per regio van de schooljaren in het bestand; de eigen dagen van scholen en andere vrije dagen blijven staan.',
    importFile: 'Bestand (JSON, hoogstens {kb} kB)',
    importButton: 'Bestand importeren',
    importBundled: 'Schoolvakanties {year} van de Rijksoverheid overnemen (meegeleverd met Baken)',
    importFailed: 'De schoolvakanties zijn niet geïmporteerd; er is niets gewijzigd',
    when: 'Wanneer',
    what: 'Wat',
    kind: 'Soort',
    source: 'Geldt voor',
    none: 'Nog niets ingevoerd.',
    national: 'heel Nederland',
    thisSchool: 'deze school',
    notFree: 'geen vrije dag',
    regions: 'Schoolvakanties per regio',
    regionsIntro: 'Een vakantie van een regio geldt voor alle scholen in die regio. De zomervakantie hoort bij het schooljaar waarin hij begint.',
    schools: 'Eigen dagen per school',
    schoolSummary: '{name} ({brin}), regio {region}: {n} schooldagen',
    add: 'Dag of periode toevoegen',
    addButton: 'Toevoegen',
    name: 'Naam',
    namePlaceholder: 'bijvoorbeeld Studiedag',
    from: 'Van',
    to: 'Tot en met',
    scope: 'Voor',
    chooseScope: 'Kies een regio of een school',
    delete: 'Verwijderen',
    errorsTitle: 'De dag of periode is niet toegevoegd',
    deleteFailed: 'Verwijderen lukte niet',
    readOnly: 'Alleen de stichtingbeheerder kan de kalender aanpassen.',
    kinds: { schoolvakantie: 'schoolvakantie', feestdag: 'feestdag', studiedag: 'studiedag', vrije_dag: 'vrije dag', nationale_feestdag: 'nationale feestdag' },
    days: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
    months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    through: 't/m',
  },
  en: {
    title: 'School calendar',
    intro:
      'School days are counted on this calendar: weekends, national holidays, the school holidays of the region and the school’s own days. This is how, for example, the five school days of a suspension are computed.',
    rules:
      'Baken computes the national holidays itself. Good Friday is not a general day off, and Liberation Day only in lustrum years (2025, 2030, …). If a school is closed on such a day anyway, add a day off for the region or the school.',
    schooljaar: 'School year',
    show: 'Show',
    added: 'The day or period was added.',
    deleted: 'The day or period was deleted.',
    schoolDays: '{n} school days in school year {year} (1 August to 31 July).',
    region: 'Region {region}',
    incomplete: 'No school holidays of region {region} have been entered for this school year yet, so the number of school days is not right.',
    regionIncomplete:
      'No school holidays of region {region} have been entered for school year {year} yet. A suspension in this school year is refused until they are entered or imported: without holidays its school days cannot be counted.',
    imported: '{n} school holidays of school year {year} imported.',
    importTitle: 'Import school holidays',
    importIntro:
      'Import the school holidays of the three regions from the open data of the Dutch government (rijksoverheid.nl/opendata/schoolvakanties, JSON). The import replaces the region holidays of the school years in the file; the schools’ own days and other days off stay.',
    importFile: 'File (JSON, at most {kb} kB)',
    importButton: 'Import file',
    importBundled: 'Take over the government’s school holidays of {year} (shipped with Baken)',
    importFailed: 'The school holidays were not imported; nothing was changed',
    when: 'When',
    what: 'What',
    kind: 'Kind',
    source: 'Applies to',
    none: 'Nothing entered yet.',
    national: 'the whole country',
    thisSchool: 'this school',
    notFree: 'not a day off',
    regions: 'School holidays per region',
    regionsIntro: 'A holiday of a region applies to every school in that region. The summer holiday belongs to the school year in which it starts.',
    schools: 'Days of each school',
    schoolSummary: '{name} ({brin}), region {region}: {n} school days',
    add: 'Add a day or period',
    addButton: 'Add',
    name: 'Name',
    namePlaceholder: 'for example Study day',
    from: 'From',
    to: 'Up to and including',
    scope: 'For',
    chooseScope: 'Choose a region or a school',
    delete: 'Delete',
    errorsTitle: 'The day or period was not added',
    deleteFailed: 'Could not delete',
    readOnly: 'Only the foundation administrator can change the calendar.',
    kinds: { schoolvakantie: 'school holiday', feestdag: 'holiday', studiedag: 'study day', vrije_dag: 'day off', nationale_feestdag: 'national holiday' },
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    through: 'to',
  },
} as const

type Dictionary = (typeof dictionary)['nl' | 'en']
type Kind = keyof Dictionary['kinds']

/** '2026-11-25' → 'wo 25 nov 2026', computed from the date itself (no time zone, same on server and client). */
function day(t: Dictionary, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
  return `${t.days[weekday]} ${d} ${t.months[m - 1]} ${y}`
}

function period(t: Dictionary, from: string, to: string): string {
  return from === to ? day(t, from) : `${day(t, from)} ${t.through} ${day(t, to)}`
}

interface EntryRow {
  id: string
  kind: string
  name: string
  startsOn: string
  endsOn: string
}

function EntryTable({ t, entries, canEdit, schooljaar, caption }: { t: Dictionary; entries: EntryRow[]; canEdit: boolean; schooljaar: string; caption: string }) {
  if (entries.length === 0) return <p className="muted">{t.none}</p>
  return (
    <table className="table-responsive kal-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.when}</th>
          <th scope="col">{t.what}</th>
          <th scope="col">{t.kind}</th>
          {canEdit ? (
            <th scope="col">
              <span className="sr-only">{t.delete}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td data-label={t.when} className="kal-when">
              {period(t, e.startsOn, e.endsOn)}
            </td>
            <td data-label={t.what}>{e.name}</td>
            <td data-label={t.kind}>{t.kinds[e.kind as Kind] ?? e.kind}</td>
            {canEdit ? (
              <td>
                <Form method="post">
                  <input type="hidden" name="schooljaar" value={schooljaar} />
                  <input type="hidden" name="id" value={e.id} />
                  <button type="submit" name="intent" value="delete" className="button secondary" aria-label={`${t.delete}: ${e.name}, ${period(t, e.startsOn, e.endsOn)}`}>
                    {t.delete}
                  </button>
                </Form>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The id of the field an error concerns, for the error summary's links. */
const FIELD_IDS: Record<string, string> = { kind: 'kal-kind', name: 'kal-name', startsOn: 'kal-from', endsOn: 'kal-to', scope: 'kal-scope', schooljaar: 'kal-scope', file: 'kal-file' }

function AddForm({ t, schooljaar, schools, actionData }: { t: Dictionary; schooljaar: string; schools: { id: string; name: string }[]; actionData: ActionData | undefined }) {
  const navigation = useNavigation()
  const failed = actionData?.intent === 'create' ? actionData : undefined
  const errorOf = (path: string) => failed?.errors.filter((e) => e.path === path).map((e) => e.message).join(' ') || undefined
  const field = (path: string) => {
    const error = errorOf(path)
    return { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `kal-${path}-error` : undefined }
  }
  const fieldError = (path: string) => {
    const error = errorOf(path)
    return error ? (
      <p id={`kal-${path}-error`} className="field-error">
        {error}
      </p>
    ) : null
  }
  const v = failed?.values
  return (
    <section className="card" aria-labelledby="kal-add">
      <h2 id="kal-add">{t.add}</h2>
      <ErrorSummary title={t.errorsTitle} errors={(failed?.errors ?? []).map((e) => ({ message: e.message, path: FIELD_IDS[e.path] ?? '' }))} />
      {/* key: a failed submission re-renders the form with the values sent. */}
      <Form method="post" key={failed ? JSON.stringify(v) : 'new'} className="kal-form">
        <input type="hidden" name="schooljaar" value={schooljaar} />
        <div className="field">
          <label htmlFor="kal-kind">{t.kind}</label>
          <select id="kal-kind" name="kind" defaultValue={v?.kind || 'studiedag'} {...field('kind')}>
            {(['schoolvakantie', 'studiedag', 'vrije_dag', 'feestdag'] as const).map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
          {fieldError('kind')}
        </div>
        <div className="field">
          <label htmlFor="kal-name">{t.name}</label>
          <input id="kal-name" name="name" required maxLength={120} placeholder={t.namePlaceholder} defaultValue={v?.name} {...field('name')} />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor="kal-from">{t.from}</label>
          <input id="kal-from" name="startsOn" type="date" required defaultValue={v?.startsOn} {...field('startsOn')} />
          {fieldError('startsOn')}
        </div>
        <div className="field">
          <label htmlFor="kal-to">{t.to}</label>
          <input id="kal-to" name="endsOn" type="date" required defaultValue={v?.endsOn} {...field('endsOn')} />
          {fieldError('endsOn')}
        </div>
        <div className="field">
          <label htmlFor="kal-scope">{t.scope}</label>
          <select id="kal-scope" name="scope" required defaultValue={v?.scope ?? ''} {...field('scope')}>
            <option value="">{t.chooseScope}</option>
            {(['noord', 'midden', 'zuid'] as const).map((r) => (
              <option key={r} value={`regio:${r}`}>
                {fill(t.region, { region: r })}
              </option>
            ))}
            {schools.map((s) => (
              <option key={s.id} value={`school:${s.id}`}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError('scope')}
          {fieldError('schooljaar')}
        </div>
        <button type="submit" name="intent" value="create" disabled={navigation.state === 'submitting'}>
          {t.addButton}
        </button>
      </Form>
    </section>
  )
}

function ImportForm({ t, schooljaar, bundled, maxKilobytes, actionData }: { t: Dictionary; schooljaar: string; bundled: boolean; maxKilobytes: number; actionData: ActionData | undefined }) {
  const navigation = useNavigation()
  const failed = actionData?.intent === 'import' ? actionData : undefined
  return (
    <section className="card" aria-labelledby="kal-import">
      <h2 id="kal-import">{t.importTitle}</h2>
      <p className="muted">{t.importIntro}</p>
      <ErrorSummary title={t.importFailed} errors={(failed?.errors ?? []).map((e) => ({ message: e.message, path: FIELD_IDS[e.path] ?? '' }))} />
      <Form method="post" encType="multipart/form-data" className="kal-form">
        <input type="hidden" name="schooljaar" value={schooljaar} />
        <div className="field">
          <label htmlFor="kal-file">{fill(t.importFile, { kb: maxKilobytes })}</label>
          <input
            id="kal-file"
            name="file"
            type="file"
            accept="application/json,.json"
            required
            aria-invalid={failed ? true : undefined}
          />
        </div>
        <button type="submit" name="intent" value="import" disabled={navigation.state === 'submitting'}>
          {t.importButton}
        </button>
      </Form>
      {bundled ? (
        <Form method="post">
          <input type="hidden" name="schooljaar" value={schooljaar} />
          <button type="submit" name="intent" value="import-bundled" className="button secondary" disabled={navigation.state === 'submitting'}>
            {fill(t.importBundled, { year: schooljaar })}
          </button>
        </Form>
      ) : null}
    </section>
  )
}

export default function Kalender() {
  const lang = useRootData()?.lang === 'en' ? 'en' : 'nl'
  const t = dictionary[lang]
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<ActionData>()
  const [params] = useSearchParams()
  const { schooljaar, years } = loaded
  const deleteFailed = actionData?.intent === 'delete' ? actionData : undefined
  return (
    <section>
      <h1>{`${t.title} ${schooljaar}`}</h1>
      <p>{t.intro}</p>
      {params.get('toegevoegd') ? (
        <p role="status" className="notice">
          {t.added}
        </p>
      ) : null}
      {params.get('verwijderd') ? (
        <p role="status" className="notice">
          {t.deleted}
        </p>
      ) : null}
      {/^\d+$/.test(params.get('geimporteerd') ?? '') ? (
        <p role="status" className="notice">
          {fill(t.imported, { n: params.get('geimporteerd')!, year: schooljaar })}
        </p>
      ) : null}
      {deleteFailed ? (
        <p role="alert" className="error">
          {t.deleteFailed}: {deleteFailed.errors.map((e) => e.message).join(' ')}
        </p>
      ) : null}
      <SchoolYearFilter className="filters card kal-filters" label={t.schooljaar} submit={t.show} years={years} value={schooljaar} />
      <p className="muted">{t.rules}</p>

      {loaded.mode === 'school' ? (
        <section className="card" aria-labelledby="kal-school">
          <h2 id="kal-school">
            {loaded.view.school.name} · {fill(t.region, { region: loaded.view.school.region })}
          </h2>
          <p className="kal-count">{fill(t.schoolDays, { n: loaded.view.schoolDays, year: schooljaar })}</p>
          {loaded.view.incomplete ? (
            <p className="error" role="note">
              {fill(t.regionIncomplete, { region: loaded.view.school.region, year: schooljaar })}
            </p>
          ) : null}
          <table className="table-responsive kal-table">
            <caption className="sr-only">{`${t.title} ${loaded.view.school.name} ${schooljaar}`}</caption>
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.what}</th>
                <th scope="col">{t.kind}</th>
                <th scope="col">{t.source}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.view.items.map((item) => (
                <tr key={`${item.source}-${item.startsOn}-${item.name}`} className={item.schoolFree ? undefined : 'kal-not-free'}>
                  <td data-label={t.when} className="kal-when">
                    {period(t, item.startsOn, item.endsOn)}
                  </td>
                  <td data-label={t.what}>
                    {item.name}
                    {item.schoolFree ? null : <span className="badge">{t.notFree}</span>}
                    {item.note && !item.schoolFree ? <span className="kal-note">{item.note}</span> : null}
                  </td>
                  <td data-label={t.kind}>{t.kinds[item.kind as Kind] ?? item.kind}</td>
                  <td data-label={t.source}>
                    {item.source === 'national' ? t.national : item.source === 'school' ? t.thisSchool : fill(t.region, { region: loaded.view.school.region })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t.readOnly}</p>
        </section>
      ) : (
        <>
          {loaded.canEdit ? (
            <>
              <ImportForm t={t} schooljaar={schooljaar} bundled={loaded.bundled} maxKilobytes={loaded.maxKilobytes} actionData={actionData} />
              <AddForm t={t} schooljaar={schooljaar} schools={loaded.stichting.schools} actionData={actionData} />
            </>
          ) : (
            <p className="muted">{t.readOnly}</p>
          )}
          <section className="card" aria-labelledby="kal-regions">
            <h2 id="kal-regions">{t.regions}</h2>
            <p className="muted">{t.regionsIntro}</p>
            {loaded.stichting.regions.map((r) => (
              <section key={r.region} aria-labelledby={`kal-region-${r.region}`}>
                <h3 id={`kal-region-${r.region}`}>{fill(t.region, { region: r.region })}</h3>
                {r.incomplete ? (
                  <p className="error" role="note">
                    {fill(t.regionIncomplete, { region: r.region, year: schooljaar })}
                  </p>
                ) : null}
                <EntryTable t={t} entries={r.entries} canEdit={loaded.canEdit} schooljaar={schooljaar} caption={fill(t.region, { region: r.region })} />
              </section>
            ))}
          </section>
          <section className="card" aria-labelledby="kal-schools">
            <h2 id="kal-schools">{t.schools}</h2>
            {loaded.stichting.schools.map((s) => (
              <section key={s.id} aria-labelledby={`kal-school-${s.id}`}>
                <h3 id={`kal-school-${s.id}`}>{fill(t.schoolSummary, { name: s.name, brin: s.brin, region: s.region, n: s.schoolDays })}</h3>
                {s.incomplete ? <p className="error">{fill(t.incomplete, { region: s.region })}</p> : null}
                <EntryTable t={t} entries={s.entries} canEdit={loaded.canEdit} schooljaar={schooljaar} caption={s.name} />
              </section>
            ))}
          </section>
        </>
      )}
    </section>
  )
}
