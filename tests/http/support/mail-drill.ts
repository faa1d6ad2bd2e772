// What the mail drills share: the env that points a server's worker at the local stand-in for
// Resend (short interval and first retry wait, so an outage plays out in seconds), the outbox as the
// owner reads it, an invitation as the real mail a request enqueues, and waiting for a state.
import type postgres from 'postgres'
import type { FakeResend } from '../../../packages/email/test/support/fake-resend.ts'
import type { Client } from './client.ts'

export function resendEnv(resend: FakeResend, env: Record<string, string> = {}): Record<string, string> {
  return {
    RESEND_API_KEY: resend.apiKey,
    RESEND_API_URL: resend.baseUrl,
    MAIL_FROM: 'Baken <noreply@baken.test>',
    MAIL_WORKER_INTERVAL_MS: '100',
    MAIL_RETRY_BASE_MS: '100',
    // The sealer's daily digest would add mail of its own.
    BAKEN_ACCESS_LOG_SEALER: '0',
    ...env,
  }
}

export interface OutboxRow {
  id: string
  to_address: string
  subject: string
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  next_attempt_at: Date
  locked_until: Date | null
  provider_message_id: string | null
  last_error: string | null
}

export function outboxRows(owner: postgres.Sql): Promise<OutboxRow[]> {
  return owner<OutboxRow[]>`select id, to_address, subject, status, attempts, next_attempt_at, locked_until, provider_message_id, last_error
                            from outbox order by created_at, id`
}

/**
 * Polls `probe` until it returns something other than undefined or false; fails after `timeoutMs`
 * with `what` (a function: the state it was waiting on, read at that moment).
 */
export async function until<T>(
  what: string | (() => Promise<string> | string),
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${typeof what === 'string' ? what : await what()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** The id of OBS De Branding, as the stichtingbeheerder of Kompas sees it. */
export async function brandingId(beheer: Client): Promise<string> {
  const schools = (await beheer.get('/api/v1/admin/schools')).json<{ items: { id: string; name: string }[] }>()
  return schools.items.find((s) => s.name === 'OBS De Branding')!.id
}

/** Invites `email` as leerkracht (through the given client's server): one invitation mail in the outbox. */
export async function invite(beheer: Client, email: string, schoolId: string): Promise<void> {
  const res = await beheer.request('POST', '/api/v1/admin/invitations', { json: { email, memberships: [{ role: 'leerkracht', schoolId }] } })
  if (res.status !== 201) throw new Error(`invitation for ${email}: ${res.status} ${res.text.slice(0, 300)}`)
}
