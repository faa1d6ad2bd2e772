import { listChildShares } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDate } from '~/lib/format.ts'
import { requireFamily } from '~/lib/portal.server.ts'
import { pageValue, perform } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

// Every text of this page comes from the dictionaries: it exists in English (ADR 035).
export const handle = { english: true }

/** Who received the child's data (the sharing records) and which organisations looked at it (the access log, no staff names). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const ctx = requireFamily(request, context)
  return pageValue(await perform(ctx, listChildShares, { studentId: params.studentId ?? '' }))
}

export default function WhoReceived() {
  const t = useT()
  const { child, shares, viewers } = useLoaderData<typeof loader>()
  return (
    <>
      <section className="card">
        <p>
          <Link to="/ouders">← {t('portal.back')}</Link>
        </p>
        <h1>{t('portal.sharesTitle', { name: child.name })}</h1>
        <p>{t('portal.sharesIntro')}</p>
        {shares.length === 0 ? <p>{t('portal.noShares')}</p> : null}
        {shares.map((s) => (
          <section key={s.id} className="share-card" aria-labelledby={`share-${s.id}`}>
            <h2 id={`share-${s.id}`}>{s.recipient}</h2>
            <dl className="facts">
              <dt>{t('portal.s.purpose')}</dt>
              <dd lang="nl">{s.purpose}</dd>
              <dt>{t('portal.s.basis')}</dt>
              <dd lang="nl">{s.legalBasis}</dd>
              <dt>{t('portal.s.fields')}</dt>
              <dd lang="nl">{s.fields.join(', ')}</dd>
              <dt>{t('portal.s.when')}</dt>
              <dd>{formatDate(s.sharedAt)}</dd>
              <dt>{t('portal.s.until')}</dt>
              <dd>{s.revokedAt ? t('portal.s.revoked', { date: formatDate(s.revokedAt) }) : formatDate(s.expiresAt)}</dd>
            </dl>
          </section>
        ))}
      </section>
      <section className="card" aria-labelledby="viewers-h">
        <h2 id="viewers-h">{t('portal.viewersTitle')}</h2>
        <p className="muted">{t('portal.viewersIntro')}</p>
        {viewers.length === 0 ? (
          <p>{t('portal.noViewers')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('portal.viewersTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('portal.v.organisation')}</th>
                  <th scope="col">{t('portal.v.month')}</th>
                  <th scope="col">{t('portal.v.views')}</th>
                </tr>
              </thead>
              <tbody>
                {viewers.map((v) => (
                  <tr key={`${v.organisation}-${v.month}`}>
                    <td>{v.organisation}</td>
                    <td>{v.month}</td>
                    <td>{v.views}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  )
}
