// What the worker hands a transport, and what a transport answers. A transport never touches the
// database: the worker decides what an answer means for the outbox row.

/** One claimed outbox row, ready to go. `id` is the outbox id, used as the idempotency key. */
export interface OutgoingMessage {
  id: string
  to: string
  subject: string
  text: string
  html: string | null
}

export type SendResult =
  /** Accepted by the provider; `providerMessageId` is stored on the row. */
  | { kind: 'sent'; providerMessageId: string }
  /** Worth trying again later (rate limit, provider down, timeout, network). */
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  /** Refused for good (bad address, bad request): trying again would not help. */
  | { kind: 'failed'; error: string }

export interface MailTransport {
  /** 'local' or 'resend', for logs and the start-up line. */
  readonly name: string
  send(message: OutgoingMessage): Promise<SendResult>
}
