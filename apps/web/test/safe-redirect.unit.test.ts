// The open-redirect guard, property-tested: whatever string a form sends, the result resolves to the
// site it was served from, as a browser (WHATWG URL) resolves a Location header.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localTarget, safeRedirect } from '../app/lib/http.server.ts'

// The characters that make URLs misbehave: separators, dot segments, escapes, whitespace a browser
// drops, look-alikes, and scheme and authority punctuation.
const tricky = fc.constantFrom(
  '/', '\\', '.', '%', '2', 'e', 'f', 'F', '5', 'c', '0', '9', 'a', '@', ':', '?', '#', ';', '&', '=',
  '\t', '\n', '\r', ' ', '\u0000', '\u007f', '\u00a0', '\u2028', '\u3000', '\uff0f', '\u2215', 'ｅ',
  'evil.example', 'http', 'https', 'javascript', '//', '%2f', '%5c', '%09', '%0a', '..', '%2e',
)
const hostileString = fc.oneof(fc.string({ unit: tricky, maxLength: 24 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.webUrl())

// Where the site may be served from; the guard must hold for any of them.
const origins = ['http://127.0.0.1:3000', 'https://baken.example.nl', 'https://school.example:8443']

describe('safeRedirect', () => {
  it('never yields a Location that a browser resolves to another origin', () => {
    fc.assert(
      fc.property(hostileString, fc.constantFrom(...origins), (to, origin) => {
        const location = safeRedirect(to, '/')
        expect(new URL(location, origin).origin).toBe(origin)
        expect(location.startsWith('/')).toBe(true)
        expect(location.startsWith('//')).toBe(false)
        // eslint-disable-next-line no-control-regex
        expect(location).not.toMatch(/[\u0000-\u0020\u007f\\]/)
      }),
      { numRuns: 5000 },
    )
  })

  it('is idempotent: a result passed through again stays the same', () => {
    fc.assert(
      fc.property(hostileString, (to) => {
        const once = safeRedirect(to, '/')
        expect(safeRedirect(once, '/')).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })

  it('keeps our own paths, with query and fragment, exactly', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/)
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/${s.join('/')}`)
    const query = fc.option(fc.stringMatching(/^[a-z]{1,6}=[a-z0-9]{0,6}$/), { nil: undefined })
    const hash = fc.option(fc.stringMatching(/^[a-z-]{1,8}$/), { nil: undefined })
    fc.assert(
      fc.property(path, query, hash, (p, q, h) => {
        const target = `${p}${q ? `?${q}` : ''}${h ? `#${h}` : ''}`
        expect(safeRedirect(target)).toBe(target)
      }),
    )
  })

  it('refuses the known tricks, falling back', () => {
    for (const bad of [
      '/\t/evil.example', '/\n/evil.example', '/\\evil.example', '\\\\evil.example', '//evil.example', '///evil.example',
      '/.//evil.example', '/a/..//evil.example', '/%2e%2e//evil.example', 'https://evil.example', 'javascript:alert(1)',
      ' /', '', 'incidenten', `/${'a'.repeat(3000)}`, null, undefined,
    ]) {
      expect(safeRedirect(bad, '/terug')).toBe('/terug')
      expect(localTarget(bad)).toBeNull()
    }
    // Escapes stay escapes: a path, never a host.
    expect(safeRedirect('/%2f%2fevil.example')).toBe('/%2f%2fevil.example')
    expect(safeRedirect('/%09/evil.example')).toBe('/%09/evil.example')
    expect(safeRedirect('/a/../incidenten')).toBe('/incidenten')
  })
})
