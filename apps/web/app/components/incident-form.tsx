// The Bijlage 1 note as a form, quick on a phone right after it happened: the quick note first (when,
// where, what happened, which type, who) and Indienen; the rest of Bijlage 1 in "aanvullen" sections
// that can be completed later. Works without JavaScript (two person rows, pupils in a select); with
// it, pupils are found by name (own groups first), rows can be added, the types are searchable and
// the §6.4 guidance sits under the type it belongs to.
import {
  BEHAVIOUR_VOORVAL,
  SEVERITY_LABELS,
  suggestSeverity,
  type PersonKind,
  type PersonRole,
  type SeveritySuggestion,
} from '@baken/domain/severity'
import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ErrorSummary, ValueOptions } from './form-parts.tsx'

/** The §1.2 suggestion for what the form holds right now (the same rules the server applies). */
function suggestionFromForm(form: HTMLFormElement): SeveritySuggestion {
  const fd = new FormData(form)
  const persons: { role: PersonRole; kind: PersonKind; injury: string | null }[] = []
  for (const [key, value] of fd.entries()) {
    const m = /^persons\.(\d+)\.(role|kind|injury)$/.exec(key)
    if (!m) continue
    const i = Number(m[1])
    persons[i] ??= { role: 'betrokkene', kind: 'leerling', injury: null }
    const p = persons[i]!
    if (m[2] === 'role') p.role = String(value) as PersonRole
    else if (m[2] === 'kind') p.kind = String(value) as PersonKind
    else p.injury = String(value) || null
  }
  return suggestSeverity({
    voorval: fd.getAll('voorval').map(Number),
    persons: persons.filter(Boolean),
    verbalAggression: fd.get('verbalAggression') === 'on',
    physicalAggression: fd.get('physicalAggression') === 'on',
    vandalism: fd.get('vandalism') === 'on',
    leftPremises: fd.get('leftPremises') === 'on',
    objectThrownAtPerson: fd.get('objectThrownAtPerson') === 'on',
  })
}

export interface IrisOption {
  code: number
  label: string
  group: string
}

export interface FormOptions {
  /** The everyday types shown first; the others are found by search. */
  commonVoorval: readonly number[]
  iris: Record<'voorval' | 'locatie' | 'voorwerp' | 'motief' | 'afhandeling', IrisOption[]>
  /** ownGroup: a pupil of a group the user teaches (shown first). */
  pupils: { id: string; name: string; groupName: string; ownGroup: boolean }[]
  guidance: readonly {
    key: string
    title: string
    source: string
    irisVoorval: number[]
    generalDefinition: string
    whenToInformPolice: string
    policeHaltReferral: { possible: boolean; note: string }
    helpOptions: { key: string; label: string }[]
  }[]
}

export interface PersonValues {
  role: string
  kind: string
  studentId: string | null
  description: string | null
  injury: string | null
  outcome: string | null
}

export interface IncidentValues {
  occurredAt?: string
  locationCode?: number | null
  locationNote?: string | null
  voorval?: number[]
  voorwerp?: number[]
  afhandeling?: number[]
  situation?: string
  verbalAggression?: boolean
  verbalForm?: string | null
  verbalAgainst?: string | null
  physicalAggression?: boolean
  physicalForm?: string | null
  physicalAgainst?: string | null
  vandalism?: boolean
  vandalismForm?: string | null
  vandalismAgainst?: string | null
  leftPremises?: boolean
  objectThrownAtPerson?: boolean
  motiveCode?: number | null
  motiveNote?: string | null
  analysis?: string | null
  agreements?: string | null
  parentsContacted?: boolean
  parentsContactedAt?: string | null
  parentsContactedBy?: string | null
  severity?: string | null
  suggestedSeverity?: string | null
  severityReason?: string | null
  confidential?: boolean
  policeReportKind?: string | null
  policeReportedOn?: string | null
  policeReportedBy?: string | null
  policeOnBehalfOfVictim?: boolean | null
  persons?: PersonValues[]
  status?: string
}

export interface FieldError {
  path: string
  message: string
}

/** The note's free-text limit (the domain's MAX_TEXT): the counter warns before it. */
const MAX_TEXT = 10_000
const ROLES = ['dader', 'slachtoffer', 'getuige', 'melder', 'betrokkene']
const KINDS: [string, string][] = [
  ['leerling', 'leerling'],
  ['medewerker', 'medewerker'],
  ['ouder', 'ouder/verzorger'],
  ['externe', 'buitenstaander'],
]
const BEHAVIOURS = [
  { prefix: 'verbal', flag: 'verbalAggression', label: 'Verbale agressie', codes: BEHAVIOUR_VOORVAL.verbal },
  { prefix: 'physical', flag: 'physicalAggression', label: 'Fysieke agressie', codes: BEHAVIOUR_VOORVAL.physical },
  { prefix: 'vandalism', flag: 'vandalism', label: 'Vernieling', codes: BEHAVIOUR_VOORVAL.vandalism },
] as const
type Behaviour = (typeof BEHAVIOURS)[number]

/** ISO instant → the value of a datetime-local input in Dutch local time. */
export function toLocalInput(iso: string | undefined | null): string {
  if (!iso) return ''
  // A value sent back as typed (the form refused it): shown as it was, not rolled over by Date.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(iso)) return iso
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d)
  return parts.replace(' ', 'T')
}

function groupBy<T extends { group: string }>(items: T[]): [string, T[]][] {
  const map = new Map<string, T[]>()
  for (const item of items) map.set(item.group, [...(map.get(item.group) ?? []), item])
  return [...map.entries()]
}

const matches = (errors: FieldError[], path: string) => errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`))

function ErrorText({ errors, path }: { errors: FieldError[]; path: string }) {
  const found = matches(errors, path)
  if (found.length === 0) return null
  return (
    <p id={`${path}-error`} className="field-error">
      {found.map((e) => e.message).join(' ')}
    </p>
  )
}

/** aria-invalid and aria-describedby for a field or a fieldset with an error; `also` ids are described too. */
function errorProps(errors: FieldError[], path: string, also: string[] = []) {
  const has = matches(errors, path).length > 0
  const describedBy = [...also, has ? `${path}-error` : null].filter(Boolean).join(' ')
  return { ...(has ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) }
}

/** The mark of a field the note cannot be submitted without. */
function Required() {
  return <span className="required"> (verplicht)</span>
}

/** True after the first render in the browser: the parts that need JavaScript switch on then. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

/** Lowercase without accents, so "sahin" finds Şahin and "nguyen" Nguyễn. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/ı/g, 'i').replace(/ł/g, 'l').toLowerCase()
}

/** One IRIS code from a list, grouped as the standard groups it. The label is the caller's. */
function CodeSelect({ name, options, value, empty }: { name: string; options: IrisOption[]; value?: number | null; empty: string }) {
  return (
    <select id={name} name={name} defaultValue={value ?? ''}>
      <option value="">{empty}</option>
      {groupBy(options).map(([group, items]) => (
        <optgroup key={group} label={group}>
          {items.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  )
}

function CodeChecklist({ name, legend, options, selected }: { name: 'voorwerp' | 'afhandeling'; legend: string; options: IrisOption[]; selected: number[] }) {
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {groupBy(options).map(([group, items]) => (
        <div key={group} className="checklist-group">
          <p className="muted checklist-group-title">{group}</p>
          {items.map((o) => (
            <label key={o.code} className="check">
              <input type="checkbox" name={name} value={o.code} defaultChecked={selected.includes(o.code)} />
              <span>
                {o.label} <span className="muted">(IRIS {o.code})</span>
              </span>
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  )
}

/**
 * A free text with the note's limit: nothing is cut; a counter appears when the text comes near the
 * limit and says how much is too much past it (the server refuses the rest with the same words).
 */
function LimitedTextarea({ id, label, rows, value, required, errors }: { id: string; label: string; rows: number; value: string; required?: boolean; errors: FieldError[] }) {
  const [length, setLength] = useState(value.length)
  const near = length >= MAX_TEXT * 0.9
  const over = length - MAX_TEXT
  const counterId = `${id}-count`
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <Required /> : null}
      </label>
      <textarea
        id={id}
        name={id}
        rows={rows}
        aria-required={required || undefined}
        defaultValue={value}
        onChange={(e) => setLength(e.currentTarget.value.length)}
        {...errorProps(errors, id, near ? [counterId] : [])}
      />
      <p id={counterId} className={over > 0 ? 'field-error counter' : 'muted counter'} aria-live="polite">
        {over > 0
          ? `${over.toLocaleString('nl-NL')} tekens te veel: maximaal ${MAX_TEXT.toLocaleString('nl-NL')}. Kort de tekst in; er wordt niets afgeknipt.`
          : near
            ? `Nog ${(MAX_TEXT - length).toLocaleString('nl-NL')} tekens over (maximaal ${MAX_TEXT.toLocaleString('nl-NL')}).`
            : ''}
      </p>
      <ErrorText errors={errors} path={id} />
    </div>
  )
}

/** A behaviour's "vorm" and "tegen wie", asked once its type is chosen (or its flag was set before). */
function BehaviourDetails({ behaviour, values }: { behaviour: Behaviour; values: IncidentValues }) {
  const { prefix, flag, label } = behaviour
  return (
    <fieldset className="behaviour">
      <legend>{label}: vorm en tegen wie</legend>
      <input type="hidden" name={flag} value="on" />
      <div className="two-col">
        <div className="field">
          <label htmlFor={`${prefix}Form`}>Vorm</label>
          <input id={`${prefix}Form`} name={`${prefix}Form`} defaultValue={values[`${prefix}Form`] ?? ''} maxLength={500} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}Against`}>Tegen wie/wat</label>
          <input id={`${prefix}Against`} name={`${prefix}Against`} defaultValue={values[`${prefix}Against`] ?? ''} maxLength={500} />
        </div>
      </div>
    </fieldset>
  )
}

/** A behaviour without a type that says it (e.g. scolding during pesterijen): a yes/no of its own. */
function BehaviourCheck({ behaviour, values }: { behaviour: Behaviour; values: IncidentValues }) {
  const [on, setOn] = useState(!!values[behaviour.flag])
  if (on) {
    return (
      <div>
        <label className="check">
          <input type="checkbox" checked onChange={() => setOn(false)} />
          <span>{behaviour.label}</span>
        </label>
        <BehaviourDetails behaviour={behaviour} values={values} />
      </div>
    )
  }
  return (
    <label className="check">
      <input type="checkbox" checked={false} onChange={() => setOn(true)} />
      <span>{behaviour.label}</span>
    </label>
  )
}

function TypeCheck({ option, checked, onToggle }: { option: IrisOption; checked: boolean; onToggle: (code: number, on: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" name="voorval" value={option.code} checked={checked} onChange={(e) => onToggle(option.code, e.currentTarget.checked)} />
      <span>{option.label}</span>
    </label>
  )
}

/** The types: the everyday eight first, every other IRIS type by search; the guidance and the behaviour's details under it. */
function TypeChooser({ options, common, types, onChange, errors, guidance, values }: {
  options: IrisOption[]
  common: readonly number[]
  types: number[]
  onChange: (codes: number[]) => void
  errors: FieldError[]
  guidance: FormOptions['guidance']
  values: IncidentValues
}) {
  const hydrated = useHydrated()
  const [query, setQuery] = useState('')
  const toggle = (code: number, on: boolean) => onChange(on ? [...types.filter((c) => c !== code), code] : types.filter((c) => c !== code))
  const first = common.map((c) => options.find((o) => o.code === c)).filter((o): o is IrisOption => !!o)
  const rest = options.filter((o) => !common.includes(o.code))
  const q = fold(query.trim())
  const shown = q ? rest.filter((o) => types.includes(o.code) || fold(o.label).includes(q)) : rest
  const chosen = guidance.filter((g) => g.irisVoorval.some((c) => types.includes(c)))
  const active = BEHAVIOURS.filter((b) => b.codes.some((c) => types.includes(c)))
  return (
    <>
      <fieldset className="checklist" id="voorval" {...errorProps(errors, 'voorval', ['voorval-hint'])}>
        <legend>
          Soort incident
          <Required />
        </legend>
        <p className="sr-only" id="voorval-hint">
          Eén of meer; de andere IRIS-soorten staan onder &quot;Andere soort&quot;.
        </p>
        <ErrorText errors={errors} path="voorval" />
        <div className="type-grid">
          {first.map((o) => (
            <TypeCheck key={o.code} option={o} checked={types.includes(o.code)} onToggle={toggle} />
          ))}
        </div>
        <details className="more-types" open={rest.some((o) => types.includes(o.code)) || undefined}>
          <summary>Andere soort ({rest.length} IRIS-soorten)</summary>
          {hydrated ? (
            <div className="field">
              <label htmlFor="voorval-search">Zoek een soort</label>
              <input id="voorval-search" type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()} />
            </div>
          ) : null}
          <div className="type-grid">
            {shown.map((o) => (
              <TypeCheck key={o.code} option={o} checked={types.includes(o.code)} onToggle={toggle} />
            ))}
          </div>
          {q && shown.length === 0 ? <p className="muted">Geen soort gevonden voor &quot;{query}&quot;.</p> : null}
        </details>
      </fieldset>
      {active.map((b) => (
        <BehaviourDetails key={b.prefix} behaviour={b} values={values} />
      ))}
      {chosen.length ? (
        <aside className="guidance" aria-label="Handelingsadvies bij dit gedrag">
          {chosen.map((g) => (
            <GuidanceItem key={g.key} g={g} summary={`Wat zegt het protocol bij ${g.title.toLowerCase()}?`} />
          ))}
        </aside>
      ) : null}
    </>
  )
}

/** A pupil chosen by typing part of the name: the groups the user teaches come first. */
function PupilPicker({ id, pupils, selected, onSelect, errors, required }: {
  id: string
  required: boolean
  pupils: FormOptions['pupils']
  selected: string | null
  onSelect: (id: string | null) => void
  errors: FieldError[]
}) {
  const [query, setQuery] = useState('')
  const changeRef = useRef<HTMLButtonElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const [moveFocus, setMoveFocus] = useState<'change' | 'search' | null>(null)
  useEffect(() => {
    if (moveFocus === 'change') changeRef.current?.focus()
    if (moveFocus === 'search') searchRef.current?.focus()
    setMoveFocus(null)
  }, [moveFocus])
  const chosen = pupils.find((p) => p.id === selected)
  const q = fold(query.trim())
  const results = useMemo(() => {
    if (!q) return []
    return pupils
      .filter((p) => fold(p.name).split(/\s+/).some((w) => w.startsWith(q)) || fold(p.name).includes(q))
      .sort((a, b) => Number(b.ownGroup) - Number(a.ownGroup) || a.name.localeCompare(b.name, 'nl'))
      .slice(0, 6)
  }, [pupils, q])
  const statusId = `${id}-status`
  if (chosen) {
    return (
      <div className="field">
        <p className="label" id={`${id}-label`}>
          Leerling
        </p>
        <input type="hidden" name={id} value={chosen.id} />
        <p className="chosen">
          <strong>{chosen.name}</strong> <span className="muted">({chosen.groupName})</span>{' '}
          <button
            type="button"
            ref={changeRef}
            className="link-button"
            // The visible word first (WCAG 2.5.3), then whom it changes.
            aria-label={`Wijzigen: andere leerling in plaats van ${chosen.name}`}
            onClick={() => {
              onSelect(null)
              setQuery('')
              setMoveFocus('search')
            }}
          >
            Wijzigen
          </button>
        </p>
      </div>
    )
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        Leerling: zoek op naam
        {required ? <Required /> : null}
      </label>
      <input
        id={id}
        ref={searchRef}
        type="search"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter picks the first pupil found instead of sending the form.
          if (e.key !== 'Enter') return
          e.preventDefault()
          if (results[0]) {
            onSelect(results[0].id)
            setMoveFocus('change')
          }
        }}
        {...errorProps(errors, id, [statusId])}
      />
      <p id={statusId} className={q ? 'muted' : 'sr-only'} aria-live="polite">
        {q ? (results.length ? `${results.length === 6 ? 'De eerste 6' : results.length} gevonden; eigen groep eerst.` : 'Geen leerling gevonden.') : 'Typ een deel van de naam; leerlingen uit je eigen groep komen eerst.'}
      </p>
      {results.length ? (
        <ul className="pupil-results">
          {results.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                onClick={() => {
                  onSelect(p.id)
                  setMoveFocus('change')
                }}
              >
                {p.name} <span className="pupil-group">{p.groupName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorText errors={errors} path={id} />
    </div>
  )
}

/** Without JavaScript: the pupils in a select, the own groups' first. */
function PupilSelect({ id, pupils, selected, errors, required }: { id: string; pupils: FormOptions['pupils']; selected: string | null; errors: FieldError[]; required: boolean }) {
  const byGroup = useMemo(
    () => groupBy([...pupils].sort((a, b) => Number(b.ownGroup) - Number(a.ownGroup)).map((x) => ({ ...x, group: x.groupName }))),
    [pupils],
  )
  return (
    <div className="field">
      <label htmlFor={id}>
        Leerling
        {required ? <Required /> : null}
      </label>
      <select id={id} name={id} defaultValue={selected ?? ''} {...errorProps(errors, id)}>
        <option value="">— kies —</option>
        {byGroup.map(([group, items]) => (
          <optgroup key={group} label={group}>
            {items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ErrorText errors={errors} path={id} />
    </div>
  )
}

function PersonRow({ index, person, pupils, errors }: { index: number; person: PersonValues; pupils: FormOptions['pupils']; errors: FieldError[] }) {
  const hydrated = useHydrated()
  const [kind, setKind] = useState(person.kind || 'leerling')
  const [studentId, setStudentId] = useState(person.studentId)
  const p = `persons.${index}`
  return (
    <fieldset className="person" id={p} {...errorProps(errors, p)}>
      <legend>Betrokkene {index + 1}</legend>
      <ErrorText errors={errors} path={p} />
      <div className="two-col always">
        <div className="field">
          <label htmlFor={`${p}.role`}>Rol</label>
          <select id={`${p}.role`} name={`${p}.role`} defaultValue={person.role || (index === 0 ? 'dader' : 'slachtoffer')}>
            <ValueOptions values={ROLES} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${p}.kind`}>Wie</label>
          <select id={`${p}.kind`} name={`${p}.kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {kind !== 'leerling' ? (
        <div className="field">
          <label htmlFor={`${p}.description`}>
            Omschrijving (geen naam nodig)
            {index === 0 ? <Required /> : null}
          </label>
          <input id={`${p}.description`} name={`${p}.description`} defaultValue={person.description ?? ''} maxLength={500} {...errorProps(errors, `${p}.description`)} />
          <ErrorText errors={errors} path={`${p}.description`} />
        </div>
      ) : hydrated ? (
        <PupilPicker id={`${p}.studentId`} pupils={pupils} selected={studentId} onSelect={setStudentId} errors={errors} required={index === 0} />
      ) : (
        <PupilSelect id={`${p}.studentId`} pupils={pupils} selected={studentId} errors={errors} required={index === 0} />
      )}
      <details className="person-more" open={!!(person.injury || person.outcome) || undefined}>
        <summary>Letsel en afloop (aanvullen)</summary>
        <div className="two-col">
          <div className="field">
            <label htmlFor={`${p}.injury`}>Letsel</label>
            <input id={`${p}.injury`} name={`${p}.injury`} defaultValue={person.injury ?? ''} maxLength={1000} />
          </div>
          <div className="field">
            <label htmlFor={`${p}.outcome`}>Afloop voor deze persoon</label>
            <input id={`${p}.outcome`} name={`${p}.outcome`} defaultValue={person.outcome ?? ''} maxLength={1000} />
          </div>
        </div>
      </details>
    </fieldset>
  )
}

function GuidanceItem({ g, summary }: { g: FormOptions['guidance'][number]; summary: string }) {
  return (
    <details>
      <summary>{summary}</summary>
      <p>{g.generalDefinition}</p>
      <p>
        <strong>Politie inlichten:</strong> {g.whenToInformPolice}
      </p>
      <p>
        <strong>Halt-verwijzing door de politie mogelijk:</strong> {g.policeHaltReferral.possible ? 'ja' : 'nee'}.{' '}
        <span className="muted">{g.policeHaltReferral.note}</span>
      </p>
      <p>
        <strong>Hulp:</strong> {g.helpOptions.map((h) => h.label).join(', ')}
      </p>
      <p className="muted">Bron: {g.source}</p>
    </details>
  )
}

/** The §6.4 guidance for an incident's behaviours, beside the incident page. */
export function GuidancePanel({ guidance }: { guidance: FormOptions['guidance'] }) {
  if (guidance.length === 0) return null
  return (
    <aside className="guidance" aria-label="Handelingsadvies bij dit gedrag">
      <h2>Wat zegt het protocol?</h2>
      {guidance.map((g) => (
        <GuidanceItem key={g.key} g={g} summary={g.title} />
      ))}
    </aside>
  )
}

/** The fields inside the "aanvullen" part: an error in one of them opens it. */
const SUPPLEMENT_PATHS = ['leftPremises', 'objectThrownAtPerson', 'voorwerp', 'motiveCode', 'analysis', 'afhandeling', 'agreements', 'parentsContactedAt', 'parentsContactedBy', 'severity', 'severityReason', 'policeReportKind', 'policeReportedOn']

/** The error summary's link target: the field's own id when the page has it, else its group's. */
function errorTarget(path: string): string {
  if (/^persons\.\d+\.(studentId|description)$/.test(path)) return path
  if (/^persons\.\d+/.test(path)) return path.split('.').slice(0, 2).join('.')
  return path.split('.')[0]!
}

export function IncidentForm({ options, values, errors, mode }: {
  options: FormOptions
  values: IncidentValues
  errors: FieldError[]
  mode: 'create' | 'edit'
}) {
  const navigation = useNavigation()
  const [types, setTypes] = useState<number[]>(values.voorval ?? [])
  const [personCount, setPersonCount] = useState(Math.max(2, values.persons?.length ?? 0))
  const [parentsContacted, setParentsContacted] = useState(!!values.parentsContacted)
  const [police, setPolice] = useState(values.policeReportKind ?? '')
  const [suggestion, setSuggestion] = useState<SeveritySuggestion | null>(null)
  const busy = navigation.state === 'submitting'
  const draftable = mode === 'create' || values.status === 'draft'
  const has = (...paths: string[]) => errors.some((e) => paths.some((p) => e.path === p || e.path.startsWith(`${p}.`)))
  const open = (...paths: string[]) => mode === 'edit' || has(...paths) || undefined
  const implied = BEHAVIOURS.filter((b) => b.codes.some((c) => types.includes(c)))
  return (
    <div className="incident-layout">
      <Form
        method="post"
        className="incident-form"
        id="incident-form"
        noValidate
        onChange={(e) => setSuggestion(suggestionFromForm(e.currentTarget))}
      >
        <ErrorSummary errors={errors} title="Het incident is niet opgeslagen. Controleer:" target={errorTarget} />
        <div className="two-col">
          <div className="field">
            <label htmlFor="occurredAt">
              Datum en tijd
              <Required />
            </label>
            <input id="occurredAt" name="occurredAt" type="datetime-local" aria-required defaultValue={toLocalInput(values.occurredAt ?? new Date().toISOString())} {...errorProps(errors, 'occurredAt')} />
            <ErrorText errors={errors} path="occurredAt" />
          </div>
          <div className="field">
            <label htmlFor="locationCode">Locatie</label>
            <CodeSelect name="locationCode" options={options.iris.locatie} value={values.locationCode} empty="— kies —" />
          </div>
        </div>
        <LimitedTextarea id="situation" label="Wat is er gebeurd?" rows={3} value={values.situation ?? ''} required errors={errors} />
        <TypeChooser options={options.iris.voorval} common={options.commonVoorval} types={types} onChange={setTypes} errors={errors} guidance={options.guidance} values={values} />

        {Array.from({ length: personCount }, (_, i) => (
          <PersonRow key={i} index={i} person={values.persons?.[i] ?? { role: '', kind: 'leerling', studentId: null, description: null, injury: null, outcome: null }} pupils={options.pupils} errors={errors} />
        ))}
        <button type="button" className="button secondary" onClick={() => setPersonCount((n) => n + 1)}>
          Nog een betrokkene
        </button>

        <details className="section aanvullen" open={open(...SUPPLEMENT_PATHS) || !!values.policeReportKind || parentsContacted || undefined}>
          <summary>Aanvullen volgens Bijlage 1 (mag later, ook door de IB)</summary>
        <details className="section" open={open('leftPremises', 'objectThrownAtPerson')}>
          <summary>Ander gedrag</summary>
          {BEHAVIOURS.filter((b) => !implied.includes(b)).map((b) => (
            <BehaviourCheck key={b.prefix} behaviour={b} values={values} />
          ))}
          <label className="check">
            <input type="checkbox" name="leftPremises" defaultChecked={values.leftPremises} />
            <span>Leerling liep weg van school (het terrein af)</span>
          </label>
          <label className="check">
            <input type="checkbox" name="objectThrownAtPerson" defaultChecked={values.objectThrownAtPerson} />
            <span>Voorwerp gegooid naar een persoon</span>
          </label>
        </details>

        <details className="section" open={open('voorwerp', 'motiveCode', 'analysis', 'afhandeling', 'agreements')}>
          <summary>Voorwerpen, motief, analyse en afhandeling</summary>
          <CodeChecklist name="voorwerp" legend="Gebruikte voorwerpen" options={options.iris.voorwerp} selected={values.voorwerp ?? []} />
          <div className="field">
            <label htmlFor="motiveCode">Motief</label>
            <CodeSelect name="motiveCode" options={options.iris.motief} value={values.motiveCode} empty="— onbekend —" />
          </div>
          <LimitedTextarea id="analysis" label="Analyse" rows={3} value={values.analysis ?? ''} errors={errors} />
          <CodeChecklist name="afhandeling" legend="Genomen acties / maatregel (afhandeling)" options={options.iris.afhandeling} selected={values.afhandeling ?? []} />
          <LimitedTextarea id="agreements" label="Afspraken" rows={3} value={values.agreements ?? ''} errors={errors} />
        </details>

        <details className="section" open={open('parentsContactedAt', 'parentsContactedBy') || parentsContacted || undefined}>
          <summary>Contact met ouders</summary>
          <label className="check">
            <input type="checkbox" name="parentsContacted" checked={parentsContacted} onChange={(e) => setParentsContacted(e.currentTarget.checked)} />
            <span>Er is contact geweest met de ouders</span>
          </label>
          {parentsContacted ? (
            <div className="two-col">
              <div className="field">
                <label htmlFor="parentsContactedAt">
                  Wanneer
                  <Required />
                </label>
                <input id="parentsContactedAt" name="parentsContactedAt" type="datetime-local" defaultValue={toLocalInput(values.parentsContactedAt)} {...errorProps(errors, 'parentsContactedAt')} />
                <ErrorText errors={errors} path="parentsContactedAt" />
              </div>
              <div className="field">
                <label htmlFor="parentsContactedBy">Door wie</label>
                <input id="parentsContactedBy" name="parentsContactedBy" defaultValue={values.parentsContactedBy ?? ''} maxLength={200} />
              </div>
            </div>
          ) : null}
        </details>

        <details className="section" open={open('severity', 'severityReason')}>
          <summary>Ernst en vertrouwelijkheid</summary>
          <div className="field">
            <label htmlFor="severity">Ernst</label>
            <select id="severity" name="severity" defaultValue={values.severity && values.severity !== values.suggestedSeverity ? values.severity : ''} aria-describedby="severity-help">
              <option value="">Voorstel volgen (volgens protocol §1.2)</option>
              <option value="overig">overig</option>
              <option value="ernstig">ernstig</option>
              <option value="zeer_ernstig">zeer ernstig</option>
            </select>
            <div id="severity-help" aria-live="polite">
              {suggestion ? (
                <>
                  <p>
                    Voorstel volgens het protocol: <strong>{SEVERITY_LABELS[suggestion.level]}</strong>
                  </p>
                  {suggestion.rules.length ? (
                    <ul className="muted">
                      {suggestion.rules.map((r) => (
                        <li key={r.id}>
                          {SEVERITY_LABELS[r.level]}: {r.text}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : values.suggestedSeverity ? (
                <p>
                  Voorstel volgens het protocol: <strong>{values.suggestedSeverity.replace('_', ' ')}</strong>
                </p>
              ) : null}
              <p className="muted">Verhogen mag altijd; verlagen vraagt een reden. Bron: protocol §1.2.</p>
            </div>
          </div>
          <div className="field">
            <label htmlFor="severityReason">Reden bij verlagen</label>
            <textarea id="severityReason" name="severityReason" rows={2} defaultValue={values.severityReason ?? ''} {...errorProps(errors, 'severityReason')} />
            <ErrorText errors={errors} path="severityReason" />
          </div>
          <label className="check">
            <input type="checkbox" name="confidential" defaultChecked={values.confidential} />
            <span>Vertrouwelijk (alleen directeur en vertrouwenspersoon). Seksuele intimidatie en misbruik zijn altijd vertrouwelijk.</span>
          </label>
        </details>

        <details className="section" open={open('policeReportKind', 'policeReportedOn') || !!values.policeReportKind || undefined}>
          <summary>Melding of aangifte bij de politie</summary>
          <div className="field">
            <label htmlFor="policeReportKind">Soort</label>
            <select id="policeReportKind" name="policeReportKind" value={police} onChange={(e) => setPolice(e.currentTarget.value)}>
              <option value="">geen</option>
              <option value="melding">melding</option>
              <option value="aangifte">aangifte</option>
            </select>
          </div>
          {police ? (
            <>
              <div className="two-col">
                <div className="field">
                  <label htmlFor="policeReportedOn">
                    Datum
                    <Required />
                  </label>
                  <input id="policeReportedOn" name="policeReportedOn" type="date" defaultValue={values.policeReportedOn ?? ''} {...errorProps(errors, 'policeReportedOn')} />
                  <ErrorText errors={errors} path="policeReportedOn" />
                </div>
                <div className="field">
                  <label htmlFor="policeReportedBy">Door wie</label>
                  <input id="policeReportedBy" name="policeReportedBy" defaultValue={values.policeReportedBy ?? ''} maxLength={200} />
                </div>
              </div>
              <label className="check">
                <input type="checkbox" name="policeOnBehalfOfVictim" defaultChecked={!!values.policeOnBehalfOfVictim} />
                <span>Namens het slachtoffer gedaan door de school</span>
              </label>
            </>
          ) : null}
        </details>
        </details>

        {/* Indienen first: it is the form's default button, the one Enter in a text field presses. */}
        <div className="actions">
          <button type="submit" name="intent" value="submit" disabled={busy}>
            {draftable ? 'Indienen' : 'Wijziging opslaan'}
          </button>
          {draftable ? (
            <button type="submit" name="intent" value="draft" className="button secondary" disabled={busy} aria-describedby="draft-note">
              Opslaan als concept
            </button>
          ) : null}
        </div>
        {draftable ? (
          <p id="draft-note" className="muted">
            Een concept ziet alleen u: de IB en de directeur zien het pas als u het indient.
          </p>
        ) : null}
      </Form>
    </div>
  )
}
