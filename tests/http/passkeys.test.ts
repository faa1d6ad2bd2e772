// Passkeys through the real server with a real software authenticator (support/software-
// authenticator.ts: an EC P-256 key, "none" attestation, signed assertions): registration, the
// second step of a login, step-up, and the sign-in itself; and every refusal: a replayed
// challenge, a wrong origin, a wrong RP ID, no user verification, a counter that went back,
// another user's passkey or user handle, a removed passkey, a deactivated user, an SSO-only
// stichting, a suspended stichting, the last factor under a policy that requires one, and the
// throttle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, type Reply } from './support/client.ts'
import { startOidcProvider, type RunningOidcProvider } from './support/oidc-provider.ts'
import { startServer, type RunningServer } from './support/server.ts'
import { FLAGS, SoftwareAuthenticator } from './support/software-authenticator.ts'

// The relying party as configured (not the test server's own address: the browser's origin is what counts).
const ORIGIN = 'https://baken.test'
const RP_ID = 'baken.test'
const RP_ENV = { BAKEN_WEBAUTHN_ORIGIN: ORIGIN, BAKEN_WEBAUTHN_RP_ID: RP_ID }

let server: RunningServer
/** The same server with a step-up window of 0 seconds: every earlier proof is stale. */
let strict: RunningServer
beforeAll(async () => {
  ;[server, strict] = await Promise.all([startServer(RP_ENV), startServer({ ...RP_ENV, STEP_UP_SECONDS: '0' })])
})
afterAll(async () => {
  await Promise.all([server?.stop(), strict?.stop()])
})

const errorCode = (res: Reply) => res.json().errors[0]?.code
const post = (c: Client, path: string, json: unknown = {}, headers: Record<string, string> = {}) => c.request('POST', path, { json, headers })

async function signedIn(email: string, on = server) {
  const c = new Client(on.baseUrl)
  await c.login(email)
  return c
}

/** Registers a new software passkey for the signed-in client; returns it and the server's answer. */
async function addPasskey(c: Client, name: string) {
  const key = new SoftwareAuthenticator(ORIGIN, RP_ID)
  const options = await post(c, '/api/v1/account/mfa/passkeys/options')
  expect(options.status, options.text).toBe(200)
  const saved = await post(c, '/api/v1/account/mfa/passkeys', { name, response: key.register(options.json()) })
  expect(saved.status, saved.text).toBe(201)
  return { key, saved: saved.json() }
}

/** The second step (or a step-up) with a passkey: options for this session, then the assertion. */
async function proveWith(c: Client, key: SoftwareAuthenticator, faults: Parameters<SoftwareAuthenticator['assert']>[1] = {}) {
  const options = await post(c, '/api/v1/account/mfa/passkey-assertion/options')
  expect(options.status, options.text).toBe(200)
  return post(c, '/api/v1/account/mfa/passkey-assertion', { response: key.assert(options.json(), faults) })
}

/** "Inloggen met passkey": options (and the browser-binding cookie), then the assertion. */
async function signInOptions(c: Client) {
  const res = await post(c, '/login/passkey', { step: 'options' })
  expect(res.status, res.text).toBe(200)
  const setCookie = res.headers.getSetCookie().find((h) => h.startsWith('baken_passkey='))!
  return { options: res.json(), setCookie, cookie: /^baken_passkey=([^;]+)/.exec(setCookie)![1]! }
}

async function signIn(key: SoftwareAuthenticator, faults: Parameters<SoftwareAuthenticator['assert']>[1] = {}, on = server) {
  const c = new Client(on.baseUrl)
  const { options, cookie } = await signInOptions(c)
  const res = await post(c, '/login/passkey', { step: 'verify', response: key.assert(options, faults) }, { cookie: `baken_passkey=${cookie}` })
  return { c, res }
}

// Registered in the first tests, used by the later ones.
let ibKey: SoftwareAuthenticator
let teacherKey: SoftwareAuthenticator

describe('registration', () => {
  it('registers a named passkey: options for this session (discoverable, user verification), recovery codes with the first factor, listed and logged', async () => {
    const c = await signedIn('ib@branding.demo')
    const options = await post(c, '/api/v1/account/mfa/passkeys/options')
    expect(options.status).toBe(200)
    expect(options.json()).toMatchObject({
      rp: { id: RP_ID, name: 'Baken' },
      user: { name: 'ib@branding.demo' },
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      excludeCredentials: [],
    })
    ibKey = new SoftwareAuthenticator(ORIGIN, RP_ID)
    const response = ibKey.register(options.json())
    // A missing name is refused at its field, and nothing is saved.
    const unnamed = await post(c, '/api/v1/account/mfa/passkeys', { name: '  ', response })
    expect(unnamed.status).toBe(400)
    expect(unnamed.json().errors[0].path).toBe('name')
    expect((await c.get('/api/v1/account/mfa/passkeys')).json().items).toEqual([])

    const saved = await post(c, '/api/v1/account/mfa/passkeys', { name: 'Laptop', response })
    expect(saved.status, saved.text).toBe(201)
    expect(saved.json().passkey).toMatchObject({ id: ibKey.id, name: 'Laptop', deviceType: 'singleDevice', backedUp: false, lastUsedAt: null })
    expect(saved.json().recoveryCodes).toHaveLength(10)
    // The challenge answered once: the same answer again is refused.
    const replay = await post(c, '/api/v1/account/mfa/passkeys', { name: 'Nog eens', response })
    expect(replay.status).toBe(409)

    const mfa = (await c.get('/api/v1/account/mfa')).json()
    expect(mfa.passkeys.map((p: { name: string }) => p.name)).toEqual(['Laptop'])
    expect(mfa.recoveryCodesLeft).toBe(10)
    expect(mfa.secondFactorAt).not.toBeNull()
    expect(mfa.events).toContainEqual(expect.objectContaining({ kind: 'passkey_registered', detail: 'Laptop' }))
    // A next registration excludes the passkey the user has.
    const next = await post(c, '/api/v1/account/mfa/passkeys/options')
    expect(next.json().excludeCredentials).toEqual([{ id: ibKey.id, type: 'public-key', transports: ['internal'] }])
    // The account page lists it.
    const page = await c.get('/account/tweede-factor')
    expect(page.text).toContain('Laptop')
    expect(page.text).toContain('Passkey toevoegen')
    expect(page.text).toContain('passkey toegevoegd (Laptop)')
  })

  it('refuses an answer from another origin, for another RP ID, or without user verification, each spending its challenge', async () => {
    const c = await signedIn('leerkracht@branding.demo')
    for (const faults of [{ origin: 'https://baken.test.evil.example' }, { rpId: 'evil.example' }, { flags: FLAGS.UP }]) {
      const options = await post(c, '/api/v1/account/mfa/passkeys/options')
      const key = new SoftwareAuthenticator(ORIGIN, RP_ID)
      const res = await post(c, '/api/v1/account/mfa/passkeys', { name: 'Fout', response: key.register(options.json(), faults) })
      expect(res.status, JSON.stringify(faults)).toBe(400)
      expect(res.json().errors[0].path).toBe('response')
    }
    expect((await c.get('/api/v1/account/mfa/passkeys')).json().items).toEqual([])
    ;({ key: teacherKey } = await addPasskey(c, 'Telefoon'))
    expect((await c.get('/api/v1/account/mfa/passkeys')).json().items).toHaveLength(1)
  })

  it('a session that still owes its second step cannot add a passkey (a password alone plants no way in)', async () => {
    const c = await signedIn('ib@branding.demo')
    const options = await post(c, '/api/v1/account/mfa/passkeys/options')
    expect(options.status).toBe(401)
    expect(errorCode(options)).toBe('second_factor_required')
    const key = new SoftwareAuthenticator(ORIGIN, RP_ID)
    const saved = await post(c, '/api/v1/account/mfa/passkeys', { name: 'Indringer', response: key.register({ challenge: 'x', rp: {}, user: { id: 'eA' } }) })
    expect(saved.status).toBe(401)
    // Nor can a personal API token, or nobody.
    expect((await post(new Client(server.baseUrl), '/api/v1/account/mfa/passkeys/options')).status).toBe(401)
  })
})

describe('enrolment forced by the policy', () => {
  it('a user who must have a second factor may enrol with a passkey, which opens the session', async () => {
    const beheer = await signedIn('beheer@kompas.demo')
    expect((await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: ['leerkracht'] } })).status).toBe(200)
    try {
      const c = await signedIn('leerkracht2@branding.demo')
      expect(errorCode(await c.get('/api/v1/students'))).toBe('second_factor_enrolment_required')
      const page = await c.get('/account/tweede-factor')
      expect(page.status).toBe(200)
      expect(page.text).toContain('Passkey toevoegen')
      const { saved } = await addPasskey(c, 'Werklaptop')
      expect(saved.recoveryCodes).toHaveLength(10)
      expect((await c.get('/api/v1/students')).status).toBe(200)
    } finally {
      expect((await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: [] } })).status).toBe(200)
    }
  })
})

describe('the second step of a login', () => {
  it('the next login owes its second step; a passkey answering this session’s challenge opens the session', async () => {
    const c = await signedIn('ib@branding.demo')
    expect((await c.get('/api/v1/students')).status).toBe(401)
    const step = await c.get('/login/tweede-stap')
    expect(step.status).toBe(200)
    expect(step.text).toContain('Bevestigen met passkey')
    const options = await post(c, '/api/v1/account/mfa/passkey-assertion/options')
    expect(options.json()).toMatchObject({ rpId: RP_ID, userVerification: 'required', allowCredentials: [{ id: ibKey.id, type: 'public-key' }] })
    const proved = await post(c, '/api/v1/account/mfa/passkey-assertion', { response: ibKey.assert(options.json()) })
    expect(proved.status, proved.text).toBe(200)
    expect((await c.get('/api/v1/students')).status).toBe(200)
    expect((await c.get('/api/v1/account/mfa')).json().passkeys[0].lastUsedAt).not.toBeNull()
  })

  it('refuses a replayed answer, another origin, another RP ID, no user verification, a counter that went back, and another user’s passkey', async () => {
    const c = await signedIn('ib@branding.demo')
    // An answer accepted in another session, replayed: it answers that session's spent challenge.
    const other = await signedIn('ib@branding.demo')
    const options = await post(other, '/api/v1/account/mfa/passkey-assertion/options')
    const accepted = ibKey.assert(options.json())
    expect((await post(other, '/api/v1/account/mfa/passkey-assertion', { response: accepted })).status).toBe(200)
    expect((await post(other, '/api/v1/account/mfa/passkey-assertion', { response: accepted })).status).toBe(401)
    await post(c, '/api/v1/account/mfa/passkey-assertion/options')
    expect((await post(c, '/api/v1/account/mfa/passkey-assertion', { response: accepted })).status).toBe(401)
    expect((await proveWith(c, ibKey, { origin: 'https://evil.example' })).status).toBe(401)
    expect((await proveWith(c, ibKey, { rpId: 'evil.example' })).status).toBe(401)
    expect((await c.get('/api/v1/students')).status).toBe(401)
    // A right answer in between forgets this pair's failures (as a right code does), so the
    // throttle does not stop the rest of this test.
    expect((await proveWith(other, ibKey)).status).toBe(200)
    expect((await proveWith(c, ibKey, { flags: FLAGS.UP })).status).toBe(401)
    expect((await proveWith(c, ibKey, { counter: 1 })).status).toBe(401)
    const wrongUser = await proveWith(c, teacherKey)
    expect(wrongUser.status).toBe(401)
    expect(wrongUser.json().errors[0]).toMatchObject({ path: 'response', message: expect.stringContaining('passkey') })
    expect((await c.get('/api/v1/students')).status).toBe(401)
    expect((await proveWith(c, ibKey)).status).toBe(200)
    expect((await c.get('/api/v1/students')).status).toBe(200)
  })
})

describe('step-up', () => {
  it('a passkey proved just now satisfies step-up (creating an API token)', async () => {
    const c = await signedIn('ib@branding.demo')
    expect((await proveWith(c, ibKey)).status).toBe(200)
    const me = (await c.get('/api/v1/me')).json()
    const made = await c.post('/account', { intent: 'create-token', name: 'koppeling', days: '30', membershipId: me.membership?.id ?? me.memberships[0].id })
    expect(made.status).toBe(200)
    expect(made.text).toMatch(/bkn_[a-z2-7]+/)
  })

  it('a stale factor: removing a passkey asks for step-up (API 401, page to the re-verification, which offers the passkey)', async () => {
    const c = await signedIn('ib@branding.demo', strict)
    const { key } = await addPasskey(c, 'Sleutel')
    const removed = await c.request('DELETE', `/api/v1/account/mfa/passkeys/${key.id}`)
    expect(removed.status).toBe(401)
    expect(errorCode(removed)).toBe('step_up_required')
    const page = await c.request('POST', '/account/tweede-factor', {
      form: { intent: 'remove-passkey', id: key.id },
      headers: { referer: `${strict.baseUrl}/account/tweede-factor` },
    })
    expect(page.status).toBe(302)
    expect(page.location).toBe(`/login/tweede-stap?step-up=1&redirectTo=${encodeURIComponent('/account/tweede-factor')}`)
    const again = await c.get(page.location!)
    expect(again.text).toContain('Bevestig dat jij het bent')
    expect(again.text).toContain('Bevestigen met passkey')
    // Adding another passkey is a step-up too once the user has a factor.
    expect(errorCode(await post(c, '/api/v1/account/mfa/passkeys/options'))).toBe('step_up_required')
    expect((await c.get('/api/v1/account/mfa/passkeys')).json().items).toHaveLength(1)
  })
})

describe('removal', () => {
  it('removes only one’s own passkey; the last factor stays while the policy requires one', async () => {
    const beheer = await signedIn('beheer@kompas.demo')
    expect((await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: ['intern_begeleider'] } })).status).toBe(200)
    try {
      const c = await signedIn('ib@branding.demo')
      expect((await proveWith(c, ibKey)).status).toBe(200)
      const last = await c.request('DELETE', `/api/v1/account/mfa/passkeys/${ibKey.id}`)
      expect(last.status).toBe(409)
      expect(last.json().errors[0].message).toContain('laatste tweede factor')
      const lastPage = await c.post('/account/tweede-factor', { intent: 'remove-passkey', id: ibKey.id })
      expect(lastPage.status).toBe(409)
      // Another user's passkey does not exist for this user.
      expect((await c.request('DELETE', `/api/v1/account/mfa/passkeys/${teacherKey.id}`)).status).toBe(404)
      // With a second passkey the first may go; the log says which.
      const { key: spare } = await addPasskey(c, 'Reserve')
      expect((await c.request('DELETE', `/api/v1/account/mfa/passkeys/${spare.id}`)).status).toBe(204)
      const mfa = (await c.get('/api/v1/account/mfa')).json()
      expect(mfa.passkeys.map((p: { name: string }) => p.name)).toEqual(['Laptop'])
      expect(mfa.events).toContainEqual(expect.objectContaining({ kind: 'passkey_removed', detail: 'Reserve' }))
      // The removed passkey opens nothing any more.
      const fresh = await signedIn('ib@branding.demo')
      expect((await proveWith(fresh, spare)).status).toBe(401)
      expect((await signIn(spare)).res.status).toBe(401)
      expect((await proveWith(fresh, ibKey)).status).toBe(200)
    } finally {
      expect((await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: [] } })).status).toBe(200)
    }
  })
})

describe('Inloggen met passkey', () => {
  it('a discoverable passkey with user verification signs in as both factors', async () => {
    const anonymous = new Client(server.baseUrl)
    const loginPage = await anonymous.get('/login')
    expect(loginPage.text).toContain('Inloggen met passkey')
    const { options, setCookie } = await signInOptions(anonymous)
    expect(options).toMatchObject({ rpId: RP_ID, userVerification: 'required' })
    expect(options.allowCredentials ?? []).toEqual([])
    expect(setCookie).toMatch(/Path=\/login\/passkey/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    const { c, res } = await signIn(ibKey)
    expect(res.status, res.text).toBe(200)
    expect(res.json()).toEqual({ redirectTo: '/' })
    // No second step owed: the session proved its factor at the sign-in.
    expect((await c.get('/api/v1/account/mfa')).json()).toMatchObject({ pending: null, secondFactorAt: expect.any(String) })
    expect((await c.get('/api/v1/students')).status).toBe(200)
    const sessions = await c.get('/account')
    expect(sessions.status).toBe(200)
  })

  it('refuses: no binding cookie, a replayed answer, another user’s handle, an unknown passkey, another origin, no user verification', async () => {
    // Without the cookie the challenge belongs to no browser.
    const c = new Client(server.baseUrl)
    const { options, cookie } = await signInOptions(c)
    const response = ibKey.assert(options)
    expect((await post(c, '/login/passkey', { step: 'verify', response })).status).toBe(401)
    // With it, once; the same answer again (from another client with the same cookie) finds its challenge spent.
    expect((await post(c, '/login/passkey', { step: 'verify', response }, { cookie: `baken_passkey=${cookie}` })).status).toBe(200)
    const replay = await post(new Client(server.baseUrl), '/login/passkey', { step: 'verify', response }, { cookie: `baken_passkey=${cookie}` })
    expect(replay.status).toBe(401)
    expect(replay.headers.getSetCookie().some((h) => h.startsWith('baken_session='))).toBe(false)
    expect((await signIn(ibKey, { userHandle: teacherKey.userHandle! })).res.status).toBe(401)
    expect((await signIn(new SoftwareAuthenticator(ORIGIN, RP_ID))).res.status).toBe(401)
    // A right passkey in between forgets this address's failures, so the throttle stays out of the rest.
    expect((await signIn(ibKey)).res.status).toBe(200)
    expect((await signIn(ibKey, { origin: 'https://evil.example' })).res.status).toBe(401)
    const noUv = await signIn(ibKey, { flags: FLAGS.UP })
    expect(noUv.res.status).toBe(401)
    expect(noUv.res.json().errors[0].message).toContain('passkey')
    expect((await noUv.c.get('/api/v1/me')).status).toBe(401)
    // The owner still gets in.
    expect((await signIn(ibKey)).res.status).toBe(200)
  })

  it('a deactivated user cannot sign in with a passkey; their open session ends too', async () => {
    const c = await signedIn('docent@vakcollege.demo')
    const { key } = await addPasskey(c, 'Laptop')
    const id = (await c.get('/api/v1/me')).json().user.id
    const beheer = await signedIn('beheer@kompas.demo')
    expect((await beheer.request('POST', `/api/v1/admin/users/${id}/deactivate`)).status).toBe(200)
    expect((await signIn(key)).res.status).toBe(401)
    expect((await c.get('/api/v1/me')).status).toBe(401)
    expect((await beheer.request('POST', `/api/v1/admin/users/${id}/reactivate`)).status).toBe(200)
    expect((await signIn(key)).res.status).toBe(200)
  })

  it('a suspended stichting: the passkey signs in as a password would, and the membership does not act', async () => {
    const c = await signedIn('directeur@horizon.demo')
    const { key } = await addPasskey(c, 'Laptop')
    const platform = await signedIn('platform@baken.demo')
    const horizon = (await platform.get('/api/v1/platform/stichtingen')).json().items.find((s: { name: string }) => s.name === 'Stichting Horizon')
    expect((await platform.request('PATCH', `/api/v1/platform/stichtingen/${horizon.id}`, { json: { suspended: true } })).status).toBe(200)
    try {
      const { c: signed, res } = await signIn(key)
      expect(res.status).toBe(200)
      const students = await signed.get('/api/v1/students')
      expect(students.status).toBe(403)
      expect(students.json().code).toBe('tenant_suspended')
    } finally {
      expect((await platform.request('PATCH', `/api/v1/platform/stichtingen/${horizon.id}`, { json: { suspended: false } })).status).toBe(200)
    }
  })

  describe('an SSO-only stichting', () => {
    let idp: RunningOidcProvider
    afterAll(() => idp?.stop())

    it('its staff may not bypass single sign-on with a passkey (403, no session)', async () => {
      const c = await signedIn('mentor@lyceum.demo')
      const { key } = await addPasskey(c, 'Laptop')
      const client = { clientId: 'baken-passkeys', clientSecret: 'passkeys-test-client-secret-0123456789' }
      idp = await startOidcProvider({ client: { ...client, redirectUris: [`${server.baseUrl}/login/sso/callback`] }, accounts: {} })
      const beheer = await signedIn('beheer@kompas.demo')
      const sso = { displayName: 'Kompas', issuer: idp.issuer, ...client }
      const saved = await beheer.request('PUT', '/api/v1/admin/sso', { json: { ...sso, ssoOnly: true } })
      expect(saved.status, saved.text).toBe(200)
      try {
        const { res } = await signIn(key)
        expect(res.status).toBe(403)
        expect(res.json().errors[0]).toMatchObject({ code: 'sso_only', message: expect.stringContaining('Inloggen via je school') })
        expect(res.headers.getSetCookie().some((h) => h.startsWith('baken_session='))).toBe(false)
      } finally {
        expect((await beheer.request('PUT', '/api/v1/admin/sso', { json: { ...sso, ssoOnly: false } })).status).toBe(200)
      }
      expect((await signIn(key)).res.status).toBe(200)
    })
  })

  it('failed sign-ins are throttled as codes are: 429 with Retry-After, and then the right passkey waits too', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 8 && statuses.at(-1) !== 429; i++) statuses.push((await signIn(new SoftwareAuthenticator(ORIGIN, RP_ID))).res.status)
    expect(statuses[0]).toBe(401)
    expect(statuses.at(-1)).toBe(429)
    const limited = await signIn(ibKey)
    expect(limited.res.status).toBe(429)
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.res.json().errors[0].message).toContain('Te veel')
  })
})
