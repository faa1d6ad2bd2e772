// Login throttling over real HTTP (ADR 014): per account and address pair with backoff, never a
// lock of the account; distinct accounts per address; accounts under a distributed attack; a
// site-wide spray detector; the client address taken only from the proxy hops TRUST_PROXY names.
// Servers of their own (the counters are shared state), behind a pretend proxy: with TRUST_PROXY=1
// the last X-Forwarded-For entry is the client address. Where a backoff window has to elapse, it
// starts at 2 s (LOGIN_BACKOFF_BASE_SECONDS) and the test waits for the state (the next attempt is
// no longer refused), not for a fixed time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD, type Reply } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

/** A login attempt as the proxy forwards it: `from` is the address the proxy saw, `spoof` what the client wrote before it. */
function attempt(s: RunningServer, email: string, password: string, from: string, spoof?: string): Promise<Reply> {
  return new Client(s.baseUrl).request('POST', '/login', {
    form: { email, password },
    headers: { 'x-forwarded-for': spoof ? `${spoof}, ${from}` : from },
  })
}

const retryAfter = (r: Reply) => Number(r.headers.get('retry-after'))
const signedIn = (r: Reply) => r.status === 302 && r.headers.getSetCookie().some((x) => /^baken_session=[a-z2-7]+/.test(x))

/** Repeats a wrong guess until it is no longer refused (the backoff window has passed); returns that reply. */
async function guessOnceAllowed(s: RunningServer, email: string, from: string): Promise<Reply> {
  const deadline = Date.now() + 45_000
  for (;;) {
    const res = await attempt(s, email, 'nog-een-gok', from)
    if (res.status !== 429 || Date.now() > deadline) return res
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe('backoff per account and address pair', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: '1', LOGIN_BACKOFF_BASE_SECONDS: '2' })
  })
  afterAll(() => server?.stop())

  it('slows the attacker’s address on an account with growing Retry-After, while the owner elsewhere gets in', async () => {
    const email = 'directeur@vakcollege.demo'
    const attacker = '203.0.113.20'
    for (let i = 0; i < 5; i++) expect((await attempt(server, email, `fout-${i}`, attacker)).status).toBe(401)
    // Refused without looking at the password, so the right one says nothing either.
    const first = await attempt(server, email, DEMO_PASSWORD, attacker)
    expect(first.status).toBe(429)
    expect(first.text).toContain('Te veel mislukte pogingen')
    expect(signedIn(first)).toBe(false)
    // The owner, at school or at home, is another address: in at once.
    expect(signedIn(await attempt(server, email, DEMO_PASSWORD, '198.51.100.30'))).toBe(true)

    const waits = [retryAfter(first)]
    for (let step = 0; step < 2; step++) {
      expect((await guessOnceAllowed(server, email, attacker)).status).toBe(401)
      const refused = await attempt(server, email, 'direct-erachter', attacker)
      expect(refused.status).toBe(429)
      waits.push(retryAfter(refused))
    }
    expect(waits[0]).toBeGreaterThanOrEqual(1)
    expect(waits[1]).toBeGreaterThan(waits[0]!)
    expect(waits[2]).toBeGreaterThan(waits[1]!)
  })
})

describe('behind one proxy (TRUST_PROXY=1)', () => {
  let server: RunningServer
  beforeAll(async () => {
    // The spray detector is out of the way here (its own server below).
    server = await startServer({ TRUST_PROXY: '1', LOGIN_SPRAY_FAILURES: '1000' })
  })
  afterAll(() => server?.stop())

  it('a spoofed X-Forwarded-For does not escape the per-address limit: only the entry our proxy added counts', async () => {
    const attacker = '203.0.113.10'
    // One guess each on 30 accounts, each attempt claiming another address further left.
    for (let i = 0; i < 30; i++) {
      const res = await attempt(server, `gok${i}@nergens.demo`, 'Welkom2026!', attacker, `198.18.${i}.${i + 1}`)
      expect(res.status).toBe(401)
    }
    const blocked = await attempt(server, 'gok30@nergens.demo', 'Welkom2026!', attacker, '198.18.200.1')
    expect(blocked.status).toBe(429)
    expect(retryAfter(blocked)).toBeGreaterThanOrEqual(1)
    // Another client behind the same proxy is another address.
    expect(signedIn(await attempt(server, 'docent@vakcollege.demo', DEMO_PASSWORD, '198.51.100.31', attacker))).toBe(true)
  })

  it('one school address whose staff each mistype once or twice is not locked out', async () => {
    const school = '192.0.2.50'
    // 25 people, every fifth mistyping twice: 30 failures, more than the 20 that used to lock an address.
    for (let i = 0; i < 25; i++) {
      for (let k = 0; k < (i % 5 === 0 ? 2 : 1); k++) {
        expect((await attempt(server, `medewerker${i}@school.demo`, `typfout-${k}`, school)).status).toBe(401)
      }
    }
    expect(signedIn(await attempt(server, 'mentor@lyceum.demo', DEMO_PASSWORD, school))).toBe(true)
    // And someone who mistypes logs in right after.
    expect((await attempt(server, 'leerkracht@branding.demo', 'typfout', school)).status).toBe(401)
    expect(signedIn(await attempt(server, 'leerkracht@branding.demo', DEMO_PASSWORD, school))).toBe(true)
  })

  it('an account guessed from many addresses: those addresses wait, a fresh address with the right password gets in', async () => {
    const email = 'ib@branding.demo'
    const bots = Array.from({ length: 20 }, (_, i) => `203.0.113.${100 + i}`)
    for (const bot of bots) expect((await attempt(server, email, `Zomer${bot.slice(-3)}!`, bot)).status).toBe(401)
    // A bot's second guess now waits (it would have had 5 before the account drew attention) …
    const again = await attempt(server, email, 'Winter2026!', bots[0]!)
    expect(again.status).toBe(429)
    expect(retryAfter(again)).toBeGreaterThanOrEqual(1)
    // … even with the right password; but the owner from an address that did not fail gets in.
    expect((await attempt(server, email, DEMO_PASSWORD, bots[1]!)).status).toBe(429)
    expect(signedIn(await attempt(server, email, DEMO_PASSWORD, '198.51.100.40'))).toBe(true)
    // A fresh address with a wrong password is still judged (401), never refused for the account's sake.
    expect((await attempt(server, email, 'Herfst2026!', '198.51.100.41')).status).toBe(401)
  })
})

describe('a password spray across the site', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: '1', LOGIN_SPRAY_FAILURES: '20' })
  })
  afterAll(() => server?.stop())

  const warnings = () => server.output().split('\n').filter((l) => l.includes('failed logins site-wide'))

  it('lowers the per-address threshold and warns once per window; a clean address still gets in', async () => {
    // Before the spray an address may fail on 6 accounts without being refused.
    for (let i = 0; i < 6; i++) expect((await attempt(server, `voor${i}@nergens.demo`, 'Welkom2026!', '203.0.113.200')).status).toBe(401)
    expect(warnings()).toHaveLength(0)
    // 14 more addresses, one account each: 20 failures site-wide within the window.
    for (let i = 0; i < 14; i++) expect((await attempt(server, `spray${i}@nergens.demo`, 'Welkom2026!', `203.0.114.${i + 1}`)).status).toBe(401)

    const spreader = '198.51.100.60'
    for (let i = 0; i < 5; i++) expect((await attempt(server, `tijdens${i}@nergens.demo`, 'Welkom2026!', spreader)).status).toBe(401)
    const refused = await attempt(server, 'tijdens5@nergens.demo', 'Welkom2026!', spreader)
    expect(refused.status).toBe(429)
    expect((await attempt(server, 'voor6@nergens.demo', 'Welkom2026!', '203.0.113.200')).status).toBe(429)
    // The owner of an account, from an address that has not failed, is not slowed by the spray.
    expect(signedIn(await attempt(server, 'directeur@branding.demo', DEMO_PASSWORD, '198.51.100.61'))).toBe(true)

    // The warning: once (the server's stdout may lag behind the responses).
    const deadline = Date.now() + 10_000
    while (warnings().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(warnings()).toHaveLength(1)
    expect(warnings()[0]).not.toMatch(/@|\d+\.\d+\.\d+\.\d+/)
  })
})

describe('without a trusted proxy (TRUST_PROXY unset)', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer()
  })
  afterAll(() => server?.stop())

  it('X-Forwarded-For is ignored: the connection’s address is the client', async () => {
    const email = 'docent@vakcollege.demo'
    for (let i = 0; i < 5; i++) expect((await attempt(server, email, `fout-${i}`, `198.18.0.${i + 1}`)).status).toBe(401)
    expect((await attempt(server, email, DEMO_PASSWORD, '198.18.1.1')).status).toBe(429)
  })

  it('parallel guesses cannot slip past the per-pair limit by arriving at once', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => new Client(server.baseUrl).post('/login', { email: 'mentor@lyceum.demo', password: `fout-${i}` })),
    )
    expect(attempts.filter((r) => r.status === 401)).toHaveLength(5)
    expect(attempts.filter((r) => r.status === 429)).toHaveLength(7)
  })
})

/** Starts a server that should refuse to start; one that does start is stopped again. */
async function startRefused(env: Record<string, string>): Promise<void> {
  const s = await startServer(env)
  await s.stop()
  throw new Error('the server started')
}

describe('TRUST_PROXY as proxy addresses', () => {
  it('trusts the hops from those addresses only and takes the first address before them', async () => {
    const s = await startServer({ TRUST_PROXY: 'loopback, 10.0.0.0/8' })
    try {
      const email = 'directeur@horizon.demo'
      // client → 10.1.2.3 (an inner proxy) → loopback: the client is the entry before 10.1.2.3.
      for (let i = 0; i < 5; i++) expect((await attempt(s, email, `fout-${i}`, '10.1.2.3', `198.18.9.${i}, 203.0.113.77`)).status).toBe(401)
      expect((await attempt(s, email, DEMO_PASSWORD, '10.1.2.3', '198.18.9.99, 203.0.113.77')).status).toBe(429)
      expect(signedIn(await attempt(s, email, DEMO_PASSWORD, '10.1.2.3', '203.0.113.78'))).toBe(true)
    } finally {
      await s.stop()
    }
  })

  it.each([
    ['true', 'TRUST_PROXY=true would trust every hop'],
    ['yes', 'TRUST_PROXY must be a number of proxy hops'],
  ])('refuses TRUST_PROXY=%s at start', async (value, message) => {
    await expect(startRefused({ TRUST_PROXY: value })).rejects.toThrow(message)
  })

  it('refuses a backoff setting that is not a whole number at start', async () => {
    await expect(startRefused({ LOGIN_BACKOFF_BASE_SECONDS: 'kwartier' })).rejects.toThrow('LOGIN_BACKOFF_BASE_SECONDS must be a whole number')
  })
})
