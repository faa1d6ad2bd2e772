// The parts of the mail package without I/O: templates (escaping), input validation (Dutch
// messages), the backoff schedule, the local transport and the choice of transport from the env.
import { describe, expect, it } from 'vitest'
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from '../src/backoff.ts'
import { validateMail } from '../src/enqueue.ts'
import { localTransport } from '../src/local-transport.ts'
import { DEFAULT_MAIL_WORKER_INTERVAL_MS, DEFAULT_RESEND_API_URL, mailSetupFromEnv, resendApiUrlFromEnv } from '../src/mail-config.ts'
import { escapeHtml, oneLine, parentNotice } from '../src/templates.ts'
import { DEFAULT_LOCK_MS } from '../src/worker.ts'

const MIN = 60_000

describe('templates', () => {
  it('escapeHtml escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
    expect(escapeHtml('gewone tekst')).toBe('gewone tekst')
  })

  const hostile = {
    schoolName: 'OBS <De Branding>',
    guardianName: 'mevrouw "De Vries" & co',
    pupilName: '<script>alert(1)</script>',
    topic: 'Time-out\r\nBcc: iedereen@example.nl',
    paragraphs: ['Regel één\nregel twee <b>vet</b>', "Geen <img src=x onerror='x'>"],
    senderName: 'Henk Mulder',
    senderRole: 'directeur',
  }

  it('parentNotice escapes every value in the HTML part', () => {
    const { html } = parentNotice(hostile)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<De Branding>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('mevrouw &quot;De Vries&quot; &amp; co')
    expect(html).toContain('&lt;img src=x onerror=&#39;x&#39;&gt;')
    // Line breaks inside a paragraph survive as <br>.
    expect(html).toContain('Regel één<br>regel twee &lt;b&gt;vet&lt;/b&gt;')
  })

  it('parentNotice: the text part is the same content, unescaped; the subject is one line without the pupil', () => {
    const { subject, text } = parentNotice(hostile)
    expect(subject).toBe('Time-out Bcc: iedereen@example.nl – OBS <De Branding>')
    expect(subject).not.toMatch(/[\r\n]/)
    expect(subject).not.toContain('alert')
    expect(text).toContain('Beste mevrouw "De Vries" & co,')
    expect(text).toContain('Dit bericht gaat over <script>alert(1)</script>.')
    expect(text).toContain('Met vriendelijke groet,\nHenk Mulder\ndirecteur, OBS <De Branding>')
    expect(validateMail({ stichtingId: crypto.randomUUID(), to: 'ouder@example.nl', ...parentNotice(hostile) }).ok).toBe(true)
  })

  it('oneLine folds control characters and whitespace', () => {
    expect(oneLine('  a\r\n\tb\u0000c  ')).toBe('a b c')
  })
})

describe('validateMail', () => {
  const valid = { stichtingId: crypto.randomUUID(), to: 'ouder@example.nl', subject: 'Onderwerp', text: 'Tekst' }

  it('accepts a complete message and trims the address', () => {
    const result = validateMail({ ...valid, to: '  ouder@example.nl ' })
    expect(result.ok).toBe(true)
    expect(result.ok && result.value.to).toBe('ouder@example.nl')
  })

  it.each([
    [{ to: 'geen-adres' }, 'to', 'Ongeldig e-mailadres'],
    [{ to: 'Jan <jan@example.nl>' }, 'to', 'Ongeldig e-mailadres'],
    [{ to: 'a@b.nl, c@d.nl' }, 'to', 'Ongeldig e-mailadres'],
    [{ to: '' }, 'to', 'Ongeldig e-mailadres'],
    [{ subject: '' }, 'subject', 'Vul een onderwerp in'],
    [{ subject: 'Regel\nBcc: x@y.nl' }, 'subject', 'Het onderwerp moet op één regel staan'],
    [{ text: '' }, 'text', 'Het bericht is leeg'],
    [{ stichtingId: 'kompas' }, 'stichtingId', 'Ongeldige stichting'],
    [{ schoolId: '12' }, 'schoolId', 'Ongeldige school'],
  ])('refuses %j with a Dutch message', (patch, path, message) => {
    const result = validateMail({ ...valid, ...patch })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors).toContainEqual({ path, message })
  })
})

describe('retryDelayMs', () => {
  const middle = () => 0.5

  it('doubles from one minute: 1, 2, 4, 8 … minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, middle))).toEqual([1, 2, 4, 8, 16, 32, 64].map((m) => m * MIN))
  })

  it('is capped at six hours, also for absurd attempt counts', () => {
    expect(retryDelayMs(9, middle)).toBe(256 * MIN)
    expect(retryDelayMs(10, middle)).toBe(RETRY_CAP_MS)
    expect(retryDelayMs(1000, () => 0.9999)).toBe(RETRY_CAP_MS)
    expect(RETRY_CAP_MS).toBe(6 * 60 * MIN)
  })

  it('jitters within ±10 %', () => {
    expect(retryDelayMs(1, () => 0)).toBe(54_000)
    expect(retryDelayMs(1, () => 0.99999)).toBeLessThanOrEqual(66_000)
    expect(retryDelayMs(1, () => 0.99999)).toBeGreaterThan(65_000)
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs(3)
      expect(d).toBeGreaterThanOrEqual(0.9 * 4 * MIN)
      expect(d).toBeLessThanOrEqual(1.1 * 4 * MIN)
    }
  })

  it('doubles from another first wait when given one (MAIL_RETRY_BASE_MS)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, middle, 100))).toEqual([100, 200, 400, 800])
  })

  it('treats 0 or fewer failures as the first', () => {
    expect(retryDelayMs(0, middle)).toBe(MIN)
  })

  it('eight attempts (the default maximum) span about two hours of outage', () => {
    const total = [1, 2, 3, 4, 5, 6, 7].reduce((sum, n) => sum + retryDelayMs(n, middle), 0)
    expect(total).toBe(127 * MIN)
  })
})

describe('localTransport', () => {
  it('records every send and answers with a local provider id', async () => {
    const local = localTransport()
    const m = { id: 'abc', to: 'a@example.nl', subject: 'S', text: 'T', html: null }
    expect(await local.send(m)).toEqual({ kind: 'sent', providerMessageId: 'local-abc' })
    await local.send(m)
    expect(local.messages.map((x) => x.providerMessageId)).toEqual(['local-abc', 'local-abc'])
    local.clear()
    expect(local.messages).toHaveLength(0)
  })

  it('keeps at most `limit` messages', async () => {
    const local = localTransport({ limit: 2 })
    for (const id of ['1', '2', '3']) await local.send({ id, to: 'a@example.nl', subject: 'S', text: 'T', html: null })
    expect(local.messages.map((x) => x.id)).toEqual(['2', '3'])
  })
})

describe('mailSetupFromEnv', () => {
  it('without RESEND_API_KEY: the local transport and the worker', () => {
    const setup = mailSetupFromEnv({})
    expect(setup.transport?.name).toBe('local')
    expect(setup.worker).toEqual({ intervalMs: DEFAULT_MAIL_WORKER_INTERVAL_MS, lockMs: DEFAULT_LOCK_MS, retryBaseMs: RETRY_BASE_MS })
    expect(setup.summary).toContain('nothing leaves this machine')
  })

  it('with RESEND_API_KEY and MAIL_FROM: Resend', () => {
    const setup = mailSetupFromEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'Baken <noreply@school.nl>', MAIL_WORKER_INTERVAL_MS: '5000' })
    expect(setup.transport?.name).toBe('resend')
    expect(setup.worker).toEqual({ intervalMs: 5000, lockMs: DEFAULT_LOCK_MS, retryBaseMs: RETRY_BASE_MS })
    expect(setup.summary).not.toContain('re_x')
  })

  it('RESEND_API_KEY without MAIL_FROM is a configuration error', () => {
    expect(() => mailSetupFromEnv({ RESEND_API_KEY: 're_x' })).toThrow(/MAIL_FROM/)
    expect(() => mailSetupFromEnv({ RESEND_API_KEY: 're_x', MAIL_FROM: 'noreply' })).toThrow(/MAIL_FROM/)
  })

  it('BAKEN_MAIL_WORKER=0: a transport but no worker in the web process', () => {
    const setup = mailSetupFromEnv({ BAKEN_MAIL_WORKER: '0' })
    expect(setup.transport?.name).toBe('local')
    expect(setup.worker).toBeNull()
  })

  it('production mode without RESEND_API_KEY: no transport and no worker, so mail waits instead of being marked sent', () => {
    const setup = mailSetupFromEnv({ BAKEN_MODE: 'production' })
    expect(setup.transport).toBeNull()
    expect(setup.worker).toBeNull()
    expect(mailSetupFromEnv({ BAKEN_MODE: 'production', RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.nl' }).transport?.name).toBe('resend')
  })

  it('RESEND_API_URL: default api.resend.com; an http URL only on this machine in production mode; nothing but a plain URL', () => {
    const env = { RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.nl' }
    expect(resendApiUrlFromEnv({})).toBe(DEFAULT_RESEND_API_URL)
    expect(resendApiUrlFromEnv({ RESEND_API_URL: 'https://mail-proxy.example.nl/resend/' })).toBe('https://mail-proxy.example.nl/resend')
    expect(resendApiUrlFromEnv({ BAKEN_MODE: 'production', RESEND_API_URL: 'http://127.0.0.1:4020' })).toBe('http://127.0.0.1:4020')
    expect(() => mailSetupFromEnv({ ...env, BAKEN_MODE: 'production', RESEND_API_URL: 'http://mail.example.nl' })).toThrow(/https in production/)
    expect(mailSetupFromEnv({ ...env, RESEND_API_URL: 'http://mail.example.nl' }).transport?.name).toBe('resend')
    for (const bad of ['api.resend.com', 'ftp://api.resend.com', 'https://user:pw@api.resend.com', 'https://api.resend.com/?x=1']) {
      expect(() => resendApiUrlFromEnv({ RESEND_API_URL: bad }), bad).toThrow(/RESEND_API_URL/)
    }
  })

  it('refuses a malformed interval', () => {
    expect(() => mailSetupFromEnv({ MAIL_WORKER_INTERVAL_MS: 'vaak' })).toThrow(/MAIL_WORKER_INTERVAL_MS/)
    expect(() => mailSetupFromEnv({ MAIL_WORKER_INTERVAL_MS: '0' })).toThrow(/MAIL_WORKER_INTERVAL_MS/)
  })

  it('the claim, the first retry wait and the request timeout: set by env, malformed ones refused', () => {
    const env = { RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.nl' }
    const setup = mailSetupFromEnv({ ...env, MAIL_WORKER_LOCK_MS: '3000', MAIL_RETRY_BASE_MS: '100', RESEND_TIMEOUT_MS: '500' })
    expect(setup.worker).toEqual({ intervalMs: DEFAULT_MAIL_WORKER_INTERVAL_MS, lockMs: 3000, retryBaseMs: 100 })
    for (const [name, bad] of [['MAIL_WORKER_LOCK_MS', '10 min'], ['MAIL_WORKER_LOCK_MS', '999'], ['MAIL_RETRY_BASE_MS', '-1'], ['RESEND_TIMEOUT_MS', '1.5']] as const) {
      expect(() => mailSetupFromEnv({ ...env, [name]: bad }), `${name}=${bad}`).toThrow(new RegExp(name))
    }
  })

  it('refuses a request timeout longer than a fifth of the claim: a hanging send could outlive it', () => {
    const env = { RESEND_API_KEY: 're_x', MAIL_FROM: 'a@b.nl' }
    expect(() => mailSetupFromEnv({ ...env, MAIL_WORKER_LOCK_MS: '4000', RESEND_TIMEOUT_MS: '1000' })).toThrow(/at most a fifth of MAIL_WORKER_LOCK_MS/)
    expect(mailSetupFromEnv({ ...env, MAIL_WORKER_LOCK_MS: '5000', RESEND_TIMEOUT_MS: '1000' }).worker?.lockMs).toBe(5000)
    // The defaults: 15 s against 10 min.
    expect(mailSetupFromEnv(env).worker?.lockMs).toBe(DEFAULT_LOCK_MS)
  })
})
