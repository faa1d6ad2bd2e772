// Pieces of the Halt pages (issue 6): the error summary that takes focus, checkbox groups with a
// legend, and the closing report. No server imports here (labels come from the loaders).
import { useEffect, useRef } from 'react'

export interface HaltFieldError {
  path: string
  message: string
}

export function HaltErrors({ errors, title = 'Niet opgeslagen.' }: { errors: HaltFieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length) ref.current?.focus()
  }, [errors])
  if (!errors.length) return null
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="halt-error-title">
      <p id="halt-error-title">
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

export function errorOf(errors: HaltFieldError[], path: string): string | undefined {
  return errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message
}

/** A fieldset of checkboxes; the fieldset carries `id` so the error summary can link to it. */
export function Checkboxes({
  id,
  name,
  legend,
  options,
  checked,
  error,
  hint,
}: {
  id: string
  name: string
  legend: string
  options: { value: string; label: string }[]
  checked: readonly string[]
  error?: string
  hint?: string
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset id={id} className="field" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  )
}

/** The closing report: only the agreed fields, in the order of the labels. */
export function ClosingReport({ report, labels }: { report: Record<string, unknown>; labels: Record<string, string> }) {
  const keys = Object.keys(labels).filter((k) => k in report)
  if (!keys.length) return <p>Het eindverslag bevat geen velden.</p>
  return (
    <dl>
      {keys.map((k) => {
        const v = report[k]
        return (
          <div key={k}>
            <dt>{labels[k]}</dt>
            <dd>
              {Array.isArray(v) ? (
                v.length ? (
                  <ul>
                    {v.map((x, i) => (
                      <li key={i}>{String(x)}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )
              ) : (
                String(v ?? '—')
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}
