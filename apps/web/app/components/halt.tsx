// Pieces of the Halt pages: the closing report, and the shared form pieces under the names
// the Halt pages use. No server imports here (labels come from the loaders).
import { formatDate } from '~/lib/format.ts'

export {
  CheckboxGroup as Checkboxes,
  ErrorSummary as HaltErrors,
  fieldError as errorOf,
  type FieldError as HaltFieldError,
} from './form-parts.tsx'

/** A referral's status (with the outcome once closed) and intake cells, in the school's list and Halt's queue. */
export function ReferralStatusCells({ labels, r }: { labels: { statuses: Readonly<Record<string, string>>; outcomes: Readonly<Record<string, string>> }; r: { status: string; outcome: string | null; intakeAt: string | null } }) {
  return (
    <>
      <td data-label="Status">
        {labels.statuses[r.status] ?? r.status}
        {r.outcome ? ` (${labels.outcomes[r.outcome] ?? r.outcome})` : ''}
      </td>
      <td data-label="Intake">{r.intakeAt ? formatDate(r.intakeAt) : '—'}</td>
    </>
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
