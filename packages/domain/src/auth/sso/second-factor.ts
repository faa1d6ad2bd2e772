// Whether an identity provider asserted that the sign-in used more than a password. Only then does
// the session count as having proved a second factor; otherwise Baken asks its own.

/**
 * Authentication method references (RFC 8176 §2) that mean a factor beyond a password: multiple
 * factors or channels, a one-time code, a hardware or software key, or a biometric.
 */
export const MFA_AMR_VALUES = ['mfa', 'mca', 'otp', 'sms', 'tel', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm'] as const

export function assertsSecondFactor(claims: { amr?: unknown; acr?: unknown }, mfaAcrValues: readonly string[]): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : []
  if (amr.some((v) => (MFA_AMR_VALUES as readonly string[]).includes(v))) return true
  return typeof claims.acr === 'string' && mfaAcrValues.includes(claims.acr)
}
