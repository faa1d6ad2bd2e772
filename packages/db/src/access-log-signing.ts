// The key that signs the access log's checkpoints (ADR 021): Ed25519 from node:crypto, held by the
// web server's environment and never by the database, so whoever can rewrite the database cannot
// re-sign a rewritten chain.
//
//   BAKEN_AUDIT_SIGNING_KEY  the private key: PEM (PKCS#8) or base64 of its PKCS#8 DER. Required in
//                            production mode (BAKEN_MODE=production); unset in demo/test a key is
//                            made per process (checkpoints then verify only with that process' key).
//   BAKEN_AUDIT_VERIFY_KEY   the public key for the verifier: PEM (SPKI) or base64 of its SPKI DER.
//                            Where unset, derived from BAKEN_AUDIT_SIGNING_KEY when that is set.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

export interface AuditSigner {
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key. */
  keyId: string
  publicKey: KeyObject
  /** Ed25519 signature of the message, base64. */
  sign(message: string): string
  /** Where the key came from, for the start-up log. */
  source: 'env' | 'generated'
}

/** The text a checkpoint's signature covers. Pure. */
export function checkpointMessage(c: { chainKey: string; seq: number; hash: string; atText: string }): string {
  return ['baken-access-log-checkpoint/1', c.chainKey, String(c.seq), c.hash, c.atText].join('\n')
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16)
}

function ed25519(key: KeyObject, name: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${name} must be an Ed25519 key, not ${key.asymmetricKeyType ?? key.type}`)
  return key
}

/** Parses a private key given as PEM or as base64 PKCS#8 DER. */
export function parseSigningKey(text: string, name = 'BAKEN_AUDIT_SIGNING_KEY'): KeyObject {
  const value = text.trim()
  try {
    const key = value.includes('-----BEGIN') ? createPrivateKey(value) : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' })
    return ed25519(key, name)
  } catch (error) {
    throw new Error(`${name} is not a readable Ed25519 private key (PEM or base64 PKCS#8): ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Parses a public key given as PEM or as base64 SPKI DER. */
export function parseVerifyKey(text: string, name = 'BAKEN_AUDIT_VERIFY_KEY'): KeyObject {
  const value = text.trim()
  try {
    const key = value.includes('-----BEGIN') ? createPublicKey(value) : createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' })
    return ed25519(key, name)
  } catch (error) {
    throw new Error(`${name} is not a readable Ed25519 public key (PEM or base64 SPKI): ${error instanceof Error ? error.message : String(error)}`)
  }
}

export function signerOf(privateKey: KeyObject, source: AuditSigner['source'] = 'env'): AuditSigner {
  const publicKey = createPublicKey(privateKey)
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    source,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  }
}

/** A fresh key pair's signer (tests, and dev without BAKEN_AUDIT_SIGNING_KEY). */
export function generatedSigner(): AuditSigner {
  return signerOf(generateKeyPairSync('ed25519').privateKey, 'generated')
}

/**
 * The signer from the environment. Throws in production mode without BAKEN_AUDIT_SIGNING_KEY (the
 * server must not start: checkpoints signed by a throwaway key prove nothing), and on a key that
 * cannot be read.
 */
export function auditSignerFromEnv(env: NodeJS.ProcessEnv = process.env): AuditSigner {
  const text = env.BAKEN_AUDIT_SIGNING_KEY?.trim()
  if (text) return signerOf(parseSigningKey(text))
  // BAKEN_MODE as appModeFromEnv reads it (not imported: the verifier's bundle stays small).
  if ((env.BAKEN_MODE ?? 'demo') === 'production') {
    throw new Error(
      'BAKEN_AUDIT_SIGNING_KEY must be set in production: the Ed25519 key that signs the access log checkpoints ' +
        '(make one with: openssl genpkey -algorithm ed25519). Keep it out of the database and its backups.',
    )
  }
  return generatedSigner()
}

/** The verifier's public key: BAKEN_AUDIT_VERIFY_KEY, else derived from BAKEN_AUDIT_SIGNING_KEY, else null. */
export function auditVerifyKeyFromEnv(env: NodeJS.ProcessEnv = process.env): KeyObject | null {
  const pub = env.BAKEN_AUDIT_VERIFY_KEY?.trim()
  if (pub) return parseVerifyKey(pub)
  const priv = env.BAKEN_AUDIT_SIGNING_KEY?.trim()
  return priv ? createPublicKey(parseSigningKey(priv)) : null
}

/** Whether the signature (base64) is the key's Ed25519 signature of the message. Pure. */
export function verifySignature(publicKey: KeyObject, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}
