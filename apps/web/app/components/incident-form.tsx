// The Bijlage 1 note as a form, quick on a phone: the essentials first (when, where, what, who),
// the rest folded into sections. Works without JavaScript (two person rows); with it, rows can be
// added and the §6.4 guidance follows the chosen incident types.
import { SEVERITY_LABELS, suggestSeverity, type PersonKind, type PersonRole, type SeveritySuggestion } from '@baken/domain/severity'
import { Form, useNavigation } from '@remix-run/react'
import { useMemo, useState } from 'react'
import { ErrorSummary, NamedOptions, ValueOptions } from './form-parts.tsx'

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
  iris: Record<'voorval' | 'locatie' | 'voorwerp' | 'motief' | 'afhandeling', IrisOption[]>
  pupils: { id: string; name: string; groupName: string }[]
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

const ROLES = ['dader', 'slachtoffer', 'getuige', 'melder', 'betrokkene']
const KINDS: [string, string][] = [
  ['leerling', 'leerling van deze school'],
  ['medewerker', 'medewerker'],
  ['ouder', 'ouder/verzorger'],
  ['externe', 'buitenstaander'],
]

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

function ErrorText({ errors, path }: { errors: FieldError[]; path: string }) {
  const found = errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`))
  if (found.length === 0) return null
  return (
    <p id={`${path}-error`} className="field-error">
      {found.map((e) => e.message).join(' ')}
    </p>
  )
}

function errorProps(errors: FieldError[], path: string) {
  const has = errors.some((e) => e.path === path || e.path.startsWith(`${path}.`))
  return has ? { 'aria-invalid': true as const, 'aria-describedby': `${path}-error` } : {}
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

function CodeChecklist({ name, legend, options, selected, onChange }: {
  name: 'voorval' | 'voorwerp' | 'afhandeling'
  legend: string
  options: IrisOption[]
  selected: number[]
  onChange?: (codes: number[]) => void
}) {
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {groupBy(options).map(([group, items]) => (
        <div key={group} className="checklist-group">
          <p className="muted checklist-group-title">{group}</p>
          {items.map((o) => (
            <label key={o.code} className="check">
              <input
                type="checkbox"
                name={name}
                value={o.code}
                defaultChecked={selected.includes(o.code)}
                onChange={
                  onChange
                    ? (e) => onChange(e.currentTarget.checked ? [...selected, o.code] : selected.filter((c) => c !== o.code))
                    : undefined
                }
              />{' '}
              {o.label} <span className="muted">(IRIS {o.code})</span>
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  )
}

function Behaviour({ prefix, label, values }: { prefix: 'verbal' | 'physical' | 'vandalism'; label: string; values: IncidentValues }) {
  const flag = (prefix === 'vandalism' ? 'vandalism' : `${prefix}Aggression`) as 'vandalism' | 'verbalAggression' | 'physicalAggression'
  const [on, setOn] = useState(!!values[flag])
  return (
    <fieldset className="behaviour">
      <legend>{label}</legend>
      <label className="check">
        <input type="checkbox" name={flag} checked={on} onChange={(e) => setOn(e.currentTarget.checked)} /> ja
      </label>
      {on ? (
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
      ) : null}
    </fieldset>
  )
}

function PersonRow({ index, person, pupils, errors }: { index: number; person: PersonValues; pupils: FormOptions['pupils']; errors: FieldError[] }) {
  const [kind, setKind] = useState(person.kind || 'leerling')
  const p = `persons.${index}`
  const byGroup = useMemo(() => groupBy(pupils.map((x) => ({ ...x, group: x.groupName }))), [pupils])
  return (
    <fieldset className="person">
      <legend>Betrokkene {index + 1}</legend>
      <div className="two-col">
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
      {kind === 'leerling' ? (
        <div className="field">
          <label htmlFor={`${p}.studentId`}>Leerling</label>
          <select id={`${p}.studentId`} name={`${p}.studentId`} defaultValue={person.studentId ?? ''} {...errorProps(errors, `${p}.studentId`)}>
            <option value="">— kies —</option>
            {byGroup.map(([group, items]) => (
              <optgroup key={group} label={group}>
                <NamedOptions items={items} />
              </optgroup>
            ))}
          </select>
          <ErrorText errors={errors} path={`${p}.studentId`} />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${p}.description`}>Omschrijving (geen naam nodig)</label>
          <input id={`${p}.description`} name={`${p}.description`} defaultValue={person.description ?? ''} maxLength={500} {...errorProps(errors, `${p}.description`)} />
          <ErrorText errors={errors} path={`${p}.description`} />
        </div>
      )}
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
    </fieldset>
  )
}

export function GuidancePanel({ guidance }: { guidance: FormOptions['guidance'] }) {
  if (guidance.length === 0) return null
  return (
    <aside className="guidance" aria-label="Handelingsadvies bij dit gedrag">
      <h2>Wat zegt het protocol?</h2>
      {guidance.map((g) => (
        <details key={g.key}>
          <summary>{g.title}</summary>
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
      ))}
    </aside>
  )
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
  const guidance = options.guidance.filter((g) => g.irisVoorval.some((c) => types.includes(c)))
  const [suggestion, setSuggestion] = useState<SeveritySuggestion | null>(null)
  const busy = navigation.state === 'submitting'
  return (
    <div className="incident-layout">
      <Form
        method="post"
        className="incident-form"
        id="incident-form"
        noValidate
        onChange={(e) => setSuggestion(suggestionFromForm(e.currentTarget))}
      >
        <ErrorSummary errors={errors} title="Het incident is niet opgeslagen. Controleer:" />
        <div className="two-col">
          <div className="field">
            <label htmlFor="occurredAt">Datum en tijd</label>
            <input id="occurredAt" name="occurredAt" type="datetime-local" required defaultValue={toLocalInput(values.occurredAt ?? new Date().toISOString())} {...errorProps(errors, 'occurredAt')} />
            <ErrorText errors={errors} path="occurredAt" />
          </div>
          <div className="field">
            <label htmlFor="locationCode">Locatie</label>
            <CodeSelect name="locationCode" options={options.iris.locatie} value={values.locationCode} empty="— kies —" />
          </div>
        </div>
        <div className="field">
          <label htmlFor="situation">Wat is er gebeurd? (situatie)</label>
          <textarea id="situation" name="situation" rows={4} required maxLength={10000} defaultValue={values.situation ?? ''} {...errorProps(errors, 'situation')} />
          <ErrorText errors={errors} path="situation" />
        </div>
        <CodeChecklist name="voorval" legend="Soort incident" options={options.iris.voorval} selected={types} onChange={setTypes} />
        <ErrorText errors={errors} path="voorval" />

        <h2>Betrokkenen</h2>
        {Array.from({ length: personCount }, (_, i) => (
          <PersonRow key={i} index={i} person={values.persons?.[i] ?? { role: '', kind: 'leerling', studentId: null, description: null, injury: null, outcome: null }} pupils={options.pupils} errors={errors} />
        ))}
        <ErrorText errors={errors} path="persons" />
        <button type="button" className="button secondary" onClick={() => setPersonCount((n) => n + 1)}>
          Nog een betrokkene
        </button>

        <h2>Gedrag</h2>
        <Behaviour prefix="verbal" label="Verbale agressie" values={values} />
        <Behaviour prefix="physical" label="Fysieke agressie" values={values} />
        <Behaviour prefix="vandalism" label="Vernieling" values={values} />
        <label className="check">
          <input type="checkbox" name="leftPremises" defaultChecked={values.leftPremises} /> Leerling liep weg van school (het terrein af)
        </label>
        <label className="check">
          <input type="checkbox" name="objectThrownAtPerson" defaultChecked={values.objectThrownAtPerson} /> Voorwerp gegooid naar een persoon
        </label>

        <details className="section" open={mode === 'edit'}>
          <summary>Voorwerpen, motief, analyse en afhandeling</summary>
          <CodeChecklist name="voorwerp" legend="Gebruikte voorwerpen" options={options.iris.voorwerp} selected={values.voorwerp ?? []} />
          <div className="field">
            <label htmlFor="motiveCode">Motief</label>
            <CodeSelect name="motiveCode" options={options.iris.motief} value={values.motiveCode} empty="— onbekend —" />
          </div>
          <div className="field">
            <label htmlFor="analysis">Analyse</label>
            <textarea id="analysis" name="analysis" rows={3} maxLength={10000} defaultValue={values.analysis ?? ''} />
          </div>
          <CodeChecklist name="afhandeling" legend="Genomen acties / maatregel (afhandeling)" options={options.iris.afhandeling} selected={values.afhandeling ?? []} />
          <div className="field">
            <label htmlFor="agreements">Afspraken</label>
            <textarea id="agreements" name="agreements" rows={3} maxLength={10000} defaultValue={values.agreements ?? ''} />
          </div>
        </details>

        <fieldset className="section-fieldset">
          <legend>Contact met ouders</legend>
          <label className="check">
            <input type="checkbox" name="parentsContacted" checked={parentsContacted} onChange={(e) => setParentsContacted(e.currentTarget.checked)} /> Er is contact geweest met de ouders
          </label>
          {parentsContacted ? (
            <div className="two-col">
              <div className="field">
                <label htmlFor="parentsContactedAt">Wanneer</label>
                <input id="parentsContactedAt" name="parentsContactedAt" type="datetime-local" defaultValue={toLocalInput(values.parentsContactedAt)} {...errorProps(errors, 'parentsContactedAt')} />
                <ErrorText errors={errors} path="parentsContactedAt" />
              </div>
              <div className="field">
                <label htmlFor="parentsContactedBy">Door wie</label>
                <input id="parentsContactedBy" name="parentsContactedBy" defaultValue={values.parentsContactedBy ?? ''} maxLength={200} />
              </div>
            </div>
          ) : null}
        </fieldset>

        <fieldset className="section-fieldset">
          <legend>Ernst en vertrouwelijkheid</legend>
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
            <textarea id="severityReason" name="severityReason" rows={2} maxLength={2000} defaultValue={values.severityReason ?? ''} {...errorProps(errors, 'severityReason')} />
            <ErrorText errors={errors} path="severityReason" />
          </div>
          <label className="check">
            <input type="checkbox" name="confidential" defaultChecked={values.confidential} /> Vertrouwelijk (alleen directeur en vertrouwenspersoon). Seksuele intimidatie en misbruik zijn altijd vertrouwelijk.
          </label>
        </fieldset>

        <details className="section" open={!!values.policeReportKind}>
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
                  <label htmlFor="policeReportedOn">Datum</label>
                  <input id="policeReportedOn" name="policeReportedOn" type="date" defaultValue={values.policeReportedOn ?? ''} {...errorProps(errors, 'policeReportedOn')} />
                  <ErrorText errors={errors} path="policeReportedOn" />
                </div>
                <div className="field">
                  <label htmlFor="policeReportedBy">Door wie</label>
                  <input id="policeReportedBy" name="policeReportedBy" defaultValue={values.policeReportedBy ?? ''} maxLength={200} />
                </div>
              </div>
              <label className="check">
                <input type="checkbox" name="policeOnBehalfOfVictim" defaultChecked={!!values.policeOnBehalfOfVictim} /> Namens het slachtoffer gedaan door de school
              </label>
            </>
          ) : null}
        </details>

        <div className="actions">
          {mode === 'create' || values.status === 'draft' ? (
            <button type="submit" name="intent" value="draft" className="button secondary" disabled={busy}>
              Opslaan als concept
            </button>
          ) : null}
          <button type="submit" name="intent" value="submit" disabled={busy}>
            {mode === 'create' || values.status === 'draft' ? 'Indienen' : 'Wijziging opslaan'}
          </button>
        </div>
      </Form>
      <GuidancePanel guidance={guidance} />
    </div>
  )
}
