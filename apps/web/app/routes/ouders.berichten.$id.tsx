import { acknowledgePortalItem, filePortalBezwaar, readPortalItem } from '@baken/domain'
import { type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { formatDate, formatDateTime } from '~/lib/format.ts'
import { requireFamily } from '~/lib/portal.server.ts'
import { pageValue, perform, refusalData, submitForm } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

// Every text of this page comes from the dictionaries: it exists in English (ADR 035).
export const handle = { english: true }

/**
 * One released item: read it, give "voor gezien" with an optional reaction, and against a decision
 * to suspend or remove, file a bezwaar (Awb art. 6:4) into the school's bezwaar workflow.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireFamily(request, context)
  return pageValue(await perform(ctx, readPortalItem, { id: params.id ?? '' }))
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const ctx = requireFamily(request, context)
  const form = await request.formData()
  if (form.get('intent') === 'bezwaar') {
    form.delete('intent')
    const filed = await submitForm(ctx, filePortalBezwaar, form, { id: params.id ?? '' })
    if (!filed.ok) return refusalData(filed, { bezwaar: true as const })
    return { filed: { receivedOn: filed.receivedOn, decisionDueOn: filed.decisionDueOn } }
  }
  const outcome = await submitForm(ctx, acknowledgePortalItem, form, { id: params.id ?? '' })
  if (!outcome.ok) return refusalData(outcome)
  return { acknowledged: true as const }
}

export default function PortalItemPage() {
  const t = useT()
  const { item, acknowledgements, bezwaren } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const r = item.report
  const file = item.file
  const letter = item.letter
  const mr = item.measureReport
  // Errors of the bezwaar form are shown there; the rest at "voor gezien".
  const errors = result && 'errors' in result && !('bezwaar' in result) ? result.errors : []
  return (
    <article className="card">
      <p>
        <Link to="/ouders">← {t('portal.back')}</Link>
      </p>
      <h1 lang="nl">{item.title}</h1>
      <p className="muted">{t('portal.releasedOn', { date: formatDate(item.releasedAt) })}</p>
      <p className="notice" role="note">
        {t('portal.redactedNote')}
      </p>
      {file ? <StudentFile file={file} /> : null}
      {r ? (
        <>
      <dl className="facts" lang="nl">
        <dt>{t('portal.f.pupil')}</dt>
        <dd>
          {r.pupil.name}
          {r.pupil.groupName ? ` (${r.pupil.groupName})` : ''}
        </dd>
        <dt>{t('portal.f.school')}</dt>
        <dd>{r.schoolName}</dd>
        <dt>{t('portal.f.when')}</dt>
        <dd>{formatDateTime(r.occurredAt)}</dd>
        <dt>{t('portal.f.where')}</dt>
        <dd>{r.location ?? '—'}</dd>
        {r.types.length ? (
          <>
            <dt>{t('portal.f.type')}</dt>
            <dd>{r.types.join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('portal.f.what')}</dt>
        <dd className="prewrap">{r.situation || '—'}</dd>
        {r.behaviour.map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
        <dt>{t('portal.f.persons')}</dt>
        <dd>
          <ul>
            {r.persons.map((p, i) => (
              <li key={i}>
                {p.who} — {p.role}
                {p.injury ? ` · letsel: ${p.injury}` : ''}
                {p.outcome ? ` · afloop: ${p.outcome}` : ''}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('portal.f.measures')}</dt>
        <dd>{r.measures.join(', ') || '—'}</dd>
        <dt>{t('portal.f.agreements')}</dt>
        <dd className="prewrap">{r.agreements ?? '—'}</dd>
        <dt>{t('portal.f.contact')}</dt>
        <dd>
          {r.contact.name}
          {r.contact.email ? ` (${r.contact.email})` : ''}
        </dd>
      </dl>
        </>
      ) : null}
      {letter ? <DecisionLetter itemId={item.id} letter={letter} /> : null}
      {mr ? <MeasureReport report={mr} /> : null}
      {!file ? (
        <section aria-labelledby="ack-h">
        <h2 id="ack-h">{t('portal.voorGezien')}</h2>
        <p>{t('portal.voorGezienExplain')}</p>
        {acknowledgements.length > 0 ? (
          <div role="status">
          <ul>
            {acknowledgements.map((a) => (
              <li key={a.id}>
                {t('portal.youAcknowledged', { date: formatDateTime(a.recordedAt) })}
                {a.reaction ? (
                  <>
                    {' '}
                    {t('portal.yourReaction')} <q>{a.reaction}</q>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          </div>
        ) : null}
        {result && 'acknowledged' in result ? (
          <p role="status" className="notice">
            {t('portal.thanks')}
          </p>
        ) : null}
        {errors.length ? (
          <p role="alert" className="error" id="ack-error">
            {errors.map((e) => e.message).join(' ')}
          </p>
        ) : null}
        {acknowledgements.length === 0 ? (
          <Form method="post">
            <label htmlFor="reaction">{t('portal.reactionLabel')}</label>
            <p className="muted" id="reaction-hint">
              {t('portal.reactionHint')}
            </p>
            <textarea id="reaction" name="reaction" rows={4} maxLength={4000} aria-describedby={errors.length ? 'reaction-hint ack-error' : 'reaction-hint'} />
            <p>
              <button type="submit" className="button">
                {t('portal.acknowledge')}
              </button>
            </p>
          </Form>
        ) : null}
      </section>
      ) : null}
      {letter?.objectable ? <Bezwaar bezwaren={bezwaren} result={result} /> : null}
    </article>
  )
}

type File = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['item']['file']>

/** The pupil's file as the AVG export builds it (inzage, AVG art. 15): other pupils redacted, no staff names. */
function StudentFile({ file }: { file: File }) {
  const t = useT()
  return (
    <div lang="nl">
      <h2>{t('portal.file.incidents')}</h2>
      {file.incidents.length === 0 ? <p>—</p> : null}
      <ul>
        {file.incidents.map((i) => (
          <li key={i.id}>
            <strong>{formatDateTime(i.occurredAt)}</strong> · {i.types.join(', ')} · {i.ownRoles.join(', ')}
            <p className="prewrap">{i.situation}</p>
            <p className="muted">{i.persons.map((p) => `${p.who} (${p.role})`).join('; ')}</p>
          </li>
        ))}
      </ul>
      <h2>{t('portal.file.measures')}</h2>
      {file.measures.length === 0 ? <p>—</p> : null}
      <ul>
        {file.measures.map((m) => (
          <li key={m.id}>
            <strong>{m.kindLabel}</strong> · {m.state}
            {m.startsOn ? ` · ${formatDate(m.startsOn)}` : ''}
            {m.endsOn ? ` – ${formatDate(m.endsOn)}` : ''}
            {m.letters.length ? ` · ${m.letters.map((l) => l.kindLabel).join(', ')}` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('portal.file.referrals')}</h2>
      {file.referrals.length === 0 ? <p>—</p> : null}
      <ul>
        {file.referrals.map((h) => (
          <li key={h.id}>
            {h.partner} · {h.status}
            {h.outcome ? ` · ${h.outcome}` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('portal.file.shares')}</h2>
      {file.shares.length === 0 ? <p>—</p> : null}
      <ul>
        {file.shares.map((sh) => (
          <li key={sh.id}>
            {sh.partner} · {sh.purposeLabel} · {sh.fieldLabels.join(', ')} · {formatDate(sh.approvedAt)} – {formatDate(sh.expiresAt)} ({sh.status})
          </li>
        ))}
      </ul>
    </div>
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>
type ActionResult = ReturnType<typeof useActionData<typeof action>>

/** The decision letter as sent, to download, with the day it was sent. */
function DecisionLetter({ itemId, letter }: { itemId: string; letter: NonNullable<Loaded['item']['letter']> }) {
  const t = useT()
  return (
    <dl className="facts">
      <dt>{t('portal.letter.kind')}</dt>
      <dd lang="nl">{letter.letterLabel}</dd>
      <dt>{t('portal.letter.sentOn')}</dt>
      <dd>{formatDate(letter.decisionSentOn)}</dd>
      {letter.startsOn ? (
        <>
          <dt>{t('portal.letter.period')}</dt>
          <dd>
            {formatDate(letter.startsOn)}
            {letter.endsOn ? ` – ${formatDate(letter.endsOn)}` : ''}
          </dd>
        </>
      ) : null}
      <dt>{t('portal.letter.file')}</dt>
      <dd>
        <a href={`/api/v1/portal/items/${itemId}/pdf`} download>
          {t('portal.letter.download')}
        </a>
      </dd>
    </dl>
  )
}

/** The report of a time-out or schorsing: what, when, the reasons (others redacted), the steps. */
function MeasureReport({ report }: { report: NonNullable<Loaded['item']['measureReport']> }) {
  const t = useT()
  return (
    <>
      <dl className="facts" lang="nl">
        <dt>{t('portal.report.measure')}</dt>
        <dd>{report.measureLabel}</dd>
        <dt>{t('portal.report.state')}</dt>
        <dd>{report.state}</dd>
        {report.startsOn ? (
          <>
            <dt>{t('portal.letter.period')}</dt>
            <dd>
              {formatDate(report.startsOn)}
              {report.endsOn ? ` – ${formatDate(report.endsOn)}` : ''}
            </dd>
          </>
        ) : null}
        <dt>{t('portal.report.reasons')}</dt>
        <dd className="prewrap">{report.reasons}</dd>
      </dl>
      <h2>{t('portal.report.steps')}</h2>
      <ol lang="nl">
        {report.steps.map((s, i) => (
          <li key={i}>
            {formatDateTime(s.at)} · {s.label}
          </li>
        ))}
      </ol>
    </>
  )
}

/** A bezwaar against the decision: the grounds, and a reason when the six weeks have passed. */
function Bezwaar({ bezwaren, result }: { bezwaren: Loaded['bezwaren']; result: ActionResult }) {
  const t = useT()
  const errors = result && 'bezwaar' in result && 'errors' in result ? result.errors : []
  const late = errors.some((e) => e.path === 'lateReason')
  return (
    <section aria-labelledby="bezwaar-h">
      <h2 id="bezwaar-h">{t('portal.bezwaar.title')}</h2>
      <p>{t('portal.bezwaar.explain')}</p>
      {bezwaren.length ? (
        <div role="status">
          <ul>
            {bezwaren.map((b) => (
              <li key={b.id}>{t('portal.bezwaar.received', { date: formatDate(b.receivedOn), due: formatDate(b.decisionDueOn) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && 'filed' in result && result.filed ? (
        <p role="status" className="notice">
          {t('portal.bezwaar.thanks', { date: formatDate(result.filed.receivedOn), due: formatDate(result.filed.decisionDueOn) })}
        </p>
      ) : null}
      {errors.length ? (
        <p role="alert" className="error" id="bezwaar-error">
          {errors.map((e) => e.message).join(' ')}
        </p>
      ) : null}
      {bezwaren.every((b) => b.state === 'decided') ? (
        <Form method="post">
          <input type="hidden" name="intent" value="bezwaar" />
          <label htmlFor="grounds">{t('portal.bezwaar.grounds')}</label>
          <textarea id="grounds" name="grounds" rows={6} maxLength={8000} required aria-describedby={errors.length ? 'bezwaar-error' : undefined} />
          {late ? (
            <>
              <label htmlFor="lateReason">{t('portal.bezwaar.lateReason')}</label>
              <textarea id="lateReason" name="lateReason" rows={3} maxLength={4000} aria-describedby="bezwaar-error" />
            </>
          ) : null}
          <p>
            <button type="submit" className="button">
              {t('portal.bezwaar.submit')}
            </button>
          </p>
        </Form>
      ) : null}
    </section>
  )
}
