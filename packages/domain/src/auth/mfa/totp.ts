// TOTP (RFC 6238): 6 digits, 30-second steps, HMAC-SHA1 (what every authenticator app supports),
// through @oslojs/otp. A code is accepted for the current step and one step either side (clock
// drift, RFC 6238 §5.2), and only for a step later than the last one accepted, so a code seen over
// someone's shoulder cannot be used again.
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp'
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { timingSafeEqual } from 'node:crypto'

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
export const TOTP_ISSUER = 'Baken'

export function generateTotpKey(): Uint8Array {
  const key = new Uint8Array(20)
  crypto.getRandomValues(key)
  return key
}

/** The key as the authenticator app's manual entry shows it: base32, in groups of four. */
export function totpKeyText(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ')
}

/** The key back from its text (spaces and case ignored), e.g. what an app's manual entry reads. */
export function totpKeyFromText(text: string): Uint8Array {
  return decodeBase32IgnorePadding(text.replace(/\s/g, '').toUpperCase())
}

export function totpUri(key: Uint8Array, accountName: string): string {
  return createTOTPKeyURI(TOTP_ISSUER, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS)
}

export function totpStep(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS)
}

/** The code of one step (for tests and for a demo account's documented secret). */
export function totpCode(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), TOTP_DIGITS)
}

/**
 * The step the code belongs to (current ±1), or null: wrong, malformed, or of a step not after
 * `lastUsedStep` (a replay).
 */
export function matchTotp(key: Uint8Array, code: string, now: number, lastUsedStep: number | null): number | null {
  const digits = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(digits)) return null
  const current = totpStep(now)
  let matched: number | null = null
  // Every candidate is compared (constant time each), so the answer's timing says nothing of which.
  for (const step of [current - 1, current, current + 1]) {
    const ok = timingSafeEqual(Buffer.from(totpCode(key, step)), Buffer.from(digits))
    if (ok && (lastUsedStep === null || step > lastUsedStep)) matched = step
  }
  return matched
}
