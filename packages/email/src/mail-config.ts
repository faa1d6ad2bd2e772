// Which transport and whether the in-process worker runs, from the environment:
//   RESEND_API_KEY           set → mail goes out through Resend; unset → the local transport
//   MAIL_FROM                the sender, required with RESEND_API_KEY ('Baken <noreply@school.nl>')
//   RESEND_API_URL           Resend's API, default https://api.resend.com (the tests point it at a
//                            local stand-in; in production mode only https, or http on this machine)
//   BAKEN_MAIL_WORKER        '0' → the web server does not run the worker (run it elsewhere, or not)
//   MAIL_WORKER_INTERVAL_MS  pause between runs, default 15000
//   MAIL_WORKER_LOCK_MS      how long a worker's claim on a message holds, default 600000 (10 min):
//                            a worker that dies mid-send leaves its messages to the next worker after it
//   MAIL_RETRY_BASE_MS       the first wait after a failed attempt, doubled per failure, default 60000
//   RESEND_TIMEOUT_MS        how long one request to Resend may take, default 15000; at most a fifth
//                            of the lock, so a hanging request cannot outlive the claim
// In production mode without RESEND_API_KEY no worker runs: the local transport would mark mail
// "sent" that never left the machine, so it stays pending (and is sent once a key is set).
import { RETRY_BASE_MS } from './backoff.ts'
import { localTransport } from './local-transport.ts'
import { DEFAULT_RESEND_TIMEOUT_MS, resendTransport } from './resend-transport.ts'
import type { MailTransport } from './transport.ts'
import { DEFAULT_LOCK_MS } from './worker.ts'

export const DEFAULT_MAIL_WORKER_INTERVAL_MS = 15_000
export const DEFAULT_RESEND_API_URL = 'https://api.resend.com'

/** A whole number of milliseconds from `env[name]` (its default when unset), at least `min`. */
function millisecondsFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const text = env[name]?.trim() || String(fallback)
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new Error(`${name} must be a whole number of milliseconds (at least ${min}), not ${text}`)
  }
  return Number(text)
}

/**
 * RESEND_API_URL checked: an absolute http(s) URL without credentials, query or fragment. The API key
 * travels in its Authorization header, so production mode accepts plain http only on this machine.
 */
export function resendApiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const text = env.RESEND_API_URL?.trim() || DEFAULT_RESEND_API_URL
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`RESEND_API_URL must be an absolute URL such as ${DEFAULT_RESEND_API_URL}, not ${text}`)
  }
  if (!['https:', 'http:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new Error(`RESEND_API_URL must be an http(s) URL without credentials, query or fragment, not ${text}`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol === 'http:' && !loopback && (env.BAKEN_MODE ?? 'demo') === 'production') {
    throw new Error(`RESEND_API_URL must use https in production mode (plain http only on this machine), not ${text}`)
  }
  return url.href.replace(/\/+$/, '')
}

export interface MailSetup {
  /** Null when no mail may be sent in this configuration. */
  transport: MailTransport | null
  /** Null when the web server should not run the worker. */
  worker: { intervalMs: number; lockMs: number; retryBaseMs: number } | null
  /** One line for the start-up log. */
  summary: string
}

export function mailSetupFromEnv(env: NodeJS.ProcessEnv = process.env): MailSetup {
  const apiKey = env.RESEND_API_KEY?.trim()
  const intervalMs = millisecondsFromEnv(env, 'MAIL_WORKER_INTERVAL_MS', DEFAULT_MAIL_WORKER_INTERVAL_MS, 10)
  const lockMs = millisecondsFromEnv(env, 'MAIL_WORKER_LOCK_MS', DEFAULT_LOCK_MS, 1000)
  const retryBaseMs = millisecondsFromEnv(env, 'MAIL_RETRY_BASE_MS', RETRY_BASE_MS, 10)
  const timeoutMs = millisecondsFromEnv(env, 'RESEND_TIMEOUT_MS', DEFAULT_RESEND_TIMEOUT_MS, 100)
  const workerOn = env.BAKEN_MAIL_WORKER !== '0'

  let transport: MailTransport | null
  let via: string
  if (apiKey) {
    const from = env.MAIL_FROM?.trim()
    if (!from || !/@/.test(from)) {
      throw new Error('MAIL_FROM must be set when RESEND_API_KEY is set, e.g. MAIL_FROM="Baken <noreply@school.nl>"')
    }
    const baseUrl = resendApiUrlFromEnv(env)
    // The worker stops starting sends when a fifth of its claim is left; one send must fit in it.
    if (timeoutMs * 5 > lockMs) {
      throw new Error(`RESEND_TIMEOUT_MS (${timeoutMs}) must be at most a fifth of MAIL_WORKER_LOCK_MS (${lockMs})`)
    }
    transport = resendTransport({ apiKey, from, baseUrl, timeoutMs })
    via = `Resend${baseUrl === DEFAULT_RESEND_API_URL ? '' : ` at ${baseUrl}`}, from ${from}`
  } else if ((env.BAKEN_MODE ?? 'demo') === 'production') {
    transport = null
    via = 'none: RESEND_API_KEY is not set, so mail stays in the outbox'
  } else {
    transport = localTransport()
    via = 'local transport (nothing leaves this machine; messages at /berichten)'
  }
  const worker = transport && workerOn ? { intervalMs, lockMs, retryBaseMs } : null
  const summary = `Mail: ${via}; ${worker ? `worker every ${intervalMs} ms` : 'no worker in this process'}`
  return { transport, worker, summary }
}
