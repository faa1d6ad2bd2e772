// The second wall inside Remix (app/lib/context.server.ts): a token-authenticated request reaches a
// route only when the server classified it as API and the URL Remix routed on is under /api/ too.
import type { AppLoadContext } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { requireAuth, requireSession } from '../app/lib/context.server.ts'
import type { RequestAuth, Surface } from '../app/lib/request-auth.ts'

const user = { id: '00000000-0000-4000-8000-000000000001', email: 'a@b.demo', name: 'A' }
const tokenAuth: RequestAuth = { via: 'token', user, membership: null, sessionId: null, session: null }
const sessionAuth: RequestAuth = {
  via: 'session',
  user,
  membership: null,
  sessionId: 'abc',
  session: { method: 'password', secondFactorAt: null },
}
const ctx = (auth: RequestAuth, surface: Surface): AppLoadContext => ({ auth, surface, cspNonce: 'n', clientIp: '127.0.0.1' })

async function refusal(fn: () => unknown): Promise<number | 'passed'> {
  try {
    fn()
    return 'passed'
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status
    throw thrown
  }
}

describe('a token inside Remix', () => {
  it('passes on the API when server and router agree', async () => {
    expect(await refusal(() => requireAuth(new Request('http://x/api/v1/me'), ctx(tokenAuth, 'api')))).toBe('passed')
  })

  it('is refused when either says page', async () => {
    expect(await refusal(() => requireAuth(new Request('http://x/account'), ctx(tokenAuth, 'api')))).toBe(403)
    expect(await refusal(() => requireAuth(new Request('http://x/api/v1/me'), ctx(tokenAuth, 'page')))).toBe(403)
    expect(await refusal(() => requireAuth(new Request('http://x/account'), ctx(tokenAuth, 'page')))).toBe(403)
  })

  it('never counts as a session for credential management', async () => {
    expect(await refusal(() => requireSession(new Request('http://x/api/v1/me'), ctx(tokenAuth, 'api')))).toBe(403)
    expect(await refusal(() => requireSession(new Request('http://x/account'), ctx(sessionAuth, 'page')))).toBe('passed')
  })
})
