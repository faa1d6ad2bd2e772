// A personal API token is a credential for the JSON API only. Through the real server: a request
// target that a URL parser would resolve differently from how it reads (encoded, double-encoded
// or backslashed dot segments, empty segments) is refused before anything looks at it, so a token
// never reaches a page route; a token never mints a token; a token minted under a session is for
// that session's organisation; and "Overal uitloggen" ends the tokens too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD } from './support/client.ts'
import { rawRequest } from './support/raw-request.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())
const client = (opts?: ConstructorParameters<typeof Client>[1]) => new Client(server.baseUrl, opts)

const LYCEUM = (m: { organisationName: string }) => m.organisationName === 'Kompas Lyceum'

interface Me {
  organisation: { name: string } | null
  membership: { id: string } | null
  memberships?: { id: string; organisationName: string }[]
}

/** The user's other membership than the one the session acts for (from /organisatie's form). */
async function otherMembership(c: Client): Promise<string> {
  const current = (await c.get('/api/v1/me')).json<Me>().membership!.id
  const page = (await c.get('/organisatie')).text
  const ids = [...page.matchAll(/name="membershipId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!)
  const other = ids.find((id) => id !== current)
  expect(other).toBeDefined()
  return other!
}

/**
 * A token made on the account page by a session, as the page's form sends it (with the membership
 * the session acts for, unless the test says otherwise); null when the page refused.
 */
async function mintToken(c: Client, form: Record<string, string> = {}) {
  const membershipId = (await c.get('/api/v1/me')).json<Me>().membership?.id ?? ''
  const res = await c.post('/account', { intent: 'create-token', name: 'Koppeling', days: '7', membershipId, ...form })
  return { res, token: /bkn_[a-z2-7]{32}/.exec(res.text)?.[0] ?? null }
}

/** The tokens of the signed-in user that are still active (each has a revoke form). */
async function activeTokenIds(c: Client): Promise<string[]> {
  const page = await c.get('/account')
  expect(page.status).toBe(200)
  return [...page.text.matchAll(/name="tokenId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!)
}

/**
 * Request targets that start with /api/ as written but that a URL parser (WHATWG, which Remix
 * uses) or a decoder resolves to the page /<page>: percent-encoded dots in any case, mixed,
 * double-encoded, backslashes raw and encoded, an encoded slash, and empty segments.
 */
function climbingPaths(page: string): string[] {
  return [
    `/api/%2e%2e/${page}`,
    `/api/%2E%2E/${page}`,
    `/api/.%2e/${page}`,
    `/api/v1/%2e%2e/%2e%2e/${page}`,
    `/api/%252e%252e/${page}`,
    `/api/%25252e%25252e/${page}`,
    `/api/..\\${page}`,
    `/api\\..\\${page}`,
    `/api/..%5c${page}`,
    `/api/..%5C${page}`,
    `/api/%2e%2e%2f${page}`,
    `/api/%2e%2e//${page}`,
    `/api//..//${page}`,
    `//api/%2e%2e/${page}`,
    `/api/../${page}`,
    `/API/%2e%2e/${page}`,
  ]
}

describe('request targets that normalise elsewhere are refused before anything runs', () => {
  let owner: Client
  let token: string
  let vakcollege: string

  beforeAll(async () => {
    owner = client()
    await owner.login('directeur@lyceum.demo', { membership: LYCEUM })
    vakcollege = await otherMembership(owner)
    const minted = await mintToken(owner)
    expect(minted.token).not.toBeNull()
    token = minted.token!
    expect((await client({ bearer: token, origin: null }).get('/api/v1/me')).status).toBe(200)
  })

  it('a token cannot mint a token (for another membership, for a year) through any of them', async () => {
    const before = await activeTokenIds(owner)
    for (const path of climbingPaths('account')) {
      const res = await rawRequest(server.baseUrl, 'POST', path, {
        headers: { authorization: `Bearer ${token}` },
        form: { intent: 'create-token', name: 'Uitbraak', membershipId: vakcollege, days: '365' },
      })
      expect(res.status, path).toBe(400)
      expect(res.json().errors[0].message, path).toMatch(/pad/i)
      expect(res.text, path).not.toMatch(/bkn_/)
    }
    expect(await activeTokenIds(owner)).toEqual(before)
  })

  it('a token cannot sign its user out everywhere through any of them', async () => {
    for (const path of climbingPaths('account')) {
      const res = await rawRequest(server.baseUrl, 'POST', path, {
        headers: { authorization: `Bearer ${token}` },
        form: { intent: 'revoke-all-sessions' },
      })
      expect(res.status, path).toBe(400)
    }
    // The session and the token both still work.
    expect((await owner.get('/api/v1/me')).status).toBe(200)
    expect((await client({ bearer: token, origin: null }).get('/api/v1/me')).status).toBe(200)
  })

  it('a token cannot read a page (HTML or Remix data) through any of them', async () => {
    const targets = [...climbingPaths('leerlingen'), ...climbingPaths('leerlingen.data'), ...climbingPaths('leerlingen?_data=routes/leerlingen._index')]
    for (const path of targets) {
      const res = await rawRequest(server.baseUrl, 'GET', path, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status, path).toBe(400)
      expect(res.headers['content-type'], path).toMatch(/^application\/json/)
      expect(res.json().errors[0].message, path).toMatch(/pad/i)
    }
  })

  it('a Host header that would move the path Remix sees is refused', async () => {
    // The adapter builds `http://${hostname}${path}`, so a hostname holding '/…?' prefixes the path.
    const victim = client()
    await victim.login('directeur@vakcollege.demo')
    const victimToken = (await mintToken(victim)).token!
    const membershipId = (await victim.get('/api/v1/me')).json<Me>().membership!.id
    const before = await activeTokenIds(victim)
    for (const host of ['x/%2e%2e/account?', 'x/account?', 'x\\account?', 'x#', 'x@y', 'x%2fy']) {
      const res = await rawRequest(server.baseUrl, 'POST', '/api/v1/me', {
        headers: { host, authorization: `Bearer ${victimToken}` },
        form: { intent: 'create-token', name: 'Uitbraak', days: '365', membershipId },
      })
      expect(res.status, host).toBe(400)
      expect(res.text, host).not.toMatch(/bkn_/)
    }
    expect(await activeTokenIds(victim)).toEqual(before)
  })

  it('a session cookie is refused on them as well: the path is ambiguous for everyone', async () => {
    const res = await rawRequest(server.baseUrl, 'GET', '/api/%2e%2e/leerlingen', { headers: { cookie: `baken_session=${owner.cookie}` } })
    expect(res.status).toBe(400)
  })

  it('ordinary paths still work: API with the token, pages with the session', async () => {
    expect((await rawRequest(server.baseUrl, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    expect((await owner.get('/leerlingen')).status).toBe(200)
    expect((await owner.get('/leerlingen?zoek=a')).status).toBe(200)
  })
})

describe('a Bearer header on a page', () => {
  let owner: Client
  let token: string

  beforeAll(async () => {
    owner = client()
    await owner.login('directeur@lyceum.demo', { membership: LYCEUM })
    token = (await mintToken(owner)).token!
    expect(token).toBeTruthy()
  })

  it('is refused with 403 JSON, not ignored: reading a page', async () => {
    for (const path of ['/leerlingen', '/leerlingen.data', '/account', '/']) {
      const res = await client({ bearer: token, origin: null }).get(path)
      expect(res.status, path).toBe(403)
      expect(res.json().errors[0].message, path).toMatch(/API-token/)
    }
  })

  it('is refused with 403 JSON on a page action, even with our Origin', async () => {
    const before = await activeTokenIds(owner)
    const res = await client({ bearer: token }).post('/account', { intent: 'create-token', name: 'x', days: '365' })
    expect(res.status).toBe(403)
    expect(res.json().errors[0].message).toMatch(/API-token/)
    const revoke = await client({ bearer: token }).post('/account', { intent: 'revoke-all-sessions' })
    expect(revoke.status).toBe(403)
    expect(await activeTokenIds(owner)).toEqual(before)
    expect((await owner.get('/api/v1/me')).status).toBe(200)
  })

  it('is refused even when a valid session cookie comes along', async () => {
    const both = client({ bearer: token })
    both.cookie = owner.cookie
    expect((await both.get('/leerlingen')).status).toBe(403)
    // Without the header the same cookie reads the page.
    expect((await owner.get('/leerlingen')).status).toBe(200)
  })
})

describe('minting a token', () => {
  it('is for the membership the session acts for, never another of the user', async () => {
    const c = client()
    await c.login('directeur@lyceum.demo', { membership: LYCEUM })
    const me = (await c.get('/api/v1/me')).json<Me>()
    const vakcollege = await otherMembership(c)
    const before = await activeTokenIds(c)

    const other = await mintToken(c, { membershipId: vakcollege, days: '365' })
    expect(other.res.status).toBe(400)
    expect(other.token).toBeNull()
    expect(other.res.text).toContain('Je kunt alleen een token maken voor de organisatie waarvoor je nu werkt')
    expect(await activeTokenIds(c)).toEqual(before)

    const own = await mintToken(c)
    expect(own.res.status).toBe(200)
    expect(own.token).not.toBeNull()
    const acting = (await client({ bearer: own.token!, origin: null }).get('/api/v1/me')).json<Me>()
    expect(acting.organisation?.name).toBe('Kompas Lyceum')
    expect(acting.membership?.id).toBe(me.membership!.id)
  })

  it('without a membership in the form, is for the membership the session acts for', async () => {
    const c = client()
    await c.login('directeur@lyceum.demo', { membership: LYCEUM })
    const res = await c.post('/account', { intent: 'create-token', name: 'Zonder keuze', days: '7' })
    expect(res.status).toBe(200)
    const token = /bkn_[a-z2-7]{32}/.exec(res.text)![0]
    expect((await client({ bearer: token, origin: null }).get('/api/v1/me')).json<Me>().organisation?.name).toBe('Kompas Lyceum')
  })

  it('needs a chosen organisation', async () => {
    const c = client()
    const login = await c.post('/login', { email: 'directeur@lyceum.demo', password: DEMO_PASSWORD })
    expect(login.location).toBe('/organisatie')
    const me = (await c.get('/api/v1/me')).json<Me>()
    expect(me.membership).toBeNull()
    const res = await mintToken(c, { membershipId: me.memberships![0]!.id })
    expect(res.res.status).toBe(400)
    expect(res.token).toBeNull()
    expect(res.res.text).toContain('Kies eerst een organisatie')
  })

  it('the page says which organisation the token will be for', async () => {
    const c = client()
    await c.login('directeur@lyceum.demo', { membership: LYCEUM })
    const page = (await c.get('/account')).text
    // No choice of organisation: a hidden field with the session's own membership.
    expect(page).not.toMatch(/<select[^>]*name="membershipId"/)
    expect(page).toMatch(/Organisatie:<\/strong>(?:\s|<!-- -->)*Kompas Lyceum/)
  })
})

describe('"Overal uitloggen"', () => {
  it('ends the user’s API tokens as well as their sessions, and no one else’s', async () => {
    const c = client()
    await c.login('leerkracht@branding.demo')
    const first = (await mintToken(c)).token!
    const second = (await mintToken(c, { days: '365' })).token!
    const bystander = client()
    await bystander.login('ib@branding.demo')
    const othersToken = (await mintToken(bystander)).token!
    for (const t of [first, second, othersToken]) expect((await client({ bearer: t, origin: null }).get('/api/v1/me')).status).toBe(200)

    const out = await c.post('/account', { intent: 'revoke-all-sessions' })
    expect(out.status).toBe(302)

    for (const t of [first, second]) {
      const res = await client({ bearer: t, origin: null }).get('/api/v1/me')
      expect(res.status).toBe(401)
      expect(res.json().errors[0].message).toMatch(/API-token/)
    }
    expect((await client({ bearer: othersToken, origin: null }).get('/api/v1/me')).status).toBe(200)
    expect((await bystander.get('/api/v1/me')).status).toBe(200)
  })

  it('says on the account page that it ends the tokens too', async () => {
    const c = client()
    await c.login('mentor@lyceum.demo')
    expect((await c.get('/account')).text).toContain('trekt ook al je API-tokens in')
  })
})
