// Second factors through the real server: enrolment, the second step of the login (TOTP code,
// recovery code), every refusal (missing factor on a page and on the API, wrong code, replayed
// code, recovery code used twice, throttled codes, enrolment forced by the stichting's policy) and
// step-up (a factor older than the window is refused; a personal API token is exempt).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { totpCode, totpKeyFromText, totpStep } from '../../packages/domain/src/auth/mfa/totp.ts'
import { schoolYearOf } from '../../packages/domain/src/dates.ts'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
/** The same server with a step-up window of 0 seconds: every earlier proof is stale. */
let strict: RunningServer
beforeAll(async () => {
  ;[server, strict] = await Promise.all([startServer(), startServer({ STEP_UP_SECONDS: '0' })])
})
afterAll(async () => {
  await Promise.all([server?.stop(), strict?.stop()])
})

const step = () => totpStep(Date.now())

/** Sets up the authenticator app of a signed-in client; returns its key and the recovery codes. */
async function enrol(c: Client) {
  const begun = await c.post('/account/tweede-factor', { intent: 'begin' })
  expect(begun.status).toBe(302)
  const page = await c.get('/account/tweede-factor')
  expect(page.status).toBe(200)
  expect(page.text).toContain('<svg')
  const keyText = /data-testid="totp-key">([A-Z2-7 ]+)</.exec(page.text)?.[1]
  expect(keyText).toBeDefined()
  const key = totpKeyFromText(keyText!)
  const confirmed = await c.post('/account/tweede-factor', { intent: 'confirm', code: totpCode(key, step()), redirectTo: '/' })
  expect(confirmed.status).toBe(200)
  const codes = [...confirmed.text.matchAll(/<code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code>/g)].map((m) => m[1]!)
  expect(codes).toHaveLength(10)
  return { key, codes }
}

const errorCode = (res: { json(): { errors: { code?: string }[] } }) => res.json().errors[0]?.code

describe('the second step of the login', () => {
  const email = 'directeur@branding.demo'
  let key: Uint8Array
  let codes: string[]

  beforeAll(async () => {
    const c = new Client(server.baseUrl)
    await c.login(email)
    ;({ key, codes } = await enrol(c))
  })

  it('until the second factor is given, pages redirect to the second step and the API answers 401', async () => {
    const c = new Client(server.baseUrl)
    await c.login(email)
    const home = await c.get('/leerlingen?pageSize=5')
    expect(home.status).toBe(302)
    expect(home.location).toBe(`/login/tweede-stap?redirectTo=${encodeURIComponent('/leerlingen?pageSize=5')}`)
    const api = await c.get('/api/v1/students')
    expect(api.status).toBe(401)
    expect(api.json().errors[0]).toMatchObject({ path: '', code: 'second_factor_required', message: expect.stringContaining('tweede factor') })
    // The second step itself, and what the session owes, are reachable.
    expect((await c.get('/login/tweede-stap')).status).toBe(200)
    expect((await c.get('/api/v1/account/mfa')).json()).toMatchObject({ pending: 'second_factor_required', secondFactorAt: null })
    // A write is refused the same way, and nothing is done.
    expect((await c.request('POST', '/api/v1/incidents', { json: {} })).status).toBe(401)
  })

  it('a wrong code is refused; a code used before (at enrolment) is refused as a replay; the next one opens the session', async () => {
    const c = new Client(server.baseUrl)
    await c.login(email)
    const wrong = await c.post('/login/tweede-stap', { code: '12345', redirectTo: '/leerlingen' })
    expect(wrong.status).toBe(401)
    expect(wrong.text).toContain('Deze code klopt niet')
    // The enrolment used the code of its step; that step (and any before it) is spent.
    const replay = await c.post('/login/tweede-stap', { code: totpCode(key, step() - 1), redirectTo: '/leerlingen' })
    expect(replay.status).toBe(401)
    expect((await c.get('/api/v1/students')).status).toBe(401)
    const next = await c.post('/login/tweede-stap', { code: totpCode(key, step() + 1), redirectTo: '/leerlingen' })
    expect(next.status).toBe(302)
    expect(next.location).toBe('/leerlingen')
    expect((await c.get('/api/v1/students')).status).toBe(200)
    expect((await c.get('/leerlingen')).status).toBe(200)
    // The same code in another session: a replay.
    const other = new Client(server.baseUrl)
    await other.login(email)
    expect((await other.post('/login/tweede-stap', { code: totpCode(key, step() + 1) })).status).toBe(401)
  })

  it('a recovery code works once', async () => {
    const c = new Client(server.baseUrl)
    await c.login(email)
    const used = await c.post('/login/tweede-stap', { code: codes[0]!, redirectTo: '/' })
    expect(used.status).toBe(302)
    expect((await c.get('/api/v1/account/mfa')).json()).toMatchObject({ pending: null, recoveryCodesLeft: 9 })
    const again = new Client(server.baseUrl)
    await again.login(email)
    expect((await again.post('/login/tweede-stap', { code: codes[0]! })).status).toBe(401)
    expect((await again.get('/api/v1/students')).status).toBe(401)
  })

  it('codes are throttled like passwords: after 5 wrong codes, even the right one waits (429, Retry-After)', async () => {
    const c = new Client(server.baseUrl)
    await c.login(email)
    // Earlier wrong codes in this file count too (a right code clears them), so count to the refusal.
    const statuses: number[] = []
    for (let i = 0; i < 6 && statuses.at(-1) !== 429; i++) {
      const wrong = [-1, 0, 1].map((k) => totpCode(key, step() + k)).includes(`99999${i}`) ? '000001' : `99999${i}`
      statuses.push((await c.post('/login/tweede-stap', { code: wrong })).status)
    }
    expect(statuses[0]).toBe(401)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5)
    const limited = await c.post('/login/tweede-stap', { code: codes[1]! })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.text).toContain('Te veel onjuiste codes')
    // The refused attempt did not spend the recovery code: it still works once the wait is over,
    // which another session from the same address cannot skip either.
    expect((await c.get('/api/v1/account/mfa')).json().recoveryCodesLeft).toBe(9)
  })
})

describe('the stichting’s policy', () => {
  it('the stichtingbeheerder reads and sets it; bad roles are refused; a required user without a factor must enrol first', async () => {
    const beheer = new Client(server.baseUrl)
    await beheer.login('beheer@kompas.demo')
    expect((await beheer.get('/api/v1/stichting/mfa-policy')).json()).toMatchObject({ requiredRoles: [], isDefault: false })
    const bad = await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: ['koning'] } })
    expect(bad.status).toBe(400)
    expect(bad.json().errors[0].path).toBe('requiredRoles')
    const platform = await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: ['platform_beheerder'] } })
    expect(platform.status).toBe(400)
    const director = new Client(server.baseUrl)
    await director.login('directeur@branding.demo')
    expect((await director.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: [] } })).status).toBe(401) // owes its second step
    const teacher0 = new Client(server.baseUrl)
    await teacher0.login('leerkracht2@branding.demo')
    expect((await teacher0.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: [] } })).status).toBe(403)

    const set = await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: ['leerkracht'] } })
    expect(set.status).toBe(200)
    expect(set.json()).toMatchObject({ requiredRoles: ['leerkracht'], isDefault: false })

    const teacher = new Client(server.baseUrl)
    await teacher.login('leerkracht@branding.demo')
    const page = await teacher.get('/incidenten')
    expect(page.status).toBe(302)
    expect(page.location).toBe(`/account/tweede-factor?redirectTo=${encodeURIComponent('/incidenten')}`)
    const api = await teacher.get('/api/v1/students')
    expect(api.status).toBe(401)
    expect(errorCode(api)).toBe('second_factor_enrolment_required')
    // The second step is not the way out: it sends to enrolment.
    expect((await teacher.get('/login/tweede-stap')).location).toMatch(/^\/account\/tweede-factor/)
    await enrol(teacher)
    expect((await teacher.get('/api/v1/students')).status).toBe(200)
    // The beheerder's own role is not listed: she goes on without one.
    expect((await beheer.get('/api/v1/stichting/mfa-policy')).status).toBe(200)
    // The page shows the choice.
    const settings = await beheer.get('/beheer/tweede-factor')
    expect(settings.status).toBe(200)
    expect(settings.text).toMatch(/value="leerkracht"[^>]*checked|checked[^>]*value="leerkracht"/)
    // Back to the demo's choice for the other tests in this file.
    expect((await beheer.request('PUT', '/api/v1/stichting/mfa-policy', { json: { requiredRoles: [] } })).status).toBe(200)
  })
})

describe('step-up', () => {
  it('right after the second step, creating an API token works', async () => {
    const c = new Client(server.baseUrl)
    await c.login('ib@branding.demo')
    await enrol(c)
    const me = (await c.get('/api/v1/me')).json()
    const made = await c.post('/account', { intent: 'create-token', name: 'koppeling', days: '30', membershipId: me.membership?.id ?? me.memberships[0].id })
    expect(made.status).toBe(200)
    expect(made.text).toMatch(/bkn_[a-z2-7]+/)
  })

  it('a factor older than the window is refused: the API with 401 step_up_required, pages by the re-verification that returns to them; tokens are exempt', async () => {
    const c = new Client(strict.baseUrl)
    await c.login('directeur@branding.demo')
    const me = (await c.get('/api/v1/me')).json()
    const membershipId = me.membership?.id ?? me.memberships[0].id
    // A token made before the user had a second factor (nothing to step up to then).
    const made = await c.post('/account', { intent: 'create-token', name: 'export', days: '30', membershipId })
    const token = /bkn_[a-z2-7]+/.exec(made.text)?.[0]
    expect(token).toBeDefined()
    await enrol(c)
    const pupil = (await c.get('/api/v1/students?pageSize=1')).json().items[0]
    const exported = await c.get(`/api/v1/students/${pupil.id}/export`)
    expect(exported.status).toBe(401)
    expect(exported.json().errors[0]).toMatchObject({ path: '', code: 'step_up_required' })
    const share = await c.request('POST', '/api/v1/shares', { json: {} })
    expect(share.status).toBe(401)
    expect(errorCode(share)).toBe('step_up_required')
    // Granting, changing and ending access: role changes, invitations, deactivation.
    for (const [method, path] of [
      ['PATCH', `/api/v1/admin/memberships/${membershipId}`],
      ['DELETE', `/api/v1/admin/memberships/${membershipId}`],
      ['POST', '/api/v1/admin/invitations'],
      ['POST', `/api/v1/admin/users/${me.user.id}/deactivate`],
    ] as const) {
      const res = await c.request(method, path, method === 'DELETE' || path.endsWith('/deactivate') ? {} : { json: {} })
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(errorCode(res), `${method} ${path}`).toBe('step_up_required')
    }
    const rolePage = await c.request('POST', '/beheer/gebruikers', { form: { intent: 'role', id: membershipId, role: 'leerkracht' }, headers: { referer: `${strict.baseUrl}/beheer/gebruikers` } })
    expect(rolePage.status).toBe(302)
    expect(rolePage.location).toBe(`/login/tweede-stap?step-up=1&redirectTo=${encodeURIComponent('/beheer/gebruikers')}`)
    // The overview's download link re-verifies and comes back, instead of downloading a 401 as a file.
    const overviewFile = `/overzicht/export?schooljaar=${encodeURIComponent(schoolYearOf(new Date()))}&format=csv`
    const stale = await c.get(overviewFile)
    expect(stale.status).toBe(302)
    expect(stale.location).toBe(`/login/tweede-stap?step-up=1&redirectTo=${encodeURIComponent(overviewFile)}`)
    const pdf = await c.get(`/leerlingen/${pupil.id}/export.pdf`)
    expect(pdf.status).toBe(302)
    expect(pdf.location).toBe(`/login/tweede-stap?step-up=1&redirectTo=${encodeURIComponent(`/leerlingen/${pupil.id}/export.pdf`)}`)
    const tokenPost = await c.request('POST', '/account', { form: { intent: 'create-token', name: 'nog een', days: '30' }, headers: { referer: `${strict.baseUrl}/account` } })
    expect(tokenPost.status).toBe(302)
    expect(tokenPost.location).toBe(`/login/tweede-stap?step-up=1&redirectTo=${encodeURIComponent('/account')}`)
    // The re-verification page asks for the factor again.
    const again = await c.get(tokenPost.location!)
    expect(again.status).toBe(200)
    expect(again.text).toContain('Bevestig dat jij het bent')
    // Managing the factor itself asks for step-up too; nothing changes meanwhile.
    for (const intent of ['regenerate', 'remove']) {
      const res = await c.request('POST', '/account/tweede-factor', { form: { intent }, headers: { referer: `${strict.baseUrl}/account/tweede-factor` } })
      expect(res.status, intent).toBe(302)
      expect(res.location).toBe(`/login/tweede-stap?step-up=1&redirectTo=${encodeURIComponent('/account/tweede-factor')}`)
    }
    expect((await c.get('/api/v1/account/mfa')).json()).toMatchObject({ recoveryCodesLeft: 10, totp: { confirmedAt: expect.any(String) } })
    // Reading without exporting is not a step-up.
    expect((await c.get('/api/v1/students?pageSize=1')).status).toBe(200)
    // The token is exempt.
    const byToken = await new Client(strict.baseUrl, { bearer: token! }).get(`/api/v1/students/${pupil.id}/export`)
    expect(byToken.status).toBe(200)
  })
})
