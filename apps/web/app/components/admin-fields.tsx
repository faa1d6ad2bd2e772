// Labelled form fields for the beheer and platform pages: each input carries its error
// (aria-invalid, aria-describedby) and the id the error summary links to.
import type { ReactNode } from 'react'
import { fieldError, type FieldError } from './form-parts.tsx'

interface FieldProps {
  name: string
  label: string
  errors: FieldError[]
  /** Prefix for the element id when a page has the field twice. */
  idPrefix?: string
  hint?: string
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

function Frame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
      {children}
    </div>
  )
}

export function TextField({ name, label, errors, idPrefix = '', hint, defaultValue, autoComplete, inputMode }: FieldProps & { defaultValue?: string | null; autoComplete?: string; inputMode?: 'numeric' | 'text' }) {
  const id = `${idPrefix}${name}`
  const error = fieldError(errors, name)
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input id={id} name={name} type="text" required defaultValue={defaultValue ?? ''} autoComplete={autoComplete} inputMode={inputMode} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </Frame>
  )
}

export function SelectField({ name, label, errors, idPrefix = '', hint, options, defaultValue, required = true }: FieldProps & { options: readonly (readonly [string, string])[]; defaultValue?: string | null; required?: boolean }) {
  const id = `${idPrefix}${name}`
  const error = fieldError(errors, name)
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} required={required} defaultValue={defaultValue ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {required ? <option value="" disabled>Kies…</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </Frame>
  )
}

export const SECTOR_OPTIONS = [['po', 'Primair onderwijs (po)'], ['so', 'Speciaal onderwijs (so)'], ['vo', 'Voortgezet onderwijs (vo)'], ['mbo', 'Middelbaar beroepsonderwijs (mbo)']] as const
export const REGION_OPTIONS = [['noord', 'Noord'], ['midden', 'Midden'], ['zuid', 'Zuid']] as const
export const PARTNER_KIND_OPTIONS = [['halt_region', 'Halt-regio'], ['police_unit', 'Politie-eenheid'], ['leerplicht', 'Leerplicht'], ['inspectie', 'Inspectie'], ['other', 'Anders']] as const
