// The Resend transport against a local server that speaks Resend's API (test/support/fake-resend.ts):
// what it sends, and how every kind of answer maps to sent / retry / failed.
import { createServer } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { mailSetupFromEnv } from '../src/mail-config.ts'
import { interpretResendResponse, parseRetryAfter, resendTransport } from '../src/resend-transport.ts'
import type { OutgoingMessage } from '../src/transport.ts'
import { type FakeResend, startFakeResend } from './support/fake-resend.ts'

const message = (id = '6f1c1c1e-7a43-4a57-9d0c-1d2f3a4b5c6d'): OutgoingMessage => ({
  id,
  to: 'ouder@example.nl',
  subject: 'Time-out – OBS De Branding',
  text: 'Beste ouder,\n\nTekst.',
  html: '<p>Beste ouder,</p>',
})

describe('interpretResendResponse', () => {
  it.each([
    [200, { id: 'abc' }, { kind: 'sent', providerMessageId: 'abc' }],
    [202, { id: 'def' }, { kind: 'sent', providerMessageId: 'def' }],
    // Accepted without an id: recorded as sent, never sent again.
    [200, null, { kind: 'sent', providerMessageId: 'resend-unknown' }],
  ])('%i %j → sent', (status, body, expected) => {
    expect(interpretResendResponse(status, body)).toEqual(expected)
  })

  it.each([
    [429, 'rate_limit_exceeded'],
    [429, 'daily_quota_exceeded'],
    [500, 'internal_server_error'],
    [502, undefined],
    [503, undefined],
    [504, undefined],
    [409, 'concurrent_idempotent_requests'],
  ])('%i %s → retry later', (status, name) => {
    const result = interpretResendResponse(status, name ? { statusCode: status, name, message: 'x' } : null)
    expect(result.kind).toBe('retry')
    expect((result as { error: string }).error).toContain(String(status))
  })

  it.each([
    [400, 'validation_error'],
    [400, 'invalid_idempotency_key'],
    [401, 'missing_api_key'],
    [403, 'invalid_api_key'],
    [404, 'not_found'],
    [409, 'invalid_idempotent_request'],
    [422, 'validation_error'],
  ])('%i %s → failed for good', (status, name) => {
    const result = interpretResendResponse(status, { statusCode: status, name, message: 'Uitleg' })
    expect(result).toEqual({ kind: 'failed', error: `Resend ${status} ${name}: Uitleg` })
  })

  it('passes Retry-After on as milliseconds', () => {
    expect(interpretResendResponse(429, { name: 'rate_limit_exceeded' }, '7')).toMatchObject({ kind: 'retry', retryAfterMs: 7000 })
    expect(parseRetryAfter(null)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
    const now = Date.parse('2026-11-20T10:00:00Z')
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:01:00 GMT', now)).toBe(60_000)
  })

  it('keeps stored errors short', () => {
    const result = interpretResendResponse(422, { name: 'validation_error', message: 'x'.repeat(5000) })
    expect((result as { error: string }).error.length).toBeLessThanOrEqual(500)
  })
})

describe('resendTransport against a local Resend', () => {
  let resend: FakeResend
  const transport = (extra: Partial<Parameters<typeof resendTransport>[0]> = {}) =>
    resendTransport({ apiKey: resend.apiKey, from: 'Baken <noreply@baken.test>', baseUrl: resend.baseUrl, ...extra })

  beforeAll(async () => {
    resend = await startFakeResend()
  })
  afterAll(() => resend.close())
  beforeEach(() => resend.reset())

  it('POSTs /emails with the key, the JSON message and the outbox id as Idempotency-Key; 200 → sent with its id', async () => {
    const result = await transport().send(message())
    expect(resend.requests).toHaveLength(1)
    const [req] = resend.requests
    expect(req).toMatchObject({ method: 'POST', path: '/emails' })
    expect(req!.headers.authorization).toBe(`Bearer ${resend.apiKey}`)
    expect(req!.headers['content-type']).toBe('application/json')
    expect(req!.headers['idempotency-key']).toBe(message().id)
    expect(req!.body).toEqual({
      from: 'Baken <noreply@baken.test>',
      to: ['ouder@example.nl'],
      subject: 'Time-out – OBS De Branding',
      text: 'Beste ouder,\n\nTekst.',
      html: '<p>Beste ouder,</p>',
    })
    expect(result).toEqual({ kind: 'sent', providerMessageId: resend.deliveries[0]!.id })
  })

  it('leaves html out when the message has none', async () => {
    await transport().send({ ...message(), html: null })
    expect(resend.requests[0]!.body).not.toHaveProperty('html')
  })

  it('a trailing slash on the base URL is fine', async () => {
    const result = await transport({ baseUrl: `${resend.baseUrl}/` }).send(message())
    expect(result.kind).toBe('sent')
  })

  it('429 with Retry-After → retry after that long; 503 and an HTML 502 → retry', async () => {
    resend.script = [
      { kind: 'error', status: 429, name: 'rate_limit_exceeded', headers: { 'retry-after': '2' } },
      { kind: 'error', status: 503, name: 'service_unavailable' },
      { kind: 'html', status: 502 },
    ]
    expect(await transport().send(message())).toEqual({ kind: 'retry', error: 'Resend 429 rate_limit_exceeded: rate_limit_exceeded', retryAfterMs: 2000 })
    expect(await transport().send(message())).toMatchObject({ kind: 'retry', error: expect.stringContaining('503') })
    expect(await transport().send(message())).toEqual({ kind: 'retry', error: 'Resend 502' })
    expect(resend.deliveries).toHaveLength(0)
  })

  it('a wrong key (403) and a refused message (422) → failed', async () => {
    expect(await resendTransport({ apiKey: 're_wrong', from: 'a@b.nl', baseUrl: resend.baseUrl }).send(message())).toEqual({
      kind: 'failed',
      error: 'Resend 403 invalid_api_key: API key is invalid.',
    })
    resend.script = [{ kind: 'error', status: 422, name: 'validation_error', message: 'Invalid `to` field.' }]
    expect(await transport().send(message())).toEqual({ kind: 'failed', error: 'Resend 422 validation_error: Invalid `to` field.' })
  })

  it('nobody listening → retry', async () => {
    // A port that was free a moment ago: connection refused.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer()
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port
        srv.close(() => resolve(p))
      })
    })
    const result = await transport({ baseUrl: `http://127.0.0.1:${port}` }).send(message())
    expect(result).toMatchObject({ kind: 'retry', error: expect.stringMatching(/^Resend onbereikbaar: /) })
  })

  it('a time-out is retried with the same Idempotency-Key, and the message is delivered once', async () => {
    // Resend accepts the message but answers after the transport gave up.
    resend.script = [{ kind: 'accept', delayMs: 400 }]
    const first = await transport({ timeoutMs: 100 }).send(message())
    expect(first).toEqual({ kind: 'retry', error: 'Resend onbereikbaar: time-out' })
    // While the first request is still running, Resend says so (409): retry later.
    const second = await transport().send(message())
    expect(second).toMatchObject({ kind: 'retry', error: expect.stringContaining('concurrent_idempotent_requests') })
    await new Promise((r) => setTimeout(r, 500))
    const third = await transport().send(message())
    expect(resend.deliveries).toHaveLength(1)
    expect(third).toEqual({ kind: 'sent', providerMessageId: resend.deliveries[0]!.id })
    expect(resend.requests.map((r) => r.headers['idempotency-key'])).toEqual([message().id, message().id, message().id])
  })

  it('RESEND_API_URL points the configured transport at it (production mode, loopback http); the mailbox reads the last mail to an address', async () => {
    const setup = mailSetupFromEnv({
      BAKEN_MODE: 'production',
      RESEND_API_KEY: resend.apiKey,
      MAIL_FROM: 'Baken <noreply@baken.test>',
      RESEND_API_URL: `${resend.baseUrl}/`,
    })
    expect(setup.summary).toContain(`Resend at ${resend.baseUrl}`)
    const waiting = resend.waitForMailTo('Ouder@Example.nl', { timeoutMs: 5000 })
    expect(await setup.transport!.send(message('0b4c9a52-0d6e-4d0b-9b36-5b1d1e2f3a4b'))).toMatchObject({ kind: 'sent' })
    expect((await waiting).idempotencyKey).toBe('0b4c9a52-0d6e-4d0b-9b36-5b1d1e2f3a4b')
    const since = resend.deliveries.length
    expect(await setup.transport!.send({ ...message('9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d'), subject: 'Tweede' })).toMatchObject({ kind: 'sent' })
    expect(await resend.waitForMailTo('ouder@example.nl', { since, timeoutMs: 5000 })).toMatchObject({ subject: 'Tweede' })
    expect(resend.lastTo('ouder@example.nl')).toMatchObject({ subject: 'Tweede', idempotencyKey: '9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d' })
    expect(resend.lastTo('iemand@example.nl')).toBeUndefined()
    await expect(resend.waitForMailTo('iemand@example.nl', { timeoutMs: 200 })).rejects.toThrow(/no mail to iemand@example.nl/)
  })
})
