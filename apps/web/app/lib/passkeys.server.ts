// What the passkey routes share (ADR 029): the relying party from configuration (read once at
// start, so a bad BAKEN_WEBAUTHN_ORIGIN / BAKEN_WEBAUTHN_RP_ID stops the server), the cookie that
// binds a sign-in challenge to the browser that asked for it, and the parsing of a browser's
// WebAuthn answer.
import { generateToken, hashToken, webauthnConfigFromEnv } from '@baken/domain'
import { z } from 'zod'
import { secureCookies } from './session-cookie.ts'

export const webauthnConfig = webauthnConfigFromEnv()

const SIGN_IN_COOKIE = 'baken_passkey'
const SIGN_IN_PATH = '/login/passkey'

/**
 * A fresh random value for this browser's sign-in attempt: the cookie carries it (HttpOnly,
 * SameSite=Strict, only for /login/passkey, 5 minutes), the database only its SHA-256.
 */
export function newSignInBinding(): { browserKey: string; setCookie: string } {
  const value = generateToken()
  const setCookie = [`${SIGN_IN_COOKIE}=${value}`, `Path=${SIGN_IN_PATH}`, 'HttpOnly', 'SameSite=Strict', 'Max-Age=300', secureCookies() ? 'Secure' : null]
    .filter(Boolean)
    .join('; ')
  return { browserKey: hashToken(`passkey-sign-in:${value}`), setCookie }
}

/** The browser key of this request's sign-in cookie, or null without one. */
export function signInBindingOf(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === SIGN_IN_COOKIE && v.join('=')) return hashToken(`passkey-sign-in:${v.join('=')}`)
  }
  return null
}

/** Clears the sign-in cookie: its challenge is spent once answered. */
export function clearSignInBinding(): string {
  return [`${SIGN_IN_COOKIE}=`, `Path=${SIGN_IN_PATH}`, 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', secureCookies() ? 'Secure' : null].filter(Boolean).join('; ')
}

const b64url = z.string().max(8192).regex(/^[A-Za-z0-9_-]*$/, 'Geen base64url')

/** A PublicKeyCredential as @simplewebauthn/browser's startRegistration() returns it, as JSON. */
export const registrationResponse = z.looseObject({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
})

/** A PublicKeyCredential as startAuthentication() returns it, as JSON. */
export const authenticationResponse = z.looseObject({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal('public-key'),
  response: z.looseObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.string().max(32).optional(),
})

export const passkeyName = z
  .string({ message: 'Geef de passkey een naam.' })
  .trim()
  .min(1, 'Geef de passkey een naam, bijvoorbeeld "Laptop" of "Telefoon".')
  .max(60, 'Een naam is hooguit 60 tekens.')

export const PASSKEY_MESSAGES = {
  noChallenge: 'Deze poging is verlopen of al gebruikt. Begin opnieuw.',
  invalid: 'De passkey kon niet worden gecontroleerd. Probeer het opnieuw.',
  alreadyRegistered: 'Deze passkey is al geregistreerd.',
  tooMany: 'Je hebt het maximale aantal passkeys (10). Verwijder er eerst een.',
  lastFactor: 'Je organisatie vraagt een tweede factor voor jouw rol: je kunt je laatste tweede factor niet verwijderen.',
  notFound: 'Deze passkey bestaat niet (meer).',
} as const
