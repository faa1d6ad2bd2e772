// /leerlingen/import: pupils, groups and guardians from a student administration's CSV export.
// Step 1 upload → step 2 choose the columns and read the dry run → step 3 apply → summary. The file
// travels between the steps in a hidden field (base64): no state on the server. Directeur and IB only.
import {
  applyImport,
  CsvError,
  decodeCsv,
  IMPORT_FIELDS,
  importMappingSchema,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  parseCsv,
  planImport,
  schoolYearOf,
  suggestImportMapping,
  type ImportAction,
  type ImportChange,
  type ImportField,
  type ImportIssue,
  type ImportMapping,
  type ImportReport,
} from '@baken/domain'
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { requireContext, type RequestContext } from '~/lib/context.server.ts'
import { perform, requireUseCase } from '~/lib/use-case.server.ts'
import { useRootData } from '~/root.tsx'

// ---------------------------------------------------------------------------------------------
// Server

function authorise(request: Request, ctx: RequestContext) {
  // The import creates and changes pupils; the use cases check the same again on the school.
  requireUseCase(ctx, planImport)
  requireUseCase(ctx, applyImport)
  void request
}

/** A refusal's errors as the page lists them: by the part of the import they concern. */
function issues(errors: { path: string; message: string }[]): ImportIssue[] {
  return errors.map((e) => ({ field: (e.path === 'csv' ? 'file' : e.path.split('.')[0]) as ImportIssue['field'], message: e.message }))
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  authorise(request, ctx)
  // Sent from here: the page's bundle must not import the domain package (it runs in the browser).
  return { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024, maxRows: MAX_IMPORT_ROWS }
}

/**
 * The report as sent to the page. Unchanged rows only as a count, and at most MAX_ROWS_SHOWN new or
 * changed rows (every error row is shown), so a file of 5,000 pupils stays usable on a phone.
 */
type ReportView = ImportReport & { notShown: number }
const MAX_ROWS_SHOWN = 1000

type ActionData =
  | { step: 'upload'; errors: ImportIssue[] }
  | {
      step: 'review'
      csv: string
      fileName: string
      headers: string[]
      sample: string[]
      mapping: ImportMapping
      /** The mapping the shown dry run was made with: apply only runs when it is still the same. */
      checked: string | null
      report: ReportView | null
      errors: ImportIssue[]
    }
  | { step: 'done'; fileName: string; report: ReportView }

const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const fromBase64 = (b64: string) => Buffer.from(b64, 'base64').toString('utf8')

function view(report: ImportReport): ReportView {
  const errors = report.rows.filter((r) => r.action === 'error')
  const changed = report.rows.filter((r) => r.action === 'create' || r.action === 'update')
  const shown = [...errors, ...changed.slice(0, Math.max(0, MAX_ROWS_SHOWN - errors.length))].sort((a, b) => a.row - b.row)
  return { ...report, rows: shown, notShown: errors.length + changed.length - shown.length }
}

function mappingKey(mapping: ImportMapping): string {
  return JSON.stringify(IMPORT_FIELDS.map((f) => mapping[f] ?? null))
}

/** `map.<field>` → column index; '' means "not imported". */
function mappingFromForm(form: FormData): ImportMapping | null {
  const raw: Record<string, number> = {}
  for (const f of IMPORT_FIELDS) {
    const v = form.get(`map.${f}`)
    if (typeof v !== 'string' || v === '') continue
    if (!/^\d{1,3}$/.test(v)) return null
    raw[f] = Number(v)
  }
  const parsed = importMappingSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}

async function review(
  ctx: RequestContext,
  text: string,
  fileName: string,
  mapping: ImportMapping,
  extraErrors: ImportIssue[] = [],
) {
  let headers: string[]
  let sample: string[]
  try {
    const csv = parseCsv(text)
    headers = csv.headers
    sample = csv.records[0]?.fields ?? []
  } catch (e) {
    if (e instanceof CsvError) return data<ActionData>({ step: 'upload', errors: [{ field: 'file', message: e.message }] }, { status: 400 })
    throw e
  }
  const schoolYear = schoolYearOf(new Date())
  const result = await perform(ctx, planImport, { csv: text, mapping, schoolYear })
  if (!result.ok && result.reason === 'forbidden') throw new Response('Geen toegang', { status: 403 })
  const base = { step: 'review' as const, csv: toBase64(text), fileName, headers, sample, mapping }
  if (!result.ok) {
    return data<ActionData>({ ...base, checked: null, report: null, errors: [...extraErrors, ...issues(result.errors)] }, { status: 400 })
  }
  return data<ActionData>(
    { ...base, checked: mappingKey(mapping), report: view(result.report), errors: extraErrors },
    { status: extraErrors.length ? 400 : 200 },
  )
}

const tooLarge = `Het bestand is te groot; het maximum is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`

export async function action({ request, context }: ActionFunctionArgs) {
  const ctx = requireContext(request, context)
  authorise(request, ctx)

  // Step 1: the upload (multipart), with a size limit while reading.
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    let form: FormData
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }))
    } catch (e) {
      if (e instanceof MaxPartSizeExceededError) return data<ActionData>({ step: 'upload', errors: [{ field: 'file', message: tooLarge }] }, { status: 413 })
      throw e
    }
    const file = form.get('file')
    if (!file || typeof file === 'string' || file.size === 0) {
      return data<ActionData>({ step: 'upload', errors: [{ field: 'file', message: 'Kies een CSV-bestand.' }] }, { status: 400 })
    }
    let text: string
    try {
      text = decodeCsv(new Uint8Array(await file.arrayBuffer()))
      const { headers } = parseCsv(text)
      return review(ctx, text, file.name.slice(0, 200), suggestImportMapping(headers))
    } catch (e) {
      if (e instanceof CsvError) return data<ActionData>({ step: 'upload', errors: [{ field: 'file', message: e.message }] }, { status: 400 })
      throw e
    }
  }

  // Steps 2 and 3: the file comes back base64-encoded (4/3 of its size) with the chosen columns.
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024) {
    return data<ActionData>({ step: 'upload', errors: [{ field: 'file', message: tooLarge }] }, { status: 413 })
  }
  const form = await request.formData()
  const b64 = form.get('csv')
  if (typeof b64 !== 'string' || b64 === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    return data<ActionData>({ step: 'upload', errors: [{ field: 'file', message: 'Het bestand ontbreekt; kies het opnieuw.' }] }, { status: 400 })
  }
  const text = fromBase64(b64)
  const fileName = String(form.get('fileName') ?? '').slice(0, 200)
  const mapping = mappingFromForm(form)
  if (!mapping) {
    return review(ctx, text, fileName, {}, [{ field: 'mapping', message: 'Ongeldige kolomkeuze.' }])
  }
  if (form.get('intent') !== 'apply') return review(ctx, text, fileName, mapping)

  // Apply only what the school has seen in a dry run with these columns.
  if (form.get('checked') !== mappingKey(mapping)) {
    return review(ctx, text, fileName, mapping, [
      { field: 'mapping', message: 'De kolomkeuze is gewijzigd. Controleer de nieuwe proefimport en importeer daarna.' },
    ])
  }
  const schoolYear = schoolYearOf(new Date())
  const result = await perform(ctx, applyImport, { csv: text, mapping, schoolYear })
  if (result.ok) return data<ActionData>({ step: 'done', fileName, report: view(result.report) })
  if (result.reason === 'forbidden') throw new Response('Geen toegang', { status: 403 })
  return review(ctx, text, fileName, mapping, issues(result.errors))
}

// ---------------------------------------------------------------------------------------------
// Page

const dict = {
  nl: {
    title: 'Leerlingen importeren',
    intro:
      'Importeer leerlingen, groepen en ouders/verzorgers uit een CSV-export van uw leerlingadministratie (ParnasSys, Magister, Somtoday of een andere). Eerst ziet u een proefimport; er verandert pas iets als u op Importeren klikt.',
    stepOf: 'Stap {n} van 3',
    step1: 'Bestand kiezen',
    step2: 'Kolommen kiezen en controleren',
    step3: 'Klaar',
    file: 'CSV-bestand',
    fileHelp: 'Gescheiden door ; of , met een kopregel. Maximaal {mb} MB en {rows} leerlingen. Leerlingen worden herkend aan hun leerlingnummer: opnieuw importeren werkt ze bij.',
    check: 'Bestand controleren',
    busy: 'Bezig…',
    errorsTitle: 'Er is iets niet in orde',
    columns: 'Kolommen',
    columnsHelp: 'Kies per gegeven de kolom uit het bestand. Een gegeven zonder kolom wordt niet geïmporteerd en niet gewijzigd.',
    pupil: 'Leerling',
    guardian: 'Ouder/verzorger {n}',
    notImported: '— niet importeren —',
    example: 'bijv.',
    required: 'verplicht',
    recheck: 'Opnieuw controleren',
    apply: 'Importeren',
    cannotApply: 'Herstel eerst de fouten in het bestand (of kies andere kolommen); er wordt niets geïmporteerd zolang een rij een fout heeft.',
    dryRun: 'Proefimport',
    counts: '{create} nieuw, {update} gewijzigd, {unchanged} ongewijzigd, {error} met fouten (van {total} rijen).',
    newGroups: 'Nieuwe groepen in schooljaar {year}: {groups}.',
    row: 'Rij',
    number: 'Leerlingnummer',
    name: 'Naam',
    action: 'Actie',
    details: 'Wijzigingen of fouten',
    unchangedHidden: '{n} ongewijzigde rijen worden niet getoond.',
    notShown: 'Alleen de eerste {shown} rijen staan hierboven; {n} nieuwe of gewijzigde rijen worden niet getoond (ze worden wel geïmporteerd).',
    notInFile: '{n} leerlingen van de school staan niet in dit bestand',
    notInFileHelp: 'Deze leerlingen blijven ongewijzigd. Zijn ze vertrokken, schrijf ze dan zelf uit.',
    andMore: 'en nog {n}',
    doneTitle: 'Import voltooid',
    doneSummary: '{create} leerlingen toegevoegd, {update} bijgewerkt, {unchanged} ongewijzigd.',
    groupsCreated: 'Aangemaakte groepen (schooljaar {year}): {groups}.',
    toStudents: 'Naar de leerlingen',
    again: 'Nog een bestand importeren',
    changeNew: 'nieuw',
    fileLabel: 'Bestand: {name}',
    action_create: 'Nieuw',
    action_update: 'Wijzigen',
    action_unchanged: 'Ongewijzigd',
    action_error: 'Fout',
    field_externalId: 'Leerlingnummer',
    field_firstName: 'Roepnaam',
    field_infix: 'Tussenvoegsel',
    field_lastName: 'Achternaam',
    field_dateOfBirth: 'Geboortedatum',
    field_groupName: 'Groep / klas',
    field_status: 'Status',
    field_row: 'Rij',
    field_file: 'Bestand',
    field_mapping: 'Kolommen',
    field_schoolYear: 'Schooljaar',
    guardianName: 'Naam',
    guardianEmail: 'E-mail',
    guardianPhone: 'Telefoon',
    guardianRelation: 'Relatie',
  },
  en: {
    title: 'Import pupils',
    intro:
      'Import pupils, groups and parents/guardians from a CSV export of your student administration (ParnasSys, Magister, Somtoday or another). You first see a dry run; nothing changes until you click Import.',
    stepOf: 'Step {n} of 3',
    step1: 'Choose a file',
    step2: 'Choose columns and check',
    step3: 'Done',
    file: 'CSV file',
    fileHelp: 'Separated by ; or , with a header row. At most {mb} MB and {rows} pupils. Pupils are recognised by their student number: importing again updates them.',
    check: 'Check file',
    busy: 'Working…',
    errorsTitle: 'Something is not right',
    columns: 'Columns',
    columnsHelp: 'Choose the file column for each item. An item without a column is not imported and not changed.',
    pupil: 'Pupil',
    guardian: 'Parent/guardian {n}',
    notImported: '— do not import —',
    example: 'e.g.',
    required: 'required',
    recheck: 'Check again',
    apply: 'Import',
    cannotApply: 'First fix the errors in the file (or choose other columns); nothing is imported while any row has an error.',
    dryRun: 'Dry run',
    counts: '{create} new, {update} changed, {unchanged} unchanged, {error} with errors (of {total} rows).',
    newGroups: 'New groups in school year {year}: {groups}.',
    row: 'Row',
    number: 'Student number',
    name: 'Name',
    action: 'Action',
    details: 'Changes or errors',
    unchangedHidden: '{n} unchanged rows are not shown.',
    notShown: 'Only the first {shown} rows are listed above; {n} new or changed rows are not shown (they are imported).',
    notInFile: '{n} pupils of the school are not in this file',
    notInFileHelp: 'These pupils are left as they are. If they have left, deregister them yourself.',
    andMore: 'and {n} more',
    doneTitle: 'Import complete',
    doneSummary: '{create} pupils added, {update} updated, {unchanged} unchanged.',
    groupsCreated: 'Groups created (school year {year}): {groups}.',
    toStudents: 'To the pupils',
    again: 'Import another file',
    changeNew: 'new',
    fileLabel: 'File: {name}',
    action_create: 'New',
    action_update: 'Update',
    action_unchanged: 'Unchanged',
    action_error: 'Error',
    field_externalId: 'Student number',
    field_firstName: 'First name',
    field_infix: 'Infix',
    field_lastName: 'Last name',
    field_dateOfBirth: 'Date of birth',
    field_groupName: 'Group / class',
    field_status: 'Status',
    field_row: 'Row',
    field_file: 'File',
    field_mapping: 'Columns',
    field_schoolYear: 'School year',
    guardianName: 'Name',
    guardianEmail: 'E-mail',
    guardianPhone: 'Phone',
    guardianRelation: 'Relation',
  },
} satisfies Record<'nl' | 'en', Record<string, string>>

type Key = keyof (typeof dict)['nl']

function useImportT() {
  const lang = useRootData()?.lang === 'en' ? 'en' : 'nl'
  return (key: Key, vars: Record<string, string | number> = {}) =>
    dict[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`))
}
type T = ReturnType<typeof useImportT>

const STUDENT_FIELDS = ['externalId', 'firstName', 'infix', 'lastName', 'dateOfBirth', 'groupName'] as const

function fieldLabel(t: T, field: ImportIssue['field'] | ImportChange['field']): string {
  const g = /^guardian([12])(Name|Email|Phone|Relation)$/.exec(field)
  if (g) return `${t('guardian', { n: g[1]! })}: ${t(`guardian${g[2] as 'Name'}`).toLowerCase()}`
  return t(`field_${field}` as Key)
}

/** Where an error in the summary links to: the file input, the dry run, or the column choice. */
function errorTarget(result: ActionData | undefined, e: ImportIssue): string {
  if (!result || result.step === 'upload') return '#imp-file'
  return e.field === 'file' && result.step === 'review' && result.report ? '#imp-dryrun' : '#imp-columns'
}

const formatIso = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.split('-').reverse().join('-') : v)

export default function ImportStudents() {
  const t = useImportT()
  const limits = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as unknown as ActionData | undefined
  const navigation = useNavigation()
  const busy = navigation.state !== 'idle'
  const headingRef = useRef<HTMLHeadingElement>(null)
  const errorRef = useRef<HTMLDivElement>(null)
  const errors = result && result.step !== 'done' ? result.errors : []

  // After each step: focus the error summary when there is one, otherwise the step's heading.
  useEffect(() => {
    if (!result) return
    ;(errorRef.current ?? headingRef.current)?.focus()
  }, [result])

  const step = result?.step === 'review' ? 2 : result?.step === 'done' ? 3 : 1
  const stepTitle = step === 1 ? t('step1') : step === 2 ? t('step2') : t('step3')

  return (
    <section className="imp">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <h2 ref={headingRef} tabIndex={-1} className="imp-step">
        <span className="imp-step-n">{t('stepOf', { n: step })}: </span>
        {stepTitle}
      </h2>

      {errors.length > 0 ? (
        <div ref={errorRef} tabIndex={-1} role="alert" className="imp-errors" aria-labelledby="imp-errors-title">
          <h3 id="imp-errors-title">{t('errorsTitle')}</h3>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <a href={errorTarget(result, e)}>{fieldLabel(t, e.field)}</a>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {!result || result.step === 'upload' ? (
        <Form method="post" encType="multipart/form-data" className="card">
          <div className="field">
            <label htmlFor="imp-file">{t('file')}</label>
            <p id="imp-file-help" className="muted imp-help">
              {t('fileHelp', { mb: limits.maxMegabytes, rows: limits.maxRows.toLocaleString('nl-NL') })}
            </p>
            <input
              id="imp-file"
              name="file"
              type="file"
              accept=".csv,.txt,text/csv"
              required
              aria-describedby={errors.length ? 'imp-file-help imp-errors-title' : 'imp-file-help'}
              aria-invalid={errors.some((e) => e.field === 'file') || undefined}
            />
          </div>
          <button type="submit" name="intent" value="upload" disabled={busy}>
            {busy ? t('busy') : t('check')}
          </button>
        </Form>
      ) : null}

      {result?.step === 'review' ? <Review t={t} data={result} busy={busy} /> : null}
      {result?.step === 'done' ? <Done t={t} data={result} /> : null}
    </section>
  )
}

function Review({ t, data: d, busy }: { t: T; data: Extract<ActionData, { step: 'review' }>; busy: boolean }) {
  // Without a leerlingnummer column nothing can be matched: that select is the one to fix.
  const keyMissing = d.mapping.externalId === undefined && d.errors.some((e) => e.field === 'mapping')
  const select = (field: ImportField) => {
    const id = `imp-map-${field}`
    return (
      <div className="field" key={field}>
        <label htmlFor={id}>
          {field.startsWith('guardian') ? t(`guardian${field.slice(9) as 'Name'}`) : fieldLabel(t, field)}
          {field === 'externalId' ? <span className="muted"> ({t('required')})</span> : null}
        </label>
        <select
          id={id}
          name={`map.${field}`}
          defaultValue={d.mapping[field] === undefined ? '' : String(d.mapping[field])}
          aria-invalid={(field === 'externalId' && keyMissing) || undefined}
        >
          <option value="">{t('notImported')}</option>
          {d.headers.map((h, i) => (
            <option key={i} value={i}>
              {h}
              {d.sample[i] ? ` (${t('example')} ${d.sample[i]!.slice(0, 40)})` : ''}
            </option>
          ))}
        </select>
      </div>
    )
  }
  return (
    // The key resets the selects to the mapping of each new dry run.
    <Form method="post" key={d.checked ?? 'unchecked'}>
      <input type="hidden" name="csv" value={d.csv} />
      <input type="hidden" name="fileName" value={d.fileName} />
      <input type="hidden" name="checked" value={d.checked ?? ''} />
      {d.fileName ? <p>{t('fileLabel', { name: d.fileName })}</p> : null}
      <fieldset className="card imp-columns" id="imp-columns">
        <legend>{t('columns')}</legend>
        <p className="muted imp-help">{t('columnsHelp')}</p>
        <fieldset className="imp-group">
          <legend>{t('pupil')}</legend>
          <div className="imp-grid">{STUDENT_FIELDS.map(select)}</div>
        </fieldset>
        {([1, 2] as const).map((n) => (
          <fieldset className="imp-group" key={n}>
            <legend>{t('guardian', { n })}</legend>
            <div className="imp-grid">{(['Name', 'Email', 'Phone', 'Relation'] as const).map((k) => select(`guardian${n}${k}`))}</div>
          </fieldset>
        ))}
        <button type="submit" name="intent" value="plan" className="button secondary" disabled={busy}>
          {t('recheck')}
        </button>
      </fieldset>

      {d.report ? <DryRun t={t} report={d.report} /> : null}

      {d.report?.canApply ? (
        <div className="imp-actions">
          <button type="submit" name="intent" value="apply" disabled={busy}>
            {busy ? t('busy') : t('apply')}
          </button>
          <Link to="/leerlingen/import" className="button secondary">
            {t('again')}
          </Link>
        </div>
      ) : d.report ? (
        <p className="imp-blocked">{t('cannotApply')}</p>
      ) : null}
    </Form>
  )
}

function Counts({ t, report }: { t: T; report: ReportView }) {
  return <p>{t('counts', report.counts)}</p>
}

function DryRun({ t, report }: { t: T; report: ReportView }) {
  const hidden = report.counts.unchanged
  return (
    <section className="card" aria-labelledby="imp-dryrun">
      <h3 id="imp-dryrun">{t('dryRun')}</h3>
      <Counts t={t} report={report} />
      {report.groupsToCreate.length ? <p>{t('newGroups', { year: report.schoolYear, groups: report.groupsToCreate.join(', ') })}</p> : null}
      {report.rows.length ? (
        <table className="table-responsive imp-table">
          <thead>
            <tr>
              <th scope="col">{t('row')}</th>
              <th scope="col">{t('number')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row} id={`imp-row-${r.row}`} className={`imp-${r.action}`}>
                <td data-label={t('row')}>{r.row}</td>
                <td data-label={t('number')}>{r.externalId ?? '—'}</td>
                <td data-label={t('name')}>{r.name ?? '—'}</td>
                <td data-label={t('action')}>
                  <span className={`imp-badge imp-badge-${r.action}`}>{t(`action_${r.action as ImportAction}`)}</span>
                </td>
                <td data-label={t('details')}>
                  {r.errors.length ? (
                    <ul className="imp-list">
                      {r.errors.map((e, i) => (
                        <li key={i} className="imp-error">
                          {fieldLabel(t, e.field)}: {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <ul className="imp-list">
                      {r.changes.map((c, i) => (
                        <li key={i}>
                          {fieldLabel(t, c.field)}:{' '}
                          {r.action === 'create' || c.from === null ? (
                            <>{formatIso(c.to) ?? '—'}</>
                          ) : (
                            <>
                              <del>{formatIso(c.from)}</del> → <ins>{formatIso(c.to) ?? '—'}</ins>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hidden ? <p className="muted">{t('unchangedHidden', { n: hidden })}</p> : null}
      {report.notShown ? <p className="muted">{t('notShown', { n: report.notShown, shown: report.rows.length })}</p> : null}
      <NotInFile t={t} report={report} />
    </section>
  )
}

const NOT_IN_FILE_SHOWN = 200

function NotInFile({ t, report }: { t: T; report: ReportView }) {
  const n = report.notInFile.length
  if (!n) return null
  return (
    <details className="imp-details">
      <summary>{t('notInFile', { n })}</summary>
      <p className="muted">{t('notInFileHelp')}</p>
      <ul>
        {report.notInFile.slice(0, NOT_IN_FILE_SHOWN).map((s) => (
          <li key={s.id}>
            <Link to={`/leerlingen/${s.id}`}>{s.name}</Link>
            {s.externalId ? ` (${s.externalId})` : ''}
            {s.groupName ? `, ${s.groupName}` : ''}
          </li>
        ))}
        {n > NOT_IN_FILE_SHOWN ? <li>{t('andMore', { n: n - NOT_IN_FILE_SHOWN })}</li> : null}
      </ul>
    </details>
  )
}

function Done({ t, data: d }: { t: T; data: Extract<ActionData, { step: 'done' }> }) {
  const { report } = d
  return (
    <div className="card">
      <div role="status" className="imp-done">
        <h3>{t('doneTitle')}</h3>
        <p>{t('doneSummary', report.counts)}</p>
        {report.groupsToCreate.length ? <p>{t('groupsCreated', { year: report.schoolYear, groups: report.groupsToCreate.join(', ') })}</p> : null}
      </div>
      <NotInFile t={t} report={report} />
      <div className="imp-actions">
        <Link to="/leerlingen" className="button">
          {t('toStudents')}
        </Link>
        <Link to="/leerlingen/import" className="button secondary">
          {t('again')}
        </Link>
      </div>
    </div>
  )
}
