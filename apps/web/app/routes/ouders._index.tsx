import { listPortal } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatDate } from '~/lib/format.ts'
import { requireFamily } from '~/lib/portal.server.ts'
import { pageValue, perform } from '~/lib/use-case.server.ts'
import { useT } from '~/root.tsx'

// Every text of this page comes from the dictionaries: it exists in English (ADR 035).
export const handle = { english: true }

/** The portal's start page: per child, what the school released, and the requests filed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireFamily(request, context)
  return { ...pageValue(await perform(ctx, listPortal, {})), userName: ctx.user.name }
}

export default function PortalHome() {
  const t = useT()
  const { children, items, requests, userName } = useLoaderData<typeof loader>()
  return (
    <>
      <section className="card">
        <h1>{t('portal.title')}</h1>
        <p>{t('portal.welcome', { name: userName })}</p>
        <p className="muted">{t('portal.intro')}</p>
      </section>
      {children.length === 0 ? (
        <section className="card">
          <p>{t('portal.noChildren')}</p>
        </section>
      ) : null}
      {children.map((c) => {
        const own = items.filter((i) => i.studentId === c.id)
        const open = own.filter((i) => !i.acknowledgedAt)
        const ownRequests = requests.filter((r) => r.studentId === c.id)
        return (
          <section key={c.id} className="card" aria-labelledby={`child-${c.id}`}>
            <h2 id={`child-${c.id}`}>
              {c.kind === 'leerling' ? t('portal.you') : c.name}
              {c.groupName ? <span className="muted"> · {c.groupName}</span> : null}
            </h2>
            <p className="muted">{c.schoolName}</p>
            <h3>{t('portal.messages')}</h3>
            {own.length === 0 ? <p>{t('portal.noMessages')}</p> : null}
            {open.length > 0 ? <p role="status">{t('portal.waiting', { n: open.length })}</p> : null}
            <ul className="portal-items">
              {own.map((i) => (
                <li key={i.id}>
                  <Link to={`/ouders/berichten/${i.id}`}>
                    <span lang="nl">{i.title}</span>
                    {i.occurredAt ? ` (${formatDate(i.occurredAt)})` : ''}
                  </Link>{' '}
                  · {i.acknowledgedAt ? t('portal.acknowledgedOn', { date: formatDate(i.acknowledgedAt) }) : <strong>{t('portal.toAcknowledge')}</strong>}
                </li>
              ))}
            </ul>
            <h3>{t('portal.yourData')}</h3>
            <ul>
              <li>
                <Link to={`/ouders/gedeeld/${c.id}`}>{t('portal.whoReceived')}</Link>
              </li>
              <li>
                <Link to={`/ouders/verzoek?leerling=${c.id}`}>{t('portal.makeRequest')}</Link>
              </li>
            </ul>
            {ownRequests.length > 0 ? (
              <>
                <h3>{t('portal.requests')}</h3>
                <ul>
                  {ownRequests.map((r) => (
                    <li key={r.id}>
                      {t(`portal.kind.${r.kind as 'inzage'}`)} · {t('portal.receivedOn', { date: formatDate(r.receivedOn) })} ·{' '}
                      {r.status === 'open' ? t('portal.answerBy', { date: formatDate(r.dueOn) }) : t('portal.closed')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        )
      })}
      <section className="card">
        <p>
          <Link to="/account">{t('portal.sessions')}</Link>
        </p>
      </section>
    </>
  )
}
