// Authenticated encryption (AES-256-GCM, node:crypto) for what Baken keeps but must not show: a
// stichting's OIDC client secret and each user's TOTP key at rest (a TOTP key must be readable to
// check a code, so it cannot be hashed), and the SSO sign-in transaction in the browser's cookie.
// The key comes from BAKEN_SECRET_KEY (any random string of at least 32 characters, e.g.
// `openssl rand -base64 32`; its SHA-256 is the key). Demo mode without it uses a fixed development
// key; production mode refuses to start without it.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const DEV_KEY = 'baken-development-key: only for the demo and the tests, never in production'

export function secretKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env.BAKEN_SECRET_KEY
  if (!raw) {
    if ((env.BAKEN_MODE ?? 'demo') === 'production') throw new Error('BAKEN_SECRET_KEY is required in production mode (at least 32 random characters).')
    return createHash('sha256').update(DEV_KEY).digest()
  }
  if (raw.length < 32) throw new Error('BAKEN_SECRET_KEY must be at least 32 characters long.')
  return createHash('sha256').update(raw).digest()
}

/**
 * Encrypts `plaintext` for one purpose (the additional authenticated data): a value sealed for one
 * purpose does not open for another, so a stored secret cannot be passed off as a cookie.
 */
export function seal(key: Uint8Array, purpose: string, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(purpose))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

/** The plaintext, or null when the value was altered, sealed with another key or for another purpose. */
export function open(key: Uint8Array, purpose: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(purpose))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
