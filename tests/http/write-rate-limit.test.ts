// The per-user write limit, on a server of its own with a small bucket: a burst of writes goes
// through, the next is refused with 429 and Retry-After and creates nothing, reading still works,
// and another user of the same school is not affected. The limit per personal API token holds for
// every request the token makes. Both buckets are rows in the database (rate_limit_take), so a
// second server on the same database would count the same ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

const BURST = 3
const TOKEN_BURST = 5
let server: RunningServer
const as: Record<string, Client> = {}
const TEACHER = 'leerkracht@branding.demo'
const OTHER = 'leerkracht2@branding.demo'
let pupil: string

// One token a minute: the burst is spent long before a second token could come.
beforeAll(async () => {
  server = await startServer({
    BAKEN_WRITE_LIMIT_PER_MINUTE: '1',
    BAKEN_WRITE_LIMIT_BURST: String(BURST),
    BAKEN_TOKEN_LIMIT_PER_MINUTE: '1',
    BAKEN_TOKEN_LIMIT_BURST: String(TOKEN_BURST),
  })
  for (const email of [TEACHER, OTHER]) {
    as[email] = new Client(server.baseUrl)
    await as[email].login(email)
  }
  pupil = (await as[TEACHER]!.get('/api/v1/students?pageSize=1')).json().items[0].id
})
afterAll(() => server?.stop())

const draft = (c: Client) =>
  c.request('POST', '/api/v1/incidents', {
    json: {
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      voorval: [1],
      situation: 'Schelden in de gang.',
      persons: [{ role: 'dader', kind: 'leerling', studentId: pupil }],
    },
  })
const total = async (c: Client) => (await c.get('/api/v1/incidents?pageSize=1&status=draft')).json().total as number

describe('write rate limit', () => {
  it('lets a burst through, then answers 429 with Retry-After and a Dutch message; nothing is created', async () => {
    const teacher = as[TEACHER]!
    const before = await total(teacher)
    for (let i = 0; i < BURST; i++) expect((await draft(teacher)).status, `write ${i + 1}`).toBe(201)
    const refused = await draft(teacher)
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused.json()).toEqual({ errors: [{ path: '', message: expect.stringMatching(/^Te veel wijzigingen achter elkaar/) }] })
    expect(await total(teacher)).toBe(before + BURST)
    // Page forms are limited too (same user, same bucket); reading is not.
    const page = await teacher.post('/incidenten/nieuw', { situation: 'Nog een', voorval: '1', intent: 'draft' })
    expect(page.status).toBe(429)
    expect(page.headers.get('retry-after')).toBeTruthy()
    expect(page.text).toMatch(/^Te veel wijzigingen achter elkaar/)
    expect((await teacher.get('/incidenten')).status).toBe(200)
    // Signing out always works.
    expect((await teacher.post('/logout')).status).toBe(302)
  })

  it('does not affect another user', async () => {
    expect((await draft(as[OTHER]!)).status).toBe(201)
  })
})

describe('limit per personal API token', () => {
  it('holds reads too: past the burst the token gets 429 with Retry-After, while its owner’s session still reads', async () => {
    const owner = new Client(server.baseUrl)
    await owner.login('ib@branding.demo')
    const made = await owner.post('/account', { intent: 'create-token', name: 'Koppeling', days: '30' })
    const token = /bkn_[a-z2-7]{32}/.exec(made.text)?.[0]
    expect(token, made.text.slice(0, 200)).toBeDefined()
    const api = new Client(server.baseUrl, { bearer: token!, origin: null })
    for (let i = 0; i < TOKEN_BURST; i++) expect((await api.get('/api/v1/me')).status, `read ${i + 1}`).toBe(200)
    const refused = await api.get('/api/v1/me')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.json()).toEqual({ errors: [{ path: '', message: expect.stringMatching(/^Te veel verzoeken met dit API-token/) }] })
    expect((await owner.get('/api/v1/me')).status).toBe(200)
  })
})
