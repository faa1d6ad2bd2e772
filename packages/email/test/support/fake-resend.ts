// A stand-in for Resend's HTTP API on 127.0.0.1: the one outside service the mail tests replace
// (STYLE.md: "mock only what lies outside"). It speaks the same protocol as api.resend.com for
// POST /emails — bearer key, JSON body, Idempotency-Key kept for the server's lifetime (Resend: 24 h),
// { id } on success and { statusCode, name, message } on errors — and records every request and every
// delivery, so tests can read what "left the machine" (the idea of epic-stack's tests/mocks/resend.ts).
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: unknown
  /** Date.now() when the request (all of its body) arrived. */
  receivedAt: number
  /** The status answered, 'hang' for a connection held and then cut; unset while still open. */
  answer?: number | 'hang'
  /** Date.now() when the answer was written (or the connection cut). */
  answeredAt?: number
}

export interface Delivery {
  id: string
  idempotencyKey: string | null
  from: string
  to: string[]
  subject: string
  text?: string
  html?: string
}

/** What the server does with the next request(s); default: accept. */
export type Behaviour =
  /** Accepted (the delivery is recorded at once); the answer waits delayMs and for `until`. */
  | { kind: 'accept'; delayMs?: number; until?: Promise<unknown> }
  /** No answer: the connection is held for `ms` and then cut; nothing is delivered. */
  | { kind: 'hang'; ms: number }
  | { kind: 'error'; status: number; name: string; message?: string; headers?: Record<string, string> }
  /** A gateway's HTML error page instead of JSON. */
  | { kind: 'html'; status: number }

export interface FakeResend {
  baseUrl: string
  apiKey: string
  /** Every request, in arrival order (a double send shows up here twice). */
  requests: FakeRequest[]
  /** Every email actually "sent" (at most once per idempotency key). */
  deliveries: Delivery[]
  /** Behaviours for the next requests, used up in order; afterwards `fallback` applies. */
  script: Behaviour[]
  fallback: Behaviour
  /**
   * Behaviours per Idempotency-Key: the nth attempt with a key (not counting those answered from
   * the key's stored answer) gets perKey[n − 1]; past its end, `script` and `fallback` apply.
   */
  perKey: Behaviour[]
  /** Called at once when a delivery is recorded, before any answer is written. */
  onDelivery: ((delivery: Delivery) => void) | null
  /** Requests being answered right now, and the most there were at once. */
  readonly inFlight: number
  readonly maxInFlight: number
  /** The requests that carried Idempotency-Key `key`, in arrival order. */
  requestsWith(key: string): FakeRequest[]
  /** The newest delivery to `address` (case-insensitive), or undefined. */
  lastTo(address: string): Delivery | undefined
  /**
   * Waits until a delivery to `address` arrives that was not there yet when `since` (a count of
   * deliveries, default: all so far) was taken, and returns the newest; rejects after `timeoutMs`.
   * How a test reads the mail a person would open: the web server's worker sends it whenever it runs.
   */
  waitForMailTo(address: string, options?: { since?: number; timeoutMs?: number }): Promise<Delivery>
  /** Forgets requests, deliveries, idempotency keys and the script (between tests). */
  reset(): void
  close(): Promise<void>
}

export async function startFakeResend(options: { apiKey?: string } = {}): Promise<FakeResend> {
  const apiKey = options.apiKey ?? 're_test_fake_key'
  const requests: FakeRequest[] = []
  const deliveries: Delivery[] = []
  // Idempotency keys: in progress (a promise) or done (the stored answer).
  const keys = new Map<string, { done: false } | { done: true; status: number; body: unknown }>()
  const state = {
    script: [] as Behaviour[],
    fallback: { kind: 'accept' } as Behaviour,
    perKey: [] as Behaviour[],
    onDelivery: null as ((delivery: Delivery) => void) | null,
    inFlight: 0,
    maxInFlight: 0,
  }
  // How many attempts per key went to the script so far (for perKey).
  const attempts = new Map<string, number>()

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        let body: unknown = null
        try {
          body = raw ? JSON.parse(raw) : null
        } catch {
          body = raw
        }
        const entry: FakeRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, receivedAt: Date.now() }
        requests.push(entry)
        state.inFlight++
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight)
        const answered = (answer: number | 'hang') => {
          entry.answer = answer
          entry.answeredAt = Date.now()
          state.inFlight--
        }
        const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
          answered(status)
          if (res.destroyed) return
          res.writeHead(status, { 'content-type': 'application/json', ...headers })
          res.end(JSON.stringify(payload))
        }
        const error = (status: number, name: string, message: string, headers: Record<string, string> = {}) =>
          send(status, { statusCode: status, name, message }, headers)

        if (req.method !== 'POST' || req.url !== '/emails') return error(404, 'not_found', 'The requested endpoint does not exist.')
        const auth = req.headers.authorization
        if (!auth) return error(401, 'missing_api_key', 'Missing API key in the authorization header.')
        if (auth !== `Bearer ${apiKey}`) return error(403, 'invalid_api_key', 'API key is invalid.')
        const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
        const to = Array.isArray(b.to) ? b.to : typeof b.to === 'string' ? [b.to] : []
        if (typeof b.from !== 'string' || to.length === 0 || typeof b.subject !== 'string' || (!b.text && !b.html)) {
          return error(422, 'validation_error', 'Missing `from`, `to`, `subject` or content.')
        }

        const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null
        const known = key ? keys.get(key) : undefined
        if (known && !known.done) {
          return error(409, 'concurrent_idempotent_requests', 'Same idempotency key used while original request is still in progress.')
        }
        if (known?.done) return send(known.status, known.body)

        const attempt = key ? (attempts.get(key) ?? 0) + 1 : 0
        if (key) attempts.set(key, attempt)
        const behaviour = (key ? state.perKey[attempt - 1] : undefined) ?? state.script.shift() ?? state.fallback
        if (behaviour.kind === 'html') {
          answered(behaviour.status)
          res.writeHead(behaviour.status, { 'content-type': 'text/html' })
          return res.end('<html><body><h1>Bad gateway</h1></body></html>')
        }
        if (behaviour.kind === 'hang') {
          await new Promise((r) => setTimeout(r, behaviour.ms))
          answered('hang')
          return res.destroy()
        }
        if (behaviour.kind === 'error') {
          // A failed request releases its key (it may be retried with the same key).
          return error(behaviour.status, behaviour.name, behaviour.message ?? behaviour.name, behaviour.headers)
        }
        if (key) keys.set(key, { done: false })
        // Accepted: the email is on its way from this moment, even if the answer comes late.
        const id = randomUUID()
        const delivery: Delivery = {
          id,
          idempotencyKey: key,
          from: b.from,
          to: to.map(String),
          subject: b.subject,
          ...(typeof b.text === 'string' ? { text: b.text } : {}),
          ...(typeof b.html === 'string' ? { html: b.html } : {}),
        }
        deliveries.push(delivery)
        state.onDelivery?.(delivery)
        if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs))
        if (behaviour.until) await behaviour.until
        if (key) keys.set(key, { done: true, status: 200, body: { id } })
        send(200, { id })
      })()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    deliveries,
    get script() {
      return state.script
    },
    set script(value: Behaviour[]) {
      state.script = value
    },
    get fallback() {
      return state.fallback
    },
    set fallback(value: Behaviour) {
      state.fallback = value
    },
    get perKey() {
      return state.perKey
    },
    set perKey(value: Behaviour[]) {
      state.perKey = value
    },
    get onDelivery() {
      return state.onDelivery
    },
    set onDelivery(value: ((delivery: Delivery) => void) | null) {
      state.onDelivery = value
    },
    get inFlight() {
      return state.inFlight
    },
    get maxInFlight() {
      return state.maxInFlight
    },
    requestsWith(key) {
      return requests.filter((r) => r.headers['idempotency-key'] === key)
    },
    lastTo(address) {
      const wanted = address.trim().toLowerCase()
      return deliveries.findLast((d) => d.to.some((t) => t.trim().toLowerCase() === wanted))
    },
    async waitForMailTo(address, { since = deliveries.length, timeoutMs = 30_000 } = {}) {
      const wanted = address.trim().toLowerCase()
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = deliveries.slice(since).findLast((d) => d.to.some((t) => t.trim().toLowerCase() === wanted))
        if (found) return found
        if (Date.now() > deadline) {
          throw new Error(`no mail to ${address} within ${timeoutMs} ms (delivered: ${deliveries.map((d) => d.to.join(',')).join('; ') || 'none'})`)
        }
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    reset() {
      requests.length = 0
      deliveries.length = 0
      keys.clear()
      attempts.clear()
      state.script = []
      state.fallback = { kind: 'accept' }
      state.perKey = []
      state.onDelivery = null
      state.maxInFlight = state.inFlight
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
