// The audit key of the access log's checkpoints (ADR 021): read from the environment as PEM or base64
// DER, refused when it is not Ed25519, required in production, generated per process otherwise; the
// verify key is the configured public key or derived from the private one.
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { auditSignerFromEnv, auditVerifyKeyFromEnv, checkpointMessage, generatedSigner, keyIdOf, verifySignature } from '../src/access-log-signing.ts'

const pair = generateKeyPairSync('ed25519')
const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const privateB64 = pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')
const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const message = checkpointMessage({ chainKey: '11111111-1111-4111-8111-111111111111', seq: 42, hash: 'a'.repeat(64), atText: '2026-01-01T00:00:00.000000Z' })

describe('audit signing key', () => {
  it('reads the private key as PEM or as base64 PKCS#8, and signs what the public key verifies', () => {
    for (const key of [privatePem, privateB64]) {
      const signer = auditSignerFromEnv({ BAKEN_AUDIT_SIGNING_KEY: key, BAKEN_MODE: 'production' })
      expect(signer.source).toBe('env')
      expect(signer.keyId).toBe(keyIdOf(pair.publicKey))
      expect(verifySignature(pair.publicKey, message, signer.sign(message))).toBe(true)
      expect(verifySignature(pair.publicKey, message.replace('|42', '|43').replace('\n42\n', '\n43\n'), signer.sign(message))).toBe(false)
    }
  })

  it('refuses to start in production without a key, and refuses a key that is not Ed25519', () => {
    expect(() => auditSignerFromEnv({ BAKEN_MODE: 'production' })).toThrow(/BAKEN_AUDIT_SIGNING_KEY must be set in production/)
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    expect(() => auditSignerFromEnv({ BAKEN_AUDIT_SIGNING_KEY: rsa })).toThrow(/Ed25519/)
    expect(() => auditSignerFromEnv({ BAKEN_AUDIT_SIGNING_KEY: 'geen sleutel' })).toThrow(/BAKEN_AUDIT_SIGNING_KEY/)
  })

  it('generates a key per process in demo mode', () => {
    const a = auditSignerFromEnv({})
    expect(a.source).toBe('generated')
    expect(a.keyId).not.toBe(generatedSigner().keyId)
  })

  it('the verify key is BAKEN_AUDIT_VERIFY_KEY, else derived from the signing key, else absent', () => {
    expect(keyIdOf(auditVerifyKeyFromEnv({ BAKEN_AUDIT_VERIFY_KEY: publicPem })!)).toBe(keyIdOf(pair.publicKey))
    expect(keyIdOf(auditVerifyKeyFromEnv({ BAKEN_AUDIT_SIGNING_KEY: privateB64 })!)).toBe(keyIdOf(pair.publicKey))
    expect(auditVerifyKeyFromEnv({})).toBeNull()
  })
})
