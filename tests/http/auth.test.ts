// Sessions, logout, revocation, organisation switching, API tokens, Origin checks and headers,
// through the real server.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO_PASSWORD } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())
const client = (opts?: ConstructorParameters<typeof Client>[1]) => new Client(server.baseUrl, opts)

/**
 * The API paths the route files define, in OpenAPI form: `api.v1.measures.$id.letters.$letterId[.]pdf.ts`
 * → `/measures/{id}/letters/{letterId}.pdf` (flat routes: dots are slashes, `[.]` a literal dot,
 * `$x` a parameter, `_index` the folder itself, a trailing `_` opts out of nesting).
 */
function apiPathsFromRouteFiles(): string[] {
  const dir = fileURLToPath(new URL('../../apps/web/app/routes', import.meta.url))
  const paths = new Set<string>()
  for (const file of readdirSync(dir)) {
    if (!file.startsWith('api.v1.') || file === 'api.v1.$.ts') continue
    const segments = file
      .replace(/^api\.v1\./, '')
      .replace(/\.tsx?$/, '')
      .replaceAll('[.]', '\u0000')
      .split('.')
      .filter((segment) => segment !== '_index')
      .map((segment) => segment.replace(/_$/, '').replace(/^\$([A-Za-z]+)/, '{$1}').replaceAll('\u0000', '.'))
    paths.add('/' + segments.join('/'))
  }
  return [...paths].sort()
}

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie holding a random token', async () => {
    const res = await fetch(`${server.baseUrl}/login`, {
      method: 'POST',
      headers: { origin: server.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'ib@branding.demo', password: DEMO_PASSWORD }),
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('baken_session='))!
    expect(cookie).toMatch(/^baken_session=[a-z2-7]{32};/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toMatch(/Expires=/)
    // Demo mode on plain http: not Secure (production mode sets Secure; see session-cookie unit test).
    expect(cookie).not.toContain('Secure')
  })

  it('answers a wrong password and an unknown account with the same generic message', async () => {
    const wrong = await client().post('/login', { email: 'ib@branding.demo', password: 'fout' })
    const unknown = await client().post('/login', { email: 'niemand@nergens.demo', password: 'fout' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    for (const r of [wrong, unknown]) expect(r.text).toContain('E-mailadres of wachtwoord onjuist.')
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith('baken_session=') && !c.startsWith('baken_session=;'))).toBe(false)
  })

  it('is case-insensitive in the e-mail address', async () => {
    const c = client()
    await c.login('IB@Branding.Demo')
    expect((await c.get('/api/v1/me')).json().user.email).toBe('ib@branding.demo')
  })

  it('a user with one membership acts for it at once; with two, chooses first', async () => {
    const single = client()
    expect((await single.post('/login', { email: 'mentor@lyceum.demo', password: DEMO_PASSWORD })).location).toBe('/')
    const multi = client()
    expect((await multi.post('/login', { email: 'directeur@lyceum.demo', password: DEMO_PASSWORD })).location).toBe('/organisatie')
    expect((await multi.get('/leerlingen')).location).toBe('/organisatie')
    expect((await multi.get('/api/v1/students')).status).toBe(403)
  })

  it('only redirects to local paths after login', async () => {
    const res = await client().post('/login', { email: 'mentor@lyceum.demo', password: DEMO_PASSWORD, redirectTo: '//evil.example/x' })
    expect(res.location).toBe('/')
    const ok = await client().post('/login', { email: 'mentor@lyceum.demo', password: DEMO_PASSWORD, redirectTo: '/groepen' })
    expect(ok.location).toBe('/groepen')
  })
})

describe('logout and revocation', () => {
  it('logout deletes the session: the old cookie no longer works', async () => {
    const c = client()
    await c.login('leerkracht@branding.demo')
    const token = c.cookie
    expect((await c.get('/api/v1/me')).status).toBe(200)
    const out = await c.post('/logout')
    expect(out.status).toBe(302)
    expect(out.location).toBe('/login')
    const replay = client()
    replay.cookie = token
    expect((await replay.get('/api/v1/me')).status).toBe(401)
  })

  it('"overal uitloggen" revokes every session of the user, and only theirs', async () => {
    const a = client()
    const b = client()
    const other = client()
    await a.login('leerkracht2@branding.demo')
    await b.login('leerkracht2@branding.demo')
    await other.login('vertrouwenspersoon@branding.demo')
    const bToken = b.cookie
    const res = await a.post('/account', { intent: 'revoke-all-sessions' })
    expect(res.status).toBe(302)
    const replayB = client()
    replayB.cookie = bToken
    expect((await replayB.get('/api/v1/me')).status).toBe(401)
    expect((await a.get('/api/v1/me')).status).toBe(401)
    expect((await other.get('/api/v1/me')).status).toBe(200)
  })

  it('a made-up session token is refused and the cookie cleared', async () => {
    const c = client()
    c.cookie = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
    const res = await c.get('/api/v1/me')
    expect(res.status).toBe(401)
    expect(res.headers.getSetCookie().some((x) => x.startsWith('baken_session=;') && x.includes('Max-Age=0'))).toBe(true)
  })
})

describe('organisation switching', () => {
  it('switches the school context: each school shows only its own pupils', async () => {
    const c = client()
    await c.login('directeur@lyceum.demo', { membership: (m) => m.organisationName === 'Kompas Lyceum' })
    const lyceum = (await c.get('/api/v1/me')).json()
    expect(lyceum.organisation.name).toBe('Kompas Lyceum')
    const lyceumPupils = (await c.get('/api/v1/students?pageSize=200')).json().items
    const options = (await c.get('/organisatie')).text
    expect(options).toContain('Kompas Vakcollege')
    const meBefore = lyceum.membership.id
    // Find the other membership through the organisation page's form values.
    const ids = [...options.matchAll(/name="membershipId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!)
    const other = ids.find((id) => id !== meBefore)!
    expect((await c.post('/organisatie', { membershipId: other })).status).toBe(302)
    const me = (await c.get('/api/v1/me')).json()
    expect(me.organisation.name).toBe('Kompas Vakcollege')
    const vakPupils = (await c.get('/api/v1/students?pageSize=200')).json().items
    expect(vakPupils.length).toBeGreaterThan(0)
    const lyceumIds = new Set(lyceumPupils.map((s: { id: string }) => s.id))
    expect(vakPupils.some((s: { id: string }) => lyceumIds.has(s.id))).toBe(false)
    // The Lyceum pupil is now out of scope: 404.
    expect((await c.get(`/api/v1/students/${lyceumPupils[0].id}`)).status).toBe(404)
  })

  it('cannot switch to a membership of another user', async () => {
    const victim = client()
    await victim.login('directeur@horizon.demo')
    const victimMembership = (await victim.get('/api/v1/me')).json().membership.id
    const c = client()
    await c.login('leerkracht@branding.demo')
    const res = await c.post('/organisatie', { membershipId: victimMembership })
    expect(res.status).toBe(404)
    expect((await c.get('/api/v1/me')).json().organisation.name).toBe('OBS De Branding')
  })
})

describe('personal API tokens', () => {
  async function createToken(c: Client, form: Record<string, string>) {
    const res = await c.post('/account', { intent: 'create-token', ...form })
    return { res, token: /bkn_[a-z2-7]{32}/.exec(res.text)?.[0] }
  }

  it('is created in the UI, shown once, scoped to the membership the session acts for, and revocable', async () => {
    const c = client()
    // A token for the Vakcollege is made while working for the Vakcollege (tests/http/token-scope.test.ts).
    await c.login('directeur@lyceum.demo', { membership: (m) => m.organisationName === 'Kompas Vakcollege' })
    const page = (await c.get('/account')).text
    const vakMembership = /<input type="hidden" name="membershipId" value="([0-9a-f-]{36})"/.exec(page)![1]!
    const { res, token } = await createToken(c, { name: 'Koppeling SIS', membershipId: vakMembership, days: '30' })
    expect(res.status).toBe(200)
    expect(token).toBeDefined()
    // Shown once: the account page does not show it again.
    expect((await c.get('/account')).text).not.toContain(token!)

    const api = client({ bearer: token!, origin: null })
    const me = (await api.get('/api/v1/me')).json()
    expect(me.organisation.name).toBe('Kompas Vakcollege')
    expect(me.authenticatedBy).toBe('token')
    const pupils = (await api.get('/api/v1/students?pageSize=200')).json().items
    expect(new Set(pupils.map((s: { schoolId: string }) => s.schoolId))).toEqual(new Set([me.organisation.id]))

    const tokenId = [...(await c.get('/account')).text.matchAll(/name="tokenId" value="([0-9a-f-]{36})"/g)][0]![1]!
    expect((await c.post('/account', { intent: 'revoke-token', tokenId })).status).toBe(200)
    const after = await api.get('/api/v1/me')
    expect(after.status).toBe(401)
    expect(after.json().errors[0].message).toMatch(/API-token/)
  })

  it('refuses a token for someone else’s membership and explains bad input', async () => {
    const other = client()
    await other.login('directeur@horizon.demo')
    const foreign = (await other.get('/api/v1/me')).json().membership.id
    const c = client()
    await c.login('mentor@lyceum.demo')
    const { res, token } = await createToken(c, { name: 'x', membershipId: foreign })
    expect(res.status).toBe(400)
    expect(token).toBeUndefined()
    const bad = await createToken(c, { name: '', membershipId: 'nope', days: '999' })
    expect(bad.res.status).toBe(400)
    expect(bad.res.text).toContain('Geef het token een naam')
    expect(bad.res.text).toContain('Maximaal 365 dagen')
  })

  it('a wrong bearer token answers 401 JSON', async () => {
    const res = await client({ bearer: 'bkn_thisisnotarealtoken', origin: null }).get('/api/v1/students')
    expect(res.status).toBe(401)
    expect(res.json()).toEqual({ errors: [{ path: '', message: 'Ongeldig of verlopen API-token.' }] })
  })
})

describe('cross-site request forgery', () => {
  it('refuses state-changing requests without our Origin', async () => {
    const noOrigin = client({ origin: null })
    expect((await noOrigin.post('/login', { email: 'ib@branding.demo', password: DEMO_PASSWORD })).status).toBe(403)
    const evil = client({ origin: 'https://evil.example' })
    expect((await evil.post('/login', { email: 'ib@branding.demo', password: DEMO_PASSWORD })).status).toBe(403)
  })

  it('a forged logout from another site leaves the session alone', async () => {
    const c = client()
    await c.login('ib@branding.demo')
    const forged = new Client(server.baseUrl, { origin: 'https://evil.example' })
    forged.cookie = c.cookie
    expect((await forged.post('/logout')).status).toBe(403)
    expect((await forged.post('/account', { intent: 'revoke-all-sessions' })).status).toBe(403)
    expect((await c.get('/api/v1/me')).status).toBe(200)
  })

  it('an API POST with a cookie but a foreign Origin answers 403 JSON', async () => {
    const c = client({ origin: 'https://evil.example' })
    const res = await c.request('POST', '/api/v1/students', { json: {} })
    expect(res.status).toBe(403)
    expect(res.json().errors[0].message).toMatch(/Origin/)
  })
})

describe('API shape', () => {
  it('a bad query answers 400 with the path of the bad field', async () => {
    const c = client()
    await c.login('ib@branding.demo')
    const res = await c.get('/api/v1/students?page=0&groupId=abc')
    expect(res.status).toBe(400)
    const paths = res.json().errors.map((e: { path: string }) => e.path).sort()
    expect(paths).toEqual(['groupId', 'page'])
  })

  it('an unknown API path is a JSON 404', async () => {
    const res = await client().get('/api/v1/onbekend')
    expect(res.status).toBe(404)
    expect(res.json().errors[0].message).toBe('Onbekend API-pad.')
  })

  it('the OpenAPI document lists every API route', async () => {
    const doc = (await client().get('/api/v1/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    // Every API route file is documented, and every documented path has a route file.
    expect(Object.keys(doc.paths).sort()).toEqual(apiPathsFromRouteFiles())
    // A floor, so an empty route directory cannot pass: a path of each area (dossier, measures,
    // access log, sharing, Halt).
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/students/{id}/dossier', '/measures/{id}/transitions', '/access-log', '/shares', '/shared', '/referrals', '/halt/referrals']),
    )
  })

  it('healthz reports the database', async () => {
    const res = await client().get('/healthz')
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', db: 'ok' })
  })

  it('pages carry security headers and a CSP nonce that matches the scripts', async () => {
    const res = await client().get('/login')
    const csp = res.headers.get('content-security-policy')!
    const nonce = /'nonce-([0-9a-f]{32})'/.exec(csp)?.[1]
    expect(nonce).toBeDefined()
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
    expect(res.headers.get('x-powered-by')).toBeNull()
    const scripts = [...res.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!)
    expect(scripts.length).toBeGreaterThan(0)
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`)
  })
})

describe('bearer header outside the API', () => {
  it('does not exempt a cookie-authenticated page POST from the Origin check', async () => {
    const c = client()
    await c.login('ib@branding.demo')
    const forged = new Client(server.baseUrl, { origin: 'https://evil.example', bearer: 'bkn_anything' })
    forged.cookie = c.cookie
    expect((await forged.post('/account', { intent: 'revoke-all-sessions' })).status).toBe(403)
    expect((await c.get('/api/v1/me')).status).toBe(200)
  })
})
