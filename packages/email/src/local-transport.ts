// Development and tests: nothing leaves the machine. Every send is recorded in memory (the idea of
// epic-stack's tests/mocks/resend.ts: outgoing mail captured where tests can read it), and the outbox
// row itself is marked sent with a 'local-…' provider id, so the message stays readable at /berichten.
import type { MailTransport, OutgoingMessage, SendResult } from './transport.ts'

export interface LocalTransport extends MailTransport {
  readonly name: 'local'
  /** Every send, oldest first; a message sent twice appears twice. */
  readonly messages: readonly (OutgoingMessage & { providerMessageId: string; at: Date })[]
  clear(): void
}

export interface LocalTransportOptions {
  /** Keeps at most this many messages (oldest dropped), so a long-running dev server stays small. */
  limit?: number
}

/** The provider id the local transport gives a message. */
export const localProviderId = (outboxId: string) => `local-${outboxId}`

export function localTransport(options: LocalTransportOptions = {}): LocalTransport {
  const limit = options.limit ?? 1000
  const messages: (OutgoingMessage & { providerMessageId: string; at: Date })[] = []
  return {
    name: 'local',
    messages,
    clear() {
      messages.length = 0
    },
    async send(message: OutgoingMessage): Promise<SendResult> {
      const providerMessageId = localProviderId(message.id)
      messages.push({ ...message, providerMessageId, at: new Date() })
      if (messages.length > limit) messages.splice(0, messages.length - limit)
      return { kind: 'sent', providerMessageId }
    },
  }
}
