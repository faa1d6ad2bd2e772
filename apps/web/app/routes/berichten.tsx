import { readOutbox } from '@baken/domain'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireContext } from '~/lib/context.server.ts'
import { pageValue, perform, requireUseCase } from '~/lib/use-case.server.ts'
import { formatDateTime } from '~/lib/format.ts'
import { useRootData } from '~/root.tsx'

/**
 * /berichten — the e-mail Baken sent or still has to send for the caller's school or stichting
 * (the outbox). RLS decides the rows: the directeur sees the school's, the
 * stichtingbeheerder and the bestuurder the stichting's; other roles get 403 (CASL 'Mail').
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const ctx = requireContext(request, context)
  requireUseCase(ctx, readOutbox)
  const bericht = new URL(request.url).searchParams.get('bericht') || undefined
  const { messages, selected } = pageValue(await perform(ctx, readOutbox, { bericht }))
  return { messages, selected, wholeStichting: ctx.membership.schoolId === null }
}

const dictionary = {
  nl: {
    title: 'Berichten',
    intro: 'E-mail die Baken heeft verstuurd of nog moet versturen, nieuwste eerst. Mislukt het verzenden, dan probeert Baken het later opnieuw.',
    none: 'Er zijn nog geen berichten.',
    created: 'Aangemaakt',
    school: 'School',
    stichting: 'hele stichting',
    to: 'Aan',
    subject: 'Onderwerp',
    status: 'Status',
    attempts: 'Pogingen',
    sentAt: 'Verzonden op',
    nextAttempt: 'Volgende poging',
    providerId: 'Kenmerk verzending',
    lastError: 'Laatste fout',
    statuses: { pending: 'in de wachtrij', sent: 'verzonden', failed: 'mislukt' },
    local: 'lokaal bewaard, niet echt verstuurd (geen Resend-sleutel ingesteld)',
    body: 'Tekst van het bericht',
    bodyHidden: 'De inhoud van berichten kan gegevens over leerlingen bevatten en is alleen zichtbaar voor de directeur en het bestuur.',
    close: 'Sluiten',
    messages: 'Alle berichten',
  },
  en: {
    title: 'Messages',
    intro: 'E-mail Baken sent or still has to send, newest first. When sending fails, Baken tries again later.',
    none: 'No messages yet.',
    created: 'Created',
    school: 'School',
    stichting: 'whole foundation',
    to: 'To',
    subject: 'Subject',
    status: 'Status',
    attempts: 'Attempts',
    sentAt: 'Sent at',
    nextAttempt: 'Next attempt',
    providerId: 'Delivery reference',
    lastError: 'Last error',
    statuses: { pending: 'queued', sent: 'sent', failed: 'failed' },
    local: 'kept locally, not really sent (no Resend key set)',
    body: 'Message text',
    bodyHidden: 'Message content may hold data about pupils and is visible only to the head of school and the board.',
    close: 'Close',
    messages: 'All messages',
  },
} as const

type Dictionary = (typeof dictionary)['nl' | 'en']

const isLocal = (providerId: string | null) => providerId?.startsWith('local-') ?? false

function StatusBadge({ status, t }: { status: keyof Dictionary['statuses']; t: Dictionary }) {
  return <span className={`badge mail-status-${status}`}>{t.statuses[status]}</span>
}

export default function Messages() {
  const lang = useRootData()?.lang ?? 'nl'
  const t: Dictionary = dictionary[lang]
  const { messages, selected, wholeStichting } = useLoaderData<typeof loader>()
  return (
    <section>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>

      {selected ? (
        <article className="card" aria-labelledby="bericht-onderwerp" data-outbox-id={selected.id} data-status={selected.status}>
          <h2 id="bericht-onderwerp">{selected.subject}</h2>
          <dl className="facts">
            <dt>{t.to}</dt>
            <dd>{selected.toAddress}</dd>
            {wholeStichting ? (
              <>
                <dt>{t.school}</dt>
                <dd>{selected.schoolName ?? t.stichting}</dd>
              </>
            ) : null}
            <dt>{t.status}</dt>
            <dd>
              <StatusBadge status={selected.status} t={t} />
              {selected.status === 'sent' && isLocal(selected.providerMessageId) ? <span className="muted"> — {t.local}</span> : null}
            </dd>
            <dt>{t.attempts}</dt>
            <dd>{selected.attempts}</dd>
            <dt>{t.created}</dt>
            <dd>{formatDateTime(selected.createdAt)}</dd>
            {selected.sentAt ? (
              <>
                <dt>{t.sentAt}</dt>
                <dd>{formatDateTime(selected.sentAt)}</dd>
              </>
            ) : null}
            {selected.status === 'pending' ? (
              <>
                <dt>{t.nextAttempt}</dt>
                <dd>{formatDateTime(selected.nextAttemptAt)}</dd>
              </>
            ) : null}
            {selected.providerMessageId ? (
              <>
                <dt>{t.providerId}</dt>
                <dd>{selected.providerMessageId}</dd>
              </>
            ) : null}
            {selected.lastError ? (
              <>
                <dt>{t.lastError}</dt>
                <dd className="error">{selected.lastError}</dd>
              </>
            ) : null}
          </dl>
          <h3>{t.body}</h3>
          {selected.text === null ? <p className="muted">{t.bodyHidden}</p> : <div className="prewrap mail-text">{selected.text}</div>}
          <p>
            <Link to="/berichten">{t.close}</Link>
          </p>
        </article>
      ) : null}

      <h2 className={selected ? undefined : 'sr-only'}>{t.messages}</h2>
      {messages.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table className="table-responsive">
          <thead>
            <tr>
              <th scope="col">{t.created}</th>
              {wholeStichting ? <th scope="col">{t.school}</th> : null}
              <th scope="col">{t.to}</th>
              <th scope="col">{t.subject}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.attempts}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} data-outbox-id={m.id} data-status={m.status} aria-current={selected?.id === m.id ? 'true' : undefined}>
                <td data-label={t.created}>{formatDateTime(m.createdAt)}</td>
                {wholeStichting ? <td data-label={t.school}>{m.schoolName ?? t.stichting}</td> : null}
                <td data-label={t.to}>{m.toAddress}</td>
                <td data-label={t.subject}>
                  <Link to={`/berichten?bericht=${m.id}`}>{m.subject}</Link>
                </td>
                <td data-label={t.status}>
                  <StatusBadge status={m.status} t={t} />
                  {m.lastError && m.status !== 'sent' ? <div className="muted">{m.lastError}</div> : null}
                </td>
                <td data-label={t.attempts}>{m.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
