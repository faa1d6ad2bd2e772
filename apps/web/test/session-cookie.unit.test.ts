import { describe, expect, it } from 'vitest'
import { safeRedirect } from '../app/lib/http.server.ts'
import { sessionCookie } from '../app/lib/session-cookie.ts'

describe('session cookie', () => {
  const expires = new Date('2026-12-21T10:00:00Z')
  it('is HttpOnly, SameSite=Lax, path-wide and expires with the session', () => {
    const c = sessionCookie.serialize('tok', expires, false)
    expect(c).toBe('baken_session=tok; Path=/; HttpOnly; SameSite=Lax; Expires=Mon, 21 Dec 2026 10:00:00 GMT')
  })
  it('is Secure in production', () => {
    expect(sessionCookie.serialize('tok', expires, true)).toMatch(/; Secure$/)
    expect(sessionCookie.clear(true)).toMatch(/Max-Age=0; Secure$/)
  })
})

describe('safeRedirect', () => {
  it.each([
    ['/leerlingen?groupId=1', '/leerlingen?groupId=1'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    [null, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirect(input, '/')).toBe(expected)
  })
})
