// Pieces of the sharing pages (issue 5): the error summary that takes focus, the field checkboxes
// (defaulting to the least), and the display of a shared payload. No server imports here.
import { useEffect, useRef } from 'react'
import { formatDate, formatDateTime } from '~/lib/format.ts'

export interface FieldError {
  path: string
  message: string
}

/** The list of what went wrong, focused when it appears; each item links to its field when known. */
export function ErrorSummary({ errors, title = 'Niet opgeslagen.' }: { errors: FieldError[]; title?: string }) {
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
        {errors.map((e, i) => (
          <li key={i}>{e.path ? <a href={`#${e.path.split('.')[0]}`}>{e.message}</a> : e.message}</li>
        ))}
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

export const SHARE_FIELD_TEXT: Record<string, string> = {
  datum: 'Datum en tijd',
  type: 'Soort incident',
  locatie: 'Locatie',
  naam_dader: 'Naam van de dader(s)',
  naam_slachtoffer: 'Naam van het slachtoffer / de slachtoffers',
  naam_getuige: 'Naam van de getuige(n)',
  geboortedatum: 'Geboortedatum',
  groep: 'Groep / klas',
  omschrijving: 'Omschrijving',
  letsel: 'Letsel',
  voorwerpen: 'Voorwerpen',
  afhandeling: 'Afhandeling',
  maatregelen: 'Maatregelen',
}

const ROLE_TEXT: Record<string, string> = { dader: 'dader', slachtoffer: 'slachtoffer', getuige: 'getuige', melder: 'melder', betrokkene: 'betrokkene' }

function renderValue(key: string, value: unknown) {
  if (value === null || value === undefined || value === '') return <span className="muted">niet vastgelegd</span>
  if (key === 'datum' && typeof value === 'string') return formatDateTime(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">geen</span>
    if (value.every((v) => typeof v === 'string')) return (value as string[]).join(', ')
    return (
      <ul>
        {(value as { rol?: string; naam?: string | null; value?: string | null }[]).map((p, i) => (
          <li key={i}>
            {p.naam ?? `een leerling (${ROLE_TEXT[p.rol ?? ''] ?? p.rol ?? ''})`}
            {p.naam && p.rol ? ` (${ROLE_TEXT[p.rol] ?? p.rol})` : ''}: {key === 'geboortedatum' && p.value ? formatDate(p.value) : p.value}
          </li>
        ))}
      </ul>
    )
  }
  return <span className="prewrap">{String(value)}</span>
}

/** One incident's shared payload as a definition list, in the order of the share's fields. */
export function SharedPayload({ payload, fields }: { payload: Record<string, unknown>; fields: { key: string; label: string }[] }) {
  return (
    <dl className="facts">
      {fields
        .filter((f) => f.key in payload)
        .map((f) => (
          <div key={f.key} data-field={f.key}>
            <dt>{SHARE_FIELD_TEXT[f.key] ?? f.label}</dt>
            <dd>{renderValue(f.key, payload[f.key])}</dd>
          </div>
        ))}
    </dl>
  )
}

export function ShareStatusBadge({ status }: { status: string }) {
  const text = status === 'actief' ? 'actief' : status === 'verlopen' ? 'verlopen' : status === 'ingetrokken' ? 'ingetrokken' : status
  return <span className={`badge ${status === 'ingetrokken' ? 'severity-zeer_ernstig' : ''}`}>{text}</span>
}
