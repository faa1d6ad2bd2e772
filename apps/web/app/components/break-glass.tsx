// The break-glass question a page shows instead of a confidential or out-of-scope record: the reason
// is posted to /toegang/reden, recorded in the access log, and only then does the record open. The
// user types the reason themselves: nothing from the address fills it in, so a link someone else
// wrote cannot put words in their mouth.
import { Form } from '@remix-run/react'
import { useEffect, useRef } from 'react'

export interface BreakGlassFormProps {
  subjectType: 'incident' | 'student'
  subjectId: string
  returnTo: string
  why: string
  errors?: { path: string; message: string }[]
  reason?: string
  /** The link that led here carried a reason, which is not used. */
  linkReasonIgnored?: boolean
}

export function BreakGlassForm({ subjectType, subjectId, returnTo, why, errors = [], reason, linkReasonIgnored = false }: BreakGlassFormProps) {
  const summary = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (errors.length) summary.current?.focus()
  }, [errors.length])
  const reasonError = errors.find((e) => e.path === 'reason')?.message
  return (
    <section className="card" aria-labelledby="bg-title">
      <h1 id="bg-title">Reden opgeven</h1>
      {errors.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>
            <strong>Niet geopend.</strong>
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{e.path === 'reason' ? <a href="#reason">{e.message}</a> : e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{why}</p>
      {linkReasonIgnored ? (
        <p className="notice" role="note">
          De link die je volgde gaf een reden mee. Die wordt niet gebruikt: alleen een reden die je hier zelf opgeeft, wordt vastgelegd.
        </p>
      ) : null}
      <p className="muted" id="reason-hint">
        Je reden wordt met je naam en het tijdstip vastgelegd in het toegangslog en is zichtbaar voor de privacyfunctionaris. De reden geldt
        alleen voor {subjectType === 'incident' ? 'dit incident' : 'dit dossier'}, een kwartier lang.
      </p>
      <Form method="post" action="/toegang/reden">
        <input type="hidden" name="subjectType" value={subjectType} />
        <input type="hidden" name="subjectId" value={subjectId} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <div className="field">
          <label htmlFor="reason">Waarom open je {subjectType === 'incident' ? 'dit incident' : 'dit dossier'}?</label>
          <textarea
            id="reason"
            name="reason"
            rows={3}
            required
            minLength={5}
            maxLength={500}
            defaultValue={reason}
            aria-describedby={reasonError ? 'reason-hint reason-error' : 'reason-hint'}
            aria-invalid={reasonError ? true : undefined}
          />
          {reasonError ? (
            <p className="field-error" id="reason-error">
              {reasonError}
            </p>
          ) : null}
        </div>
        <button type="submit">Reden vastleggen en openen</button>
      </Form>
    </section>
  )
}
