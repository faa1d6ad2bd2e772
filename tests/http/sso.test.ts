// Single sign-on per stichting against a real OpenID Connect provider (oidc-provider, started here):
// the real redirects over HTTP, discovery, PKCE, state and nonce, ID tokens signed by the provider.
// The Baken server runs on its own Postgres database (migrated and seeded at start), so the test
// can read what a sign-in wrote (sessions, links) and set up what no HTTP route of this branch
// offers yet (a deactivated user, a second stichtingbeheerder).
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_URL, pgServerReachable } from './support/pg-server.ts'
import { Client, DEMO_PASSWORD } from './support/client.ts'
import { startOidcProvider, type RunningOidcProvider } from './support/oidc-provider.ts'
import { startServer, type RunningServer } from './support/server.ts'

const reachable = await pgServerReachable('the SSO HTTP tests')

const CLIENT = { clientId: 'baken-test', clientSecret: 'test-client-secret-that-is-long-enough' }

interface Hop {
  status: number
  location: string | null
  text: string
  setCookies: string[]
}

async function hop(url: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Hop> {
  const res = await fetch(url, { redirect: 'manual', ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } })
  return { status: res.status, location: res.headers.get('location'), text: await res.text(), setCookies: res.headers.getSetCookie() }
}

describe.skipIf(!reachable)('single sign-on through the stichting’s OpenID Connect provider', () => {
  const database = `baken_sso_${Date.now().toString(36)}`
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} })
  let db: postgres.Sql
  let server: RunningServer
  let idp: RunningOidcProvider
  let providerId: string
  let beheer: Client

  const dbUrl = () => {
    const url = new URL(ADMIN_URL)
    url.pathname = `/${database}`
    return url.toString()
  }

  beforeAll(async () => {
    idp = await startOidcProvider({
      client: { ...CLIENT, redirectUris: ['http://127.0.0.1/placeholder'] },
      accounts: {
        henk: { email: 'directeur@branding.demo', emailVerified: true, amr: ['pwd'] },
        sanne: { email: 'ib@branding.demo', emailVerified: true, amr: ['pwd', 'mfa'] },
        acr: { email: 'vertrouwenspersoon@branding.demo', emailVerified: true, acr: 'urn:test:mfa' },
        joyce: { email: 'leerkracht@branding.demo', emailVerified: false },
        niemand: { email: 'niemand@branding.demo', emailVerified: true },
        gerda: { email: 'directeur@horizon.demo', emailVerified: true },
        bram: { email: 'leerkracht2@branding.demo', emailVerified: true },
        // Microsoft Entra ID's way: an address, and no word on whether it was verified.
        fatima: { email: 'mentor@lyceum.demo' },
      },
    })
    await admin.unsafe(`create database ${database}`)
    server = await startServer({ DATABASE_URL: dbUrl(), BAKEN_SEED_DEMO: '1', BAKEN_MAIL_WORKER: '0' })
    idp.setRedirectUris([`${server.baseUrl}/login/sso/callback`])
    db = postgres(dbUrl(), { max: 1, onnotice: () => {} })
    beheer = new Client(server.baseUrl)
    await beheer.login('beheer@kompas.demo')
    const saved = await beheer.request('PUT', '/api/v1/admin/sso', {
      json: { displayName: 'Stichting Kompas (test)', issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, mfaAcrValues: ['urn:test:mfa'] },
    })
    expect(saved.status, saved.text).toBe(200)
    providerId = saved.json().id
  }, 170_000)

  afterAll(async () => {
    await server?.stop()
    await idp?.stop()
    await db?.end({ timeout: 5 })
    await admin.unsafe(`drop database if exists ${database} with (force)`)
    await admin.end({ timeout: 5 })
  })

  /** Starts at Baken, signs in at the provider as `sub` (or refuses), and returns the callback. */
  async function provider(sub: string, options: { tamper?: (auth: URL) => void; deny?: boolean } = {}) {
    const start = await hop(`${server.baseUrl}/login/sso?provider=${providerId}`)
    expect(start.status, start.text).toBe(302)
    const ssoCookie = /^baken_sso=([^;]+)/.exec(start.setCookies.find((c) => c.startsWith('baken_sso='))!)![1]!
    const auth = new URL(start.location!)
    expect(auth.origin).toBe(idp.issuer)
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256')
    options.tamper?.(auth)
    // The provider's own redirects, with its cookies, until it sends the browser back to Baken.
    const jar = new Map<string, string>()
    let next = auth.href
    for (let i = 0; i < 10; i++) {
      const url = new URL(next, idp.issuer)
      if (url.origin !== idp.issuer) break
      if (url.pathname.startsWith('/interaction/')) url.searchParams.set(options.deny ? 'deny' : 'login', options.deny ? '1' : sub)
      const res = await hop(url.href, { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') })
      for (const c of res.setCookies) {
        const [pair] = c.split(';')
        const [k, ...v] = pair!.split('=')
        jar.set(k!, v.join('='))
      }
      if (!res.location) throw new Error(`provider answered ${res.status}: ${res.text.slice(0, 300)}`)
      next = res.location
    }
    const callback = new URL(next)
    expect(callback.pathname).toBe('/login/sso/callback')
    return { callback, ssoCookie }
  }

  async function callback(url: URL, ssoCookie: string | null) {
    const res = await hop(url.href, ssoCookie ? { cookie: `baken_sso=${ssoCookie}` } : {})
    const session = res.setCookies.map((c) => /^baken_session=([^;]+)/.exec(c)?.[1]).find(Boolean) ?? null
    return { ...res, session }
  }

  async function signIn(sub: string, options?: Parameters<typeof provider>[1]) {
    const { callback: url, ssoCookie } = await provider(sub, options)
    return callback(url, ssoCookie)
  }

  async function sessionRow(token: string) {
    const { createHash } = await import('node:crypto')
    const [row] = await db`select method, second_factor_at from sessions where id = ${createHash('sha256').update(token).digest('hex')}`
    return row as { method: string; second_factor_at: Date | null }
  }

  it('signs in an invited user by verified e-mail, links the subject, and signs in by subject next time', async () => {
    const first = await signIn('henk')
    expect(first.status, first.text).toBe(302)
    expect(first.location).toBe('/')
    expect(first.setCookies.some((c) => c.startsWith('baken_sso=;'))).toBe(true)
    const c = new Client(server.baseUrl)
    c.cookie = first.session
    expect((await c.get('/api/v1/me')).json().user.email).toBe('directeur@branding.demo')
    const links = await db`select i.subject from sso_identities i join users u on u.id = i.user_id where u.email = 'directeur@branding.demo'`
    expect(links).toEqual([{ subject: 'henk' }])
    // A password-only sign-in at the provider: the session has no second factor; Baken asks its own.
    expect(await sessionRow(first.session!)).toEqual({ method: 'sso', second_factor_at: null })

    // The provider now gives another address: the linked subject still finds the same user.
    idp.setAccount('henk', { email: 'h.mulder@elders.demo', emailVerified: true, amr: ['pwd'] })
    const second = await signIn('henk')
    expect(second.status, second.text).toBe(302)
    const again = new Client(server.baseUrl)
    again.cookie = second.session
    expect((await again.get('/api/v1/me')).json().user.email).toBe('directeur@branding.demo')
  })

  it('counts the provider’s MFA as the second factor only when it asserts one (amr mfa, or a configured acr)', async () => {
    const mfa = await signIn('sanne')
    expect(mfa.status, mfa.text).toBe(302)
    const row = await sessionRow(mfa.session!)
    expect(row.method).toBe('sso')
    expect(row.second_factor_at).toBeInstanceOf(Date)
    const acr = await signIn('acr')
    expect(acr.status, acr.text).toBe(302)
    expect((await sessionRow(acr.session!)).second_factor_at).toBeInstanceOf(Date)
  })

  it('refuses an unverified address, an unknown one, a user of another stichting and a deactivated user, and links nobody', async () => {
    const unverified = await signIn('joyce')
    expect(unverified.status).toBe(403)
    expect(unverified.text).toContain('bevestigt niet dat het e-mailadres')
    const unknown = await signIn('niemand')
    expect(unknown.status).toBe(403)
    expect(unknown.text).toContain('Er is geen Baken-account met het e-mailadres')
    const foreign = await signIn('gerda')
    expect(foreign.status).toBe(403)
    expect(foreign.text).toContain('hoort niet bij deze stichting')
    await db`update users set disabled_at = now() where email = 'leerkracht2@branding.demo'`
    const disabled = await signIn('bram')
    expect(disabled.status).toBe(403)
    expect(disabled.text).toContain('is gedeactiveerd')
    for (const r of [unverified, unknown, foreign, disabled]) expect(r.session).toBeNull()
    const links = await db`select subject from sso_identities where subject in ('joyce', 'niemand', 'gerda', 'bram')`
    expect(links).toEqual([])
    // Nothing was created either.
    expect(await db`select 1 from users where email = 'niemand@branding.demo'`).toEqual([])
  })

  it('trusts a provider’s addresses without email_verified only when the stichting says so, and never for a multi-tenant issuer', async () => {
    const current = (await beheer.get('/api/v1/admin/sso')).json()
    expect(current.emailTrust).toBe('claim')
    const put = (extra: Record<string, unknown>) =>
      beheer.request('PUT', '/api/v1/admin/sso', { json: { displayName: current.displayName, issuer: current.issuer, clientId: current.clientId, mfaAcrValues: current.mfaAcrValues, ...extra } })
    const refused = await signIn('fatima')
    expect(refused.status).toBe(403)
    expect(refused.text).toContain('bevestigt niet dat het e-mailadres')
    // Entra's multi-tenant endpoints: any tenant could assert this address. Refused before discovery.
    for (const issuer of ['https://login.microsoftonline.com/common/v2.0', 'https://login.microsoftonline.com/organizations/v2.0', 'https://login.microsoftonline.com/{tenantid}/v2.0']) {
      const res = await put({ issuer, emailTrust: 'issuer' })
      expect(res.status, issuer).toBe(400)
      expect(res.json().errors[0].path).toBe('emailTrust')
    }
    // And the database refuses it whatever the form does.
    const forged = await db`update sso_providers set issuer = 'https://login.microsoftonline.com/common/v2.0', email_trust = 'issuer' where id = ${providerId}`.then(
      () => 'ok',
      (e: Error) => e.message,
    )
    expect(forged).toMatch(/sso_providers_email_trust_single_tenant/)
    expect((await put({ emailTrust: 'issuer' })).status).toBe(200)
    const trail = (await beheer.get('/api/v1/admin/audit?subjectType=sso_provider')).json().items
    expect(JSON.stringify(trail[0])).toContain('emailTrust')
    const trusted = await signIn('fatima')
    expect(trusted.status, trusted.text).toBe(302)
    expect(trusted.session).not.toBeNull()
    expect(await db`select 1 from sso_identities where subject = 'fatima'`).toHaveLength(1)
    // An explicit email_verified: false is still refused: the provider itself says no.
    expect((await signIn('joyce')).status).toBe(403)
    expect((await put({ emailTrust: 'claim' })).status).toBe(200)
  })

  it('refuses a wrong state, a callback without this browser’s transaction, and a replayed callback', async () => {
    const { callback: url, ssoCookie } = await provider('sanne')
    const wrong = new URL(url)
    wrong.searchParams.set('state', 'not-the-state')
    const wrongState = await callback(wrong, ssoCookie)
    expect(wrongState.status).toBe(400)
    expect(wrongState.text).toContain('state klopt niet')
    const otherBrowser = await callback(url, null)
    expect(otherBrowser.status).toBe(400)
    expect(otherBrowser.text).toContain('state klopt niet')
    const ok = await callback(url, ssoCookie)
    expect(ok.status, ok.text).toBe(302)
    // The code is single-use at the provider: the same callback again signs nobody in.
    const replay = await callback(url, ssoCookie)
    expect(replay.status).toBe(502)
    expect(replay.session).toBeNull()
  })

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const res = await signIn('sanne', { tamper: (auth) => auth.searchParams.set('nonce', 'a-nonce-of-someone-else') })
    expect(res.status).toBe(400)
    expect(res.text).toContain('nonce klopt niet')
    expect(res.session).toBeNull()
  })

  it('shows the provider’s refusal', async () => {
    const res = await signIn('sanne', { deny: true })
    expect(res.status).toBe(403)
    expect(res.text).toContain('heeft het inloggen geweigerd')
  })

  it('the login page offers the stichting’s sign-in', async () => {
    const page = await hop(`${server.baseUrl}/login`)
    expect(page.text).toContain('Inloggen via je school')
    expect(page.text).toContain(`href="/login/sso?provider=${providerId}"`)
    expect(page.text).toContain('Inloggen via Stichting Kompas (test)')
  })

  it('SSO only: refuses the password of staff who work only in the stichting; partners and platform keep theirs; tokens keep working', async () => {
    // A personal API token made before the switch, by a teacher who only works in the stichting.
    const mentor = new Client(server.baseUrl)
    await mentor.login('mentor@lyceum.demo')
    const membershipId = (await mentor.get('/api/v1/me')).json().membership.id
    const minted = await mentor.post('/account', { intent: 'create-token', name: 'Koppeling', days: '7', membershipId })
    const token = /bkn_[a-z2-7]{32}/.exec(minted.text)?.[0]
    expect(token).toBeDefined()

    const current = (await beheer.get('/api/v1/admin/sso')).json()
    const put = await beheer.request('PUT', '/api/v1/admin/sso', {
      json: { displayName: current.displayName, issuer: current.issuer, clientId: current.clientId, ssoOnly: true },
    })
    expect(put.status, put.text).toBe(200)
    expect(put.json()).toMatchObject({ ssoOnly: true, clientSecretSet: true })
    const teacher = await new Client(server.baseUrl).post('/login', { email: 'mentor@lyceum.demo', password: DEMO_PASSWORD })
    expect(teacher.status).toBe(403)
    expect(teacher.text).toContain('alleen toe via de inlogdienst van je school')
    expect(teacher.headers.getSetCookie().some((c) => /^baken_session=[^;]/.test(c))).toBe(false)
    // A wrong password still gets the generic answer (the SSO-only rule tells nothing without it).
    expect((await new Client(server.baseUrl).post('/login', { email: 'mentor@lyceum.demo', password: 'fout' })).status).toBe(401)
    for (const email of ['halt@haltnoord.demo', 'platform@baken.demo', 'directeur@horizon.demo']) {
      expect((await new Client(server.baseUrl).post('/login', { email, password: DEMO_PASSWORD })).status, email).toBe(302)
    }
    // The token is scoped to its membership and is not a sign-in: it keeps working.
    const viaToken = await new Client(server.baseUrl, { bearer: token! }).get('/api/v1/me')
    expect(viaToken.status).toBe(200)
    expect(viaToken.json().user.email).toBe('mentor@lyceum.demo')
    // Staff still get in through the provider.
    expect((await signIn('sanne')).status).toBe(302)
    await beheer.request('PUT', '/api/v1/admin/sso', { json: { displayName: current.displayName, issuer: current.issuer, clientId: current.clientId, ssoOnly: false } })
  })

  it('admin: only the stichtingbeheerder, never the secret, discovery checked on save, another stichting’s provider is not there (404)', async () => {
    const got = await beheer.get('/api/v1/admin/sso')
    expect(got.status).toBe(200)
    expect(got.text).not.toContain(CLIENT.clientSecret)
    expect(got.json()).toMatchObject({ issuer: idp.issuer, clientId: CLIENT.clientId, clientSecretSet: true, enabled: true })
    const stored = await db`select client_secret_enc from sso_providers where id = ${providerId}`
    expect(stored[0]!.client_secret_enc).not.toContain(CLIENT.clientSecret)
    // Every save is in the admin audit trail, without the secret.
    const audit = await beheer.get('/api/v1/admin/audit?subjectType=sso_provider')
    expect(audit.status).toBe(200)
    expect(audit.json().items.map((i: { action: string }) => i.action)).toContain('sso_provider.created')
    expect(audit.text).not.toContain(CLIENT.clientSecret)
    expect(audit.json().items.find((i: { action: string }) => i.action === 'sso_provider.created').after).toMatchObject({
      issuer: idp.issuer,
      clientCredentialReplaced: true,
    })

    const bad = await beheer.request('PUT', '/api/v1/admin/sso', { json: { displayName: 'X', issuer: 'http://127.0.0.1:9/', clientId: 'x', clientSecret: 'y' } })
    expect(bad.status).toBe(400)
    expect(bad.json().errors[0]).toMatchObject({ path: 'issuer' })
    expect((await beheer.get('/api/v1/admin/sso')).json().displayName).toBe('Stichting Kompas (test)')

    // The page: the secret is never in it; test connection; a bad issuer refused in Dutch, nothing saved.
    const page = await beheer.get('/beheer/sso')
    expect(page.status).toBe(200)
    expect(page.text).not.toContain(CLIENT.clientSecret)
    expect(page.text).toContain(`${server.baseUrl}/login/sso/callback`)
    const tested = await beheer.post('/beheer/sso', { intent: 'test' })
    expect(tested.status).toBe(200)
    expect(tested.text).toContain('Verbinding gelukt')
    const badForm = await beheer.post('/beheer/sso', { intent: 'save', displayName: 'X', issuer: 'geen url', clientId: 'x', enabled: 'on' })
    expect(badForm.status).toBe(400)
    expect(badForm.text).toContain('Geef de issuer als een volledige URL')
    expect((await beheer.get('/api/v1/admin/sso')).json().displayName).toBe('Stichting Kompas (test)')

    const board = new Client(server.baseUrl)
    await board.login('bestuur@kompas.demo')
    expect((await board.get('/beheer/sso')).status).toBe(403)
    expect((await board.get('/api/v1/admin/sso')).status).toBe(403)
    expect((await board.request('PUT', '/api/v1/admin/sso', { json: {} })).status).toBe(403)

    // A stichtingbeheerder of Horizon sees no provider (Kompas's is not theirs) and cannot change Kompas's.
    await db`insert into memberships (user_id, role, stichting_id)
      select u.id, 'stichtingbeheerder', s.id from users u, stichtingen s where u.email = 'bestuur@horizon.demo' and s.name ilike '%horizon%'`
    const horizon = new Client(server.baseUrl)
    await horizon.login('bestuur@horizon.demo', { membership: (m) => (m as { role?: string }).role === 'stichtingbeheerder' })
    expect((await horizon.get('/api/v1/me')).json().role).toBe('stichtingbeheerder')
    expect((await horizon.get('/api/v1/admin/sso')).status).toBe(404)
    const own = await horizon.request('PUT', '/api/v1/admin/sso', {
      json: { displayName: 'Horizon', issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret },
    })
    expect(own.status, own.text).toBe(200)
    expect(own.json().id).not.toBe(providerId)
    expect((await beheer.get('/api/v1/admin/sso')).json().displayName).toBe('Stichting Kompas (test)')
  })
})
