import { describe, expect, it } from 'vitest'
import { normaliseEmail } from '../src/auth/login.ts'
import { generateToken, hashToken } from '../src/auth/tokens.ts'

describe('tokens', () => {
  it('are 160 random bits in base32 and differ each time', () => {
    const a = generateToken()
    const b = generateToken()
    expect(a).toMatch(/^[a-z2-7]{32}$/)
    expect(a).not.toBe(b)
  })

  it('hash to the SHA-256 hex digest', () => {
    // SHA-256("abc") from FIPS 180-2.
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('e-mail addresses are compared trimmed and lower-cased', () => {
    expect(normaliseEmail('  Directeur@Branding.DEMO ')).toBe('directeur@branding.demo')
  })
})
