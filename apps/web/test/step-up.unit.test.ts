// Step-up: how fresh a second factor must be, and what a gated or stale request is answered.
import { describe, expect, it } from 'vitest'
import { gateRefusal, isFresh, requireFreshSecondFactor, stepUpWindowMs } from '../app/lib/step-up.server.ts'
import type { RequestAuth } from '../app/lib/request-auth.ts'

const MINUTE = 60_000
const now = new Date('2026-12-02T10:00:00Z')

function contextWith(secondFactorAt: Date | null, surface: 'api' | 'page') {
  const auth: RequestAuth = {
    via: 'session',
    user: { id: 'u', email: 'a@b.nl', name: 'A' },
    membership: null,
    sessionId: 's',
    session: { method: 'password', secondFactorAt },
  }
  return { auth, surface, cspNonce: '', clientIp: '127.0.0.1' }
}

function thrown(fn: () => void): Response | undefined {
  try {
    fn()
  } catch (e) {
    return e as Response
  }
  return undefined
}

describe('step-up', () => {
  it('a factor proved 4:59 ago counts, one proved 5:01 ago does not, and none never does', () => {
    expect(isFresh(new Date(now.getTime() - 4 * MINUTE - 59_000), now, 5 * MINUTE)).toBe(true)
    expect(isFresh(new Date(now.getTime() - 5 * MINUTE - 1000), now, 5 * MINUTE)).toBe(false)
    expect(isFresh(null, now, 5 * MINUTE)).toBe(false)
  })

  it('the window is 5 minutes unless STEP_UP_SECONDS says otherwise; nonsense stops the start', () => {
    expect(stepUpWindowMs({})).toBe(5 * MINUTE)
    expect(stepUpWindowMs({ STEP_UP_SECONDS: '0' })).toBe(0)
    expect(() => stepUpWindowMs({ STEP_UP_SECONDS: 'vijf' })).toThrow(/STEP_UP_SECONDS/)
  })

  it('a stale factor: the API gets 401 step_up_required, a page a redirect back through the second step', async () => {
    const stale = new Date(now.getTime() - 6 * MINUTE)
    const request = new Request('http://baken.test/api/v1/shares', { method: 'POST' })
    const api = thrown(() => requireFreshSecondFactor({ via: 'session', surface: 'api' }, request, contextWith(stale, 'api') as never, now))
    expect(api?.status).toBe(401)
    expect(await api!.json()).toEqual({ errors: [{ path: '', message: expect.stringContaining('5 minuten'), code: 'step_up_required' }] })
    const page = thrown(() =>
      requireFreshSecondFactor({ via: 'session', surface: 'page' }, new Request('http://baken.test/leerlingen/1/export.pdf'), contextWith(stale, 'page') as never, now),
    )
    expect(page?.status).toBe(302)
    expect(page?.headers.get('location')).toBe('/login/tweede-stap?step-up=1&redirectTo=%2Fleerlingen%2F1%2Fexport.pdf')
    // Fresh, a token, or no factor at all (the policy asks none): no refusal.
    expect(thrown(() => requireFreshSecondFactor({ via: 'session', surface: 'api' }, request, contextWith(new Date(now.getTime() - MINUTE), 'api') as never, now))).toBeUndefined()
    expect(thrown(() => requireFreshSecondFactor({ via: 'token', surface: 'api' }, request, contextWith(stale, 'api') as never, now))).toBeUndefined()
    expect(thrown(() => requireFreshSecondFactor({ via: 'session', surface: 'api' }, request, contextWith(null, 'api') as never, now))).toBeUndefined()
  })

  it('a gated session: pages go to the step it owes, with the way back; the API says which', async () => {
    const request = new Request('http://baken.test/incidenten?status=open')
    const page = gateRefusal(request, { surface: 'page' } as never, 'second_factor_enrolment_required')
    expect(page.headers.get('location')).toBe('/account/tweede-factor?redirectTo=%2Fincidenten%3Fstatus%3Dopen')
    const api = gateRefusal(request, { surface: 'api' } as never, 'second_factor_required')
    expect(api.status).toBe(401)
    expect((await api.json()).errors[0].code).toBe('second_factor_required')
  })
})
