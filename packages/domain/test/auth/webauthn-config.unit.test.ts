// The relying party from configuration (ADR 029): defaults, and the values that stop the start.
import { describe, expect, it } from 'vitest'
import { webauthnConfigFromEnv } from '../../src/auth/mfa/passkeys.ts'

describe('webauthnConfigFromEnv', () => {
  it('defaults to the public URL, itself http://localhost:3000 by default', () => {
    expect(webauthnConfigFromEnv({})).toEqual({ rpId: 'localhost', origin: 'http://localhost:3000', rpName: 'Baken' })
    expect(webauthnConfigFromEnv({ BAKEN_PUBLIC_URL: 'https://baken.stichting.nl/app/' })).toMatchObject({ rpId: 'baken.stichting.nl', origin: 'https://baken.stichting.nl' })
  })

  it('takes BAKEN_WEBAUTHN_ORIGIN and BAKEN_WEBAUTHN_RP_ID; the RP ID may be a domain above the origin’s host', () => {
    expect(webauthnConfigFromEnv({ BAKEN_WEBAUTHN_ORIGIN: 'https://app.baken.nl', BAKEN_WEBAUTHN_RP_ID: 'baken.nl', BAKEN_PUBLIC_URL: 'https://x.example' })).toMatchObject({
      rpId: 'baken.nl',
      origin: 'https://app.baken.nl',
    })
  })

  it('refuses an RP ID that is not the origin’s host or above it, an IP address, a non-http origin, and plain http in production', () => {
    expect(() => webauthnConfigFromEnv({ BAKEN_WEBAUTHN_ORIGIN: 'https://app.baken.nl', BAKEN_WEBAUTHN_RP_ID: 'evil.example' })).toThrow(/BAKEN_WEBAUTHN_RP_ID/)
    expect(() => webauthnConfigFromEnv({ BAKEN_WEBAUTHN_ORIGIN: 'https://app.baken.nl', BAKEN_WEBAUTHN_RP_ID: 'pbaken.nl' })).toThrow(/BAKEN_WEBAUTHN_RP_ID/)
    expect(() => webauthnConfigFromEnv({ BAKEN_WEBAUTHN_ORIGIN: 'http://127.0.0.1:3000' })).toThrow(/IP address/)
    expect(() => webauthnConfigFromEnv({ BAKEN_WEBAUTHN_ORIGIN: 'ftp://baken.nl' })).toThrow(/http/)
    expect(() => webauthnConfigFromEnv({ BAKEN_WEBAUTHN_ORIGIN: 'geen url' })).toThrow(/BAKEN_WEBAUTHN_ORIGIN/)
    expect(() => webauthnConfigFromEnv({ BAKEN_MODE: 'production', BAKEN_WEBAUTHN_ORIGIN: 'http://baken.nl' })).toThrow(/https/)
    // localhost is a secure context for browsers, also in production mode.
    expect(webauthnConfigFromEnv({ BAKEN_MODE: 'production' }).origin).toBe('http://localhost:3000')
  })
})
