// Form pieces shared by the sharing, Halt, privacy and reporting pages: the error summary that takes
// focus and links each error to its field, and a fieldset of checkboxes with a legend (44 px rows).
import { Form } from '@remix-run/react'
import { useEffect, useRef } from 'react'

export interface FieldError {
  path: string
  message: string
}

/**
 * The list of what went wrong, focused when it appears; each item links to its field when known
 * (`target` maps an error's path to the field's id; by default its first segment). Following a link
 * moves the focus into the field, or to the first control of a group.
 */
export function ErrorSummary({ errors, title = 'Niet opgeslagen.', idPrefix = '', target = (path) => path.split('.')[0]! }: {
  errors: FieldError[]
  title?: string
  /** The fields' id prefix when a page has several forms. */
  idPrefix?: string
  target?: (path: string) => string
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length) ref.current?.focus()
  }, [errors])
  if (!errors.length) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <p id="error-summary-title">
        <strong>{title}</strong>
      </p>
      <ul>
        {errors.map((e, i) => {
          if (!e.path) return <li key={i}>{e.message}</li>
          const id = `${idPrefix}${target(e.path)}`
          return (
            <li key={i}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  const el = document.getElementById(id)
                  if (!el) return
                  event.preventDefault()
                  const field = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')
                  el.closest('details')?.setAttribute('open', '')
                  ;(field ?? el).focus()
                  el.scrollIntoView({ block: 'center' })
                }}
              >
                {e.message}
              </a>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

export function fieldError(errors: FieldError[], path: string): string | undefined {
  return errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message
}

/** A fieldset of checkboxes; `id` is put on the fieldset so the error summary can link to it. */
export function CheckboxGroup({
  id,
  name,
  legend,
  hint,
  options,
  checked,
  error,
}: {
  id: string
  name: string
  legend: string
  hint?: string
  options: { value: string; label: string; note?: string }[]
  checked: readonly string[]
  error?: string
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className="section-fieldset" id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="muted" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((o) => (
        <label className="check" key={o.value}>
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
          <span>
            {o.label}
            {o.note ? <span className="muted"> — {o.note}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  )
}

/** A select's options, one per record: the id as value, the name as text. */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return items.map((s) => (
    <option key={s.id} value={s.id}>
      {s.name}
    </option>
  ))
}

/** A select's options from a map of value → label, in the map's order. */
export function LabelOptions({ labels }: { labels: Readonly<Record<string, string>> }) {
  return Object.entries(labels).map(([v, l]) => (
    <option key={v} value={v}>
      {l}
    </option>
  ))
}

/** A select's options from {value, label} choices. */
export function ChoiceOptions({ choices }: { choices: readonly { value: string; label: string }[] }) {
  return choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ))
}

/** A select's options whose text is the value itself (years, numbers, codes). */
export function ValueOptions({ values }: { values: readonly (string | number)[] }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {v}
    </option>
  ))
}

/** A select's pupils: name and group, the id as value. */
export function PupilOptions({ pupils }: { pupils: readonly { id: string; name: string; group?: string | null }[] }) {
  return pupils.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name} ({p.group ?? '—'})
    </option>
  ))
}

/** A select's data-sharing agreements: partner and title, the id as value. */
export function AgreementOptions({ agreements }: { agreements: readonly { id: string; partnerName: string; title: string }[] }) {
  return agreements.map((a) => (
    <option key={a.id} value={a.id}>
      {a.partnerName} — {a.title}
    </option>
  ))
}

/** The school-year choice above a yearly page: a GET form that reloads the page for the year chosen. */
export function SchoolYearFilter({ className, label, submit, years, value }: { className: string; label: string; submit: string; years: readonly string[]; value: string }) {
  return (
    <Form method="get" className={className}>
      <div>
        <label htmlFor="schooljaar">{label}</label>
        <select id="schooljaar" name="schooljaar" defaultValue={value}>
          <ValueOptions values={years} />
        </select>
      </div>
      <button type="submit">{submit}</button>
    </Form>
  )
}
