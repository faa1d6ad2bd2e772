// Login rate limiting per account and per IP, on a server of its own (the counters are shared state).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())

describe('login rate limiting', () => {
  it('locks an account after 5 failures, even for the right password, without touching others', async () => {
    const c = new Client(server.baseUrl)
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/login', { email: 'docent@vakcollege.demo', password: `fout-${i}` })).status).toBe(401)
    }
    const locked = await c.post('/login', { email: 'docent@vakcollege.demo', password: DEMO_PASSWORD })
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('900')
    expect(locked.text).toContain('Te veel mislukte pogingen')
    expect(locked.headers.getSetCookie().some((x) => /^baken_session=[a-z2-7]+/.test(x))).toBe(false)
    // Another account from the same address still logs in (6 failures < 20 per IP).
    expect((await new Client(server.baseUrl).post('/login', { email: 'directeur@vakcollege.demo', password: DEMO_PASSWORD })).status).toBe(302)
  })

  it('limits one address to 20 failures across accounts', async () => {
    const c = new Client(server.baseUrl)
    // 5 failures were recorded by the previous test; 15 more over different accounts reach 20.
    for (let i = 0; i < 15; i++) {
      const res = await c.post('/login', { email: `onbekend${i}@nergens.demo`, password: 'fout' })
      expect(res.status).toBe(401)
    }
    const blocked = await c.post('/login', { email: 'platform@baken.demo', password: DEMO_PASSWORD })
    expect(blocked.status).toBe(429)
  })
})

describe('parallel guesses', () => {
  it('cannot slip past the per-account limit by arriving at once', async () => {
    const s = await startServer()
    try {
      const attempts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          new Client(s.baseUrl).post('/login', { email: 'mentor@lyceum.demo', password: `fout-${i}` }),
        ),
      )
      const refused = attempts.filter((r) => r.status === 401).length
      expect(refused).toBe(5)
      expect(attempts.filter((r) => r.status === 429)).toHaveLength(7)
    } finally {
      await s.stop()
    }
  })
})
