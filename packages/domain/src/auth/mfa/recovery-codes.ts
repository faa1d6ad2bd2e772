// Recovery codes: ten per user, each 80 random bits written as 16 base32 characters in groups of
// four. They are stored as SHA-256, not argon2: with 80 bits of entropy there is nothing to guess
// from a hash (2^80 tries), so a slow hash buys nothing, while checking a code against the user's
// ten argon2 hashes would cost ten slow verifications per attempt. Single-use.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { hashToken } from '../tokens.ts'

export const RECOVERY_CODE_COUNT = 10

export function generateRecoveryCode(): string {
  const bytes = new Uint8Array(10)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes).replace(/(.{4})(?=.)/g, '$1-')
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '')
}

export function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${normaliseRecoveryCode(code)}`)
}

/** A typed code that could be a recovery code (16 base32 characters), not a TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z2-7]{16}$/.test(normaliseRecoveryCode(code))
}
