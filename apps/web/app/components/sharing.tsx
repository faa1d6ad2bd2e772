// Pieces of the sharing pages: the error summary that takes focus, the field checkboxes
// (defaulting to the least), and the display of a shared payload. No server imports here.
import { SHARE_FIELD_LABEL } from '@baken/domain/share-labels'
import { formatDate, formatDateTime } from '~/lib/format.ts'

export { CheckboxGroup, ErrorSummary, fieldError, type FieldError } from './form-parts.tsx'

/** The fields as a received share shows them: its description is already unrecognisable for other pupils. */
export const SHARE_FIELD_TEXT: Record<string, string> = { ...SHARE_FIELD_LABEL, omschrijving: 'Omschrijving' }

/** A share's last day (from today on) and its optional note: the end of the share form and of the police report's. */
export function ShareExpiryAndNote({ today, defaultExpiry, error, hint }: { today: string; defaultExpiry: string; error?: string; hint?: string }) {
  const describedBy = [hint ? 'expiresOn-hint' : null, error ? 'expiresOn-error' : null].filter(Boolean).join(' ') || undefined
  return (
    <>
      <div className="field">
        <label htmlFor="expiresOn">Vervaldatum</label>
        {hint ? (
          <p className="muted" id="expiresOn-hint">
            {hint}
          </p>
        ) : null}
        <input id="expiresOn" name="expiresOn" type="date" min={today} defaultValue={defaultExpiry} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
        {error ? (
          <p className="field-error" id="expiresOn-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="note">Toelichting (optioneel)</label>
        <textarea id="note" name="note" rows={2} />
      </div>
    </>
  )
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
