// What browsers and proxies may keep: no copy of a page, a JSON answer or a Remix data response
// (RFC 9111 §5.2.2.5 no-store), while the hashed static assets stay cacheable; and HSTS exactly
// when the session cookie is Secure, through the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
let secure: RunningServer
beforeAll(async () => {
  ;[server, secure] = await Promise.all([startServer(), startServer({ COOKIE_SECURE: '1' })])
})
afterAll(() => Promise.all([server?.stop(), secure?.stop()]))

const noStore = (res: { headers: Headers }) => res.headers.get('cache-control') ?? ''

describe('Cache-Control', () => {
  let c: Client
  let token: string
  beforeAll(async () => {
    c = new Client(server.baseUrl)
    await c.login('ib@branding.demo')
    const membershipId = (await c.get('/api/v1/me')).json().membership.id
    token = /bkn_[a-z2-7]{32}/.exec((await c.post('/account', { intent: 'create-token', name: 'cache', days: '1', membershipId })).text)![0]
  })

  it('an authenticated page is no-store', async () => {
    const res = await c.get('/leerlingen')
    expect(res.status).toBe(200)
    expect(noStore(res)).toContain('no-store')
  })

  it('a Remix data response (single fetch .data and ?_data=) is no-store', async () => {
    for (const path of ['/leerlingen.data', '/_root.data', '/leerlingen?_data=routes%2Fleerlingen._index']) {
      const res = await c.get(path)
      expect(res.status, path).toBe(200)
      expect(noStore(res), path).toContain('no-store')
    }
  })

  it('an API JSON response is no-store, by cookie and by token', async () => {
    const byCookie = await c.get('/api/v1/students')
    expect(byCookie.headers.get('content-type')).toMatch(/^application\/json/)
    expect(noStore(byCookie)).toContain('no-store')
    const byToken = await new Client(server.baseUrl, { bearer: token, origin: null }).get('/api/v1/students')
    expect(byToken.status).toBe(200)
    expect(noStore(byToken)).toContain('no-store')
  })

  it('the login page is no-store too: it carries a one-time CSP nonce', async () => {
    const res = await new Client(server.baseUrl).get('/login')
    expect(noStore(res)).toContain('no-store')
  })

  it('hashed static assets stay cacheable', async () => {
    const page = (await c.get('/leerlingen')).text
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1] ?? /href="(\/assets\/[^"]+\.css)"/.exec(page)?.[1]
    expect(asset).toBeDefined()
    const res = await fetch(server.baseUrl + asset!)
    expect(res.status).toBe(200)
    const cc = res.headers.get('cache-control') ?? ''
    expect(cc).not.toContain('no-store')
    expect(cc).toContain('immutable')
    expect(cc).toMatch(/max-age=31536000/)
  })
})

describe('Strict-Transport-Security', () => {
  it('is sent when cookies are Secure (COOKIE_SECURE=1), on pages and the API', async () => {
    const c = new Client(secure.baseUrl)
    const login = await c.post('/login', { email: 'ib@branding.demo', password: 'veilig-demo-2026' })
    expect(login.headers.getSetCookie().find((x) => x.startsWith('baken_session='))).toContain('Secure')
    for (const res of [login, await c.get('/leerlingen'), await c.get('/api/v1/me'), await c.get('/login')]) {
      expect(res.headers.get('strict-transport-security') ?? '').toMatch(/max-age=\d{7,}/)
    }
  })

  it('is not sent when cookies are not Secure (plain http demo)', async () => {
    const c = new Client(server.baseUrl)
    const login = await c.post('/login', { email: 'ib@branding.demo', password: 'veilig-demo-2026' })
    expect(login.headers.getSetCookie().find((x) => x.startsWith('baken_session='))).not.toContain('Secure')
    for (const res of [login, await c.get('/leerlingen'), await c.get('/login')]) {
      expect(res.headers.get('strict-transport-security')).toBeNull()
    }
  })
})
