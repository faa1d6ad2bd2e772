// Accepting an invitation through the stichting's single sign-on, against a real OpenID Connect
// provider (oidc-provider, started here) and the real server; the invitation mail goes through the
// local stand-in for Resend, where the test takes the link as the invitee would. The invitee signs
// in at the provider instead of choosing a password; only the invited address, verified by the
// stichting's own provider, is accepted, and a refusal leaves the invitation open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeResend, type FakeResend } from '../../packages/email/test/support/fake-resend.ts'
import { invitationToken } from '../support/production.ts'
import { Client } from './support/client.ts'
import { startOidcProvider, type RunningOidcProvider } from './support/oidc-provider.ts'
import { startServer, type RunningServer } from './support/server.ts'

const CLIENT = { clientId: 'baken-invite', clientSecret: 'invite-test-client-secret-long-enough' }

let server: RunningServer
let idp: RunningOidcProvider
let resend: FakeResend
let beheer: Client
let brandingId: string

interface Hop {
  status: number
  location: string | null
  text: string
  setCookies: string[]
}
async function hop(url: string, cookie = ''): Promise<Hop> {
  const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
  return { status: res.status, location: res.headers.get('location'), text: await res.text(), setCookies: res.headers.getSetCookie() }
}

beforeAll(async () => {
  resend = await startFakeResend()
  idp = await startOidcProvider({
    client: { ...CLIENT, redirectUris: ['http://127.0.0.1/placeholder'] },
    accounts: {
      nina: { name: 'Nina Bakker', email: 'nina.bakker@branding.demo', emailVerified: true, amr: ['pwd', 'mfa'] },
      anders: { name: 'Iemand Anders', email: 'anders@branding.demo', emailVerified: true, amr: ['pwd'] },
      onbevestigd: { name: 'Nina Onbevestigd', email: 'nina.bakker@branding.demo', emailVerified: false, amr: ['pwd'] },
    },
  })
  server = await startServer({ RESEND_API_KEY: resend.apiKey, RESEND_API_URL: resend.baseUrl, MAIL_FROM: 'Baken <noreply@baken.test>', MAIL_WORKER_INTERVAL_MS: '100' })
  idp.setRedirectUris([`${server.baseUrl}/login/sso/callback`])
  beheer = new Client(server.baseUrl)
  await beheer.login('beheer@kompas.demo')
  const saved = await beheer.request('PUT', '/api/v1/admin/sso', {
    json: { displayName: 'Stichting Kompas (uitnodiging)', issuer: idp.issuer, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret },
  })
  expect(saved.status, saved.text).toBe(200)
  const schools = (await beheer.get('/api/v1/admin/schools')).json<{ items: { id: string; name: string }[] }>()
  brandingId = schools.items.find((s) => s.name === 'OBS De Branding')!.id
}, 170_000)
afterAll(async () => {
  await server?.stop()
  await idp?.stop()
  await resend?.close()
})

/** Invites `email` as leerkracht at De Branding and returns the token from the mail. */
async function invite(email: string): Promise<string> {
  const since = resend.deliveries.length
  const res = await beheer.request('POST', '/api/v1/admin/invitations', { json: { email, memberships: [{ role: 'leerkracht', schoolId: brandingId }] } })
  expect(res.status, res.text).toBe(201)
  const mail = await resend.waitForMailTo(email, { since, timeoutMs: 30_000 })
  return invitationToken(mail.text!)
}

/** From the invitation page's link through the provider (as `sub`) back to Baken's callback. */
async function acceptVia(token: string, sub: string) {
  const start = await hop(`${server.baseUrl}/login/sso?uitnodiging=${token}`)
  expect(start.status, start.text).toBe(302)
  const sso = start.setCookies.find((c) => c.startsWith('baken_sso='))!.split(';')[0]!
  const jar = new Map<string, string>()
  let next = start.location!
  expect(new URL(next).origin).toBe(idp.issuer)
  for (let i = 0; i < 10; i++) {
    const url = new URL(next, idp.issuer)
    if (url.origin !== idp.issuer) break
    if (url.pathname.startsWith('/interaction/')) url.searchParams.set('login', sub)
    const res = await hop(url.href, [...jar].map(([k, v]) => `${k}=${v}`).join('; '))
    for (const c of res.setCookies) {
      const [k, ...v] = c.split(';')[0]!.split('=')
      jar.set(k!, v.join('='))
    }
    if (!res.location) throw new Error(`provider answered ${res.status}: ${res.text.slice(0, 300)}`)
    next = res.location
  }
  const res = await hop(next, sso)
  const session = res.setCookies.map((c) => /^baken_session=([^;]+)/.exec(c)?.[1]).find(Boolean) ?? null
  return { ...res, session }
}

describe('accepting an invitation through the stichting’s single sign-on', () => {
  let token: string

  it('the invitation page offers the stichting’s provider for a new address', async () => {
    token = await invite('nina.bakker@branding.demo')
    const page = await new Client(server.baseUrl).get(`/uitnodiging/${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`href="/login/sso?uitnodiging=${token}"`)
    expect(page.text).toContain('Aannemen via Stichting Kompas (uitnodiging)')
    // An address that already has an account signs in first, as before: no provider offered.
    const existing = await invite('leerkracht2@branding.demo')
    const other = await new Client(server.baseUrl).get(`/uitnodiging/${existing}`)
    expect(other.text).not.toContain('/login/sso?uitnodiging=')
  })

  it('another verified address at the provider, or an unverified one, is refused and the invitation stays open', async () => {
    const wrong = await acceptVia(token, 'anders')
    expect(wrong.status).toBe(403)
    expect(wrong.session).toBeNull()
    expect(wrong.text).toContain('ander e-mailadres dan het adres van de uitnodiging')
    const unverified = await acceptVia(token, 'onbevestigd')
    expect(unverified.status).toBe(403)
    expect(unverified.session).toBeNull()
    expect((await new Client(server.baseUrl).get(`/uitnodiging/${token}`)).status).toBe(200)
  })

  it('the invited address at the provider makes the account, signed in with the invited role and the provider’s name', async () => {
    const accepted = await acceptVia(token, 'nina')
    expect(accepted.status, accepted.text).toBe(302)
    expect(accepted.location).toBe('/')
    expect(accepted.session).toBeTruthy()
    const nina = new Client(server.baseUrl)
    nina.cookie = accepted.session
    const me = await nina.get('/api/v1/me')
    expect(me.status, me.text).toBe(200)
    expect(me.json()).toMatchObject({ user: { email: 'nina.bakker@branding.demo', name: 'Nina Bakker' }, role: 'leerkracht', organisation: { id: brandingId } })

    // Single use: the page says so, and the SSO link no longer starts a sign-in.
    const used = await new Client(server.baseUrl).get(`/uitnodiging/${token}`)
    expect(used.status).toBe(410)
    const again = await hop(`${server.baseUrl}/login/sso?uitnodiging=${token}`)
    expect(again.status).toBe(302)
    expect(again.location).toBe(`/uitnodiging/${token}`)
    // No password was chosen, so none works; the linked provider account signs in from now on.
    const byPassword = await new Client(server.baseUrl).post('/login', { email: 'nina.bakker@branding.demo', password: 'fietsbel regent zacht oranje' })
    expect(byPassword.status).not.toBe(302)

    // In the stichting's audit trail, by the invitee.
    const trail = (await beheer.get('/api/v1/admin/audit?subjectType=invitation')).json<{ items: { action: string; actorName: string }[] }>().items
    expect(trail[0]).toMatchObject({ action: 'invitation.accepted', actorName: 'Nina Bakker' })
  })

  it('an unknown token is sent back to the invitation page, which says so', async () => {
    const res = await hop(`${server.baseUrl}/login/sso?uitnodiging=onbekend`)
    expect(res.status).toBe(302)
    expect(res.location).toBe('/uitnodiging/onbekend')
  })
})
