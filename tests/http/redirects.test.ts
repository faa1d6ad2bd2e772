// Open-redirect guard over real HTTP: whatever target a form names (after login, after switching the
// language, after giving a break-glass reason), the Location the server sends resolves to this site.
// The check is the one a browser makes (WHATWG URL, which drops tabs and newlines and reads "\" as
// "/"), so "/\t/evil.example" counts as leaving the site although it starts with one slash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from './support/client.ts'
import { startServer, type RunningServer } from './support/server.ts'

let server: RunningServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server?.stop())

// Targets as the server receives them (the form body is decoded first, so '/\t/…' is what the review's
// `redirectTo=/%09/evil.example` arrives as), plus literal percent-escapes, which must stay a path.
const HOSTILE = [
  '/\t/evil.example',
  '/%09/evil.example',
  '/\n/evil.example',
  '/%0a/evil.example',
  '/\r\n/evil.example',
  '/\u0000/evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '//evil.example',
  '///evil.example',
  '/\t\t//evil.example',
  ' //evil.example',
  '/.//evil.example',
  '/a/..//evil.example',
  '/%2f%2fevil.example',
  '/%5cevil.example',
  'https://evil.example/',
  'http:evil.example',
  'https:/evil.example',
  '//evil.example@baken.invalid',
  'javascript:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
]

function expectOnSite(location: string | null) {
  expect(location).not.toBeNull()
  expect(new URL(location!, server.baseUrl).origin).toBe(new URL(server.baseUrl).origin)
  // Nor any character a browser would silently drop or rewrite before resolving.
  // eslint-disable-next-line no-control-regex
  expect(location).not.toMatch(/[\u0000-\u0020\u007f\\]/)
}

describe('after login', () => {
  it('goes to a local page the login form names, with its query and fragment', async () => {
    const res = await new Client(server.baseUrl).post('/login', {
      email: 'docent@vakcollege.demo',
      password: 'veilig-demo-2026',
      redirectTo: '/incidenten?status=submitted#lijst',
    })
    expect(res.status).toBe(302)
    expect(res.location).toBe('/incidenten?status=submitted#lijst')
  })

  it.each(HOSTILE)('never leaves the site for %j', async (target) => {
    const res = await new Client(server.baseUrl).post('/login', { email: 'docent@vakcollege.demo', password: 'veilig-demo-2026', redirectTo: target })
    expect(res.status).toBe(302)
    expectOnSite(res.location)
  })
})

describe('after switching the language', () => {
  it('returns to the local page it came from', async () => {
    const res = await new Client(server.baseUrl).post('/taal', { lang: 'en', redirectTo: '/login?redirectTo=%2Fincidenten' })
    expect(res.status).toBe(302)
    expect(res.location).toBe('/login?redirectTo=%2Fincidenten')
  })

  it.each(HOSTILE)('never leaves the site for %j', async (target) => {
    const res = await new Client(server.baseUrl).post('/taal', { lang: 'nl', redirectTo: target })
    expect(res.status).toBe(302)
    expectOnSite(res.location)
  })
})

describe('after a break-glass reason', () => {
  let teacher: Client
  let pupil: string
  beforeAll(async () => {
    teacher = new Client(server.baseUrl)
    await teacher.login('leerkracht@branding.demo')
    const pupils = (await teacher.get('/api/v1/students?pageSize=200')).json().items as { id: string; groupName: string | null }[]
    pupil = pupils.find((p) => p.groupName !== 'groep 6')!.id
  })

  it.each(HOSTILE)('never leaves the site for %j', async (target) => {
    const res = await teacher.post('/toegang/reden', {
      subjectType: 'student',
      subjectId: pupil,
      returnTo: target,
      reason: 'Invalbeurt in die groep deze week',
    })
    expect(res.status).toBe(302)
    expectOnSite(res.location)
    expect(res.location).toBe(`/leerlingen/${pupil}`)
  })
})
