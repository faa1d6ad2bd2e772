// Resend's HTTP API (POST /emails) through fetch: one request per message, no SDK needed.
// The outbox id is sent as the Idempotency-Key, so a retry after a timeout (the request may have
// arrived) returns the first answer instead of sending again; Resend keeps keys for 24 hours.
import type { MailTransport, OutgoingMessage, SendResult } from './transport.ts'

export interface ResendTransportOptions {
  apiKey: string
  /** The sender, e.g. 'Baken <noreply@school.nl>' (a domain verified at Resend). */
  from: string
  baseUrl?: string
  fetch?: typeof globalThis.fetch
  /** Per request; well below the worker's lock, so a hanging request cannot outlive the claim. */
  timeoutMs?: number
}

const MAX_ERROR = 500
/** RESEND_TIMEOUT_MS's default. */
export const DEFAULT_RESEND_TIMEOUT_MS = 15_000

export function resendTransport(options: ResendTransportOptions): MailTransport {
  const baseUrl = (options.baseUrl ?? 'https://api.resend.com').replace(/\/+$/, '')
  const doFetch = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? DEFAULT_RESEND_TIMEOUT_MS
  return {
    name: 'resend',
    async send(message: OutgoingMessage): Promise<SendResult> {
      let response: Response
      try {
        response = await doFetch(`${baseUrl}/emails`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': message.id,
          },
          body: JSON.stringify({
            from: options.from,
            to: [message.to],
            subject: message.subject,
            text: message.text,
            ...(message.html ? { html: message.html } : {}),
          }),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (error) {
        // Timeout or network: the request may or may not have arrived; the idempotency key makes
        // the retry safe either way.
        return { kind: 'retry', error: cut(`Resend onbereikbaar: ${describeError(error)}`) }
      }
      let body: unknown = null
      try {
        body = await response.json()
      } catch {
        // An error page or an empty body: the status decides.
      }
      return interpretResendResponse(response.status, body, response.headers.get('retry-after'))
    },
  }
}

/**
 * Resend's answer → what the worker does with the message.
 * 2xx: sent (its id is stored). 429 and 5xx: try again later. 409 concurrent_idempotent_requests
 * (the first request with this key is still running): try again later. Any other 4xx: the request
 * itself is wrong (address, sender, key), so a retry would fail the same way.
 */
export function interpretResendResponse(status: number, body: unknown, retryAfter: string | null = null): SendResult {
  const b = (body && typeof body === 'object' ? body : {}) as { id?: unknown; name?: unknown; message?: unknown }
  if (status >= 200 && status < 300) {
    if (typeof b.id === 'string' && b.id.length > 0) return { kind: 'sent', providerMessageId: b.id }
    // Accepted without an id: it was (probably) sent; record that rather than send it again.
    return { kind: 'sent', providerMessageId: 'resend-unknown' }
  }
  const detail = cut(
    `Resend ${status}${typeof b.name === 'string' ? ` ${b.name}` : ''}${typeof b.message === 'string' ? `: ${b.message}` : ''}`,
  )
  if (status === 429 || status >= 500 || (status === 409 && b.name === 'concurrent_idempotent_requests')) {
    const retryAfterMs = parseRetryAfter(retryAfter)
    return retryAfterMs === undefined ? { kind: 'retry', error: detail } : { kind: 'retry', error: detail, retryAfterMs }
  }
  return { kind: 'failed', error: detail }
}

/** Retry-After as seconds or an HTTP date → milliseconds from now (undefined when absent or bad). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'time-out'
    const cause = (error as { cause?: unknown }).cause
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
  }
  return String(error)
}

function cut(text: string): string {
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text
}
