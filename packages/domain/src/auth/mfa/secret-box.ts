// Encryption at rest for second-factor secrets (a TOTP key must be readable to check a code, so it
// cannot be hashed): AES-256-GCM with a key derived from BAKEN_SECRET_KEY. A database dump alone
// then does not hand out anyone's codes (Normenkader IBP: secrets encrypted at rest).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding'

/** The development default; production refuses to start with it (secretKeyFromEnv). */
export const DEV_SECRET_KEY = 'baken-dev-secret-key-not-for-production'

/**
 * The key from BAKEN_SECRET_KEY (any string of at least 32 characters; SHA-256 makes it 32 bytes).
 * Unset: the development default, except in production mode, where it must be set.
 */
export function secretKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const value = env.BAKEN_SECRET_KEY?.trim()
  if (!value) {
    if ((env.BAKEN_MODE ?? 'demo') === 'production') throw new Error('BAKEN_SECRET_KEY must be set in production (at least 32 characters)')
    return createHash('sha256').update(DEV_SECRET_KEY).digest()
  }
  if (value.length < 32) throw new Error('BAKEN_SECRET_KEY must be at least 32 characters long')
  return createHash('sha256').update(value).digest()
}

/** iv (12 bytes) ‖ ciphertext ‖ tag (16 bytes), base64url. */
export function seal(key: Uint8Array, plain: Uint8Array): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return encodeBase64urlNoPadding(Buffer.concat([iv, body, cipher.getAuthTag()]))
}

/** Throws when the text was not sealed with this key or was changed. */
export function open(key: Uint8Array, sealed: string): Uint8Array {
  const bytes = decodeBase64urlIgnorePadding(sealed)
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(bytes.length - 16))
  return new Uint8Array(Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]))
}
