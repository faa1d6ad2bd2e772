// The one decision "API or page" (server/request-target.ts), checked against the WHATWG URL parser
// the Remix adapter uses: whatever it accepts must mean the same path to that parser.
import { describe, expect, it } from 'vitest'
import { classifyTarget } from '../server/request-target.ts'

const at = (target: string, hostname = 'baken.example', protocol = 'https') => classifyTarget({ protocol, hostname, target })

describe('classifyTarget', () => {
  it('accepts the paths the app uses, and tells API from page', () => {
    const cases: [string, 'api' | 'page'][] = [
      ['/', 'page'],
      ['/leerlingen', 'page'],
      ['/leerlingen/', 'page'],
      ['/leerlingen.data', 'page'],
      ['/_root.data?_routes=root', 'page'],
      ['/leerlingen?_data=routes%2Fleerlingen._index', 'page'],
      ['/__manifest?p=%2Fleerlingen&p=%2Fapi%2F..%2Faccount&version=abc', 'page'],
      ['/assets/root-AbC_12.js', 'page'],
      ['/apiary', 'page'],
      ['/api', 'api'],
      ['/api/v1/students?zoek=%2e%2e%2f', 'api'],
      ['/api/v1/measures/0b9f1c1e-5f0e-4c1a-9a57-1d1c2f3e4a5b/letters/1b9f1c1e-5f0e-4c1a-9a57-1d1c2f3e4a5b.pdf', 'api'],
      ['/API/v1/me', 'api'],
      ['/leerlingen/Fran%C3%A7ois', 'page'],
    ]
    for (const [target, surface] of cases) expect(at(target), target).toEqual({ ok: true, surface, path: target.split('?')[0] })
  })

  it('refuses targets that a parser or decoder would resolve to another path', () => {
    const refused = [
      '/api/%2e%2e/account',
      '/api/%2E%2E/account',
      '/api/.%2e/account',
      '/api/%2e./account',
      '/api/%252e%252e/account',
      '/api/..\\account',
      '/api\\..\\account',
      '/api/..%5caccount',
      '/api/%2e%2e%2faccount',
      '/api/v1%2f..%2f..%2faccount',
      '/api/../account',
      '/api/./v1/me',
      '/api/..',
      '/api//v1/me',
      '//api/v1/me',
      '//evil.example/account',
      '/api/%c0%ae%c0%ae/account',
      '/api/%zz',
      '/api/%00/account',
      '/api/%09/account',
      '/api/v1/me#/../../account',
      'http://evil.example/account',
      '*',
      '',
      '/api/"x"',
      '/api/v1/m\u00e9',
    ]
    for (const target of refused) expect(at(target).ok, JSON.stringify(target)).toBe(false)
  })

  it('refuses a host or protocol that would carry part of the path', () => {
    for (const hostname of ['x/%2e%2e/account?', 'x/account', 'x\\account', 'x#', 'x?', 'a@b', 'x%2fy', '', 'x y', '127.1']) {
      expect(at('/api/v1/me', hostname).ok, hostname).toBe(false)
    }
    for (const protocol of ['http://x/%2e%2e/account?', 'ftp', 'javascript']) expect(at('/api/v1/me', 'baken.example', protocol).ok, protocol).toBe(false)
    for (const hostname of ['localhost', '127.0.0.1', '[::1]', 'baken_web', 'Baken.Example', 'baken.example.']) {
      expect(at('/api/v1/me', hostname).ok, hostname).toBe(true)
    }
  })

  it('whatever it accepts, the URL parser reads as the same path', () => {
    const alphabet = ['/', '.', '%2e', '%2f', '%5c', '%25', '\\', 'a', 'api', '%41', '..', '?', '#', '%']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < 5000; i++) {
      let target = '/'
      const n = 1 + (next() % 8)
      for (let j = 0; j < n; j++) target += alphabet[next() % alphabet.length]
      const verdict = at(target)
      if (!verdict.ok) continue
      const parsed = new URL(`https://baken.example${target}`)
      expect(parsed.pathname, target).toBe(verdict.path)
      expect(decodeURIComponent(parsed.pathname).split('/').includes('..'), target).toBe(false)
      expect(verdict.surface === 'api', target).toBe(/^\/api(\/|$)/i.test(parsed.pathname))
    }
  })
})
