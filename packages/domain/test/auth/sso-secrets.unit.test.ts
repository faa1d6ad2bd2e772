// The SSO building blocks without a network: sealing secrets and the sign-in cookie, the key from
// the environment, and when an identity provider's answer counts as a second factor.
import { describe, expect, it } from 'vitest'
import { assertsSecondFactor } from '../../src/auth/sso/second-factor.ts'
import { open, seal, secretKeyFromEnv } from '../../src/auth/secret-box.ts'
import { insecureAllowed } from '../../src/auth/sso/flow.ts'

describe('secret box', () => {
  const key = secretKeyFromEnv({ BAKEN_SECRET_KEY: 'k'.repeat(40) })

  it('opens what it sealed, and never shows the plaintext', () => {
    const sealed = seal(key, 'sso-client-secret', 'geheim-123')
    expect(sealed).not.toContain('geheim')
    expect(open(key, 'sso-client-secret', sealed)).toBe('geheim-123')
    // A fresh IV each time.
    expect(seal(key, 'sso-client-secret', 'geheim-123')).not.toBe(sealed)
  })

  it('refuses another purpose, another key and any altered byte', () => {
    const sealed = seal(key, 'sso-client-secret', 'geheim-123')
    expect(open(key, 'sso-login-transaction', sealed)).toBeNull()
    expect(open(secretKeyFromEnv({ BAKEN_SECRET_KEY: 'x'.repeat(40) }), 'sso-client-secret', sealed)).toBeNull()
    const [v, iv, tag, body] = sealed.split('.')
    // The first character: all six of its bits are ciphertext (the last one's low bits may be
    // base64 padding, which decodes to the same bytes — the test then failed by chance).
    const flipped = (body!.startsWith('A') ? 'B' : 'A') + body!.slice(1)
    expect(open(key, 'sso-client-secret', [v, iv, tag, flipped].join('.'))).toBeNull()
    expect(open(key, 'sso-client-secret', 'v1.garbage')).toBeNull()
  })

  it('has a development key in demo mode, and refuses production without a key or with a short one', () => {
    expect(secretKeyFromEnv({}).length).toBe(32)
    expect(() => secretKeyFromEnv({ BAKEN_MODE: 'production' })).toThrow(/BAKEN_SECRET_KEY is required/)
    expect(() => secretKeyFromEnv({ BAKEN_MODE: 'production', BAKEN_SECRET_KEY: 'kort' })).toThrow(/at least 32/)
  })

  it('allows plain http only for a provider on this machine outside production', () => {
    expect(insecureAllowed('http://127.0.0.1:4010', { BAKEN_MODE: 'demo' })).toBe(true)
    expect(insecureAllowed('http://127.0.0.1:4010', { BAKEN_MODE: 'production' })).toBe(false)
    expect(insecureAllowed('http://idp.example.nl', { BAKEN_MODE: 'demo' })).toBe(false)
    expect(insecureAllowed('https://login.microsoftonline.com/x/v2.0', { BAKEN_MODE: 'demo' })).toBe(false)
  })
})

describe('a second factor asserted by the provider', () => {
  it('counts amr values beyond a password (RFC 8176)', () => {
    expect(assertsSecondFactor({ amr: ['pwd', 'mfa'] }, [])).toBe(true)
    expect(assertsSecondFactor({ amr: ['hwk'] }, [])).toBe(true)
    expect(assertsSecondFactor({ amr: ['pwd', 'otp'] }, [])).toBe(true)
  })

  it('does not count a password, a PIN, a missing or malformed amr', () => {
    expect(assertsSecondFactor({ amr: ['pwd'] }, [])).toBe(false)
    expect(assertsSecondFactor({ amr: ['pin', 'kba'] }, [])).toBe(false)
    expect(assertsSecondFactor({}, [])).toBe(false)
    expect(assertsSecondFactor({ amr: 'mfa' }, [])).toBe(false)
  })

  it('counts an acr value only when the stichting listed it', () => {
    const entra = 'http://schemas.microsoft.com/claims/multipleauthn'
    expect(assertsSecondFactor({ acr: entra }, [entra])).toBe(true)
    expect(assertsSecondFactor({ acr: entra }, [])).toBe(false)
    expect(assertsSecondFactor({ acr: '1' }, [entra])).toBe(false)
  })
})
