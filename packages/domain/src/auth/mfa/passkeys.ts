// Passkeys (WebAuthn Level 2/3, through @simplewebauthn/server) as a second factor and as the
// sign-in itself. See ADR 029.
//
// - Every ceremony starts with a challenge the server makes and stores (webauthn_challenges, 0050):
//   single use (taken, i.e. deleted, by the one attempt that answers it, whatever the outcome),
//   valid for CHALLENGE_TTL_MS, and bound to the session that asked (registration, a second factor,
//   a step-up) or, for a sign-in before there is a session, to a random value in the asking
//   browser's cookie.
// - User verification (a PIN or biometric on the authenticator, the UV flag) is required in every
//   ceremony: a passkey then proves something the user has and something they know or are, which
//   is why a passkey sign-in counts as both factors (NIST SP 800-63B §5.1.9: a multi-factor
//   cryptographic authenticator).
// - The signature counter is stored and must grow (when the authenticator keeps one): a counter
//   that does not is a cloned authenticator or a replay, and is refused. The update is conditional
//   on the stored value, so two requests racing with one assertion cannot both pass.
// - Attempts are throttled as TOTP codes are (factor-throttle.ts).
import { applyContext, schema, withContext, type Database, type Tx, resultRows } from '@baken/db'
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server'
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { publicUrl } from '../../accounts/invitations/links.ts'
import { LOGIN_THROTTLE, type LoginThrottlePolicy } from '../login-throttle.ts'
import { countFactors, markSecondFactor, recordEvent, replaceRecoveryCodes } from './factors.ts'
import { clearFactorPair, factorThrottleWait, passkeyAddressKeys, recordFactorFailure, userFactorKeys } from './factor-throttle.ts'

/** How long a challenge answers: long enough to find a security key, short enough to be useless later. */
export const CHALLENGE_TTL_MS = 5 * 60_000
/** What the browser is told to wait for the user (WebAuthn `timeout`). */
const CEREMONY_TIMEOUT_MS = 2 * 60_000
/** Passkeys per user: enough for a phone, a laptop and two security keys, and then some. */
export const MAX_PASSKEYS = 10
/** EdDSA, ES256, RS256: what authenticators offer (COSE algorithm ids, RFC 9053). */
const ALGORITHMS = [-8, -7, -257]

export interface WebAuthnConfig {
  /** The relying party id: the site's registrable domain or host (WebAuthn §5.1.3). */
  rpId: string
  /** The origin the browser reports in clientDataJSON, e.g. https://baken.example.nl. */
  origin: string
  rpName: string
}

function isLocalhost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost')
}

/**
 * BAKEN_WEBAUTHN_ORIGIN (default: the origin of BAKEN_PUBLIC_URL, itself http://localhost:3000 by
 * default) and BAKEN_WEBAUTHN_RP_ID (default: that origin's host). The RP ID must be the origin's
 * host or a parent domain of it; browsers refuse an IP address. Production mode wants https, but
 * for localhost (a secure context for browsers too). Throws at start on a bad value.
 */
export function webauthnConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebAuthnConfig {
  const text = env.BAKEN_WEBAUTHN_ORIGIN?.trim() || publicUrl(env)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new Error(`BAKEN_WEBAUTHN_ORIGIN must be an origin such as https://baken.example.nl, not ${text}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`BAKEN_WEBAUTHN_ORIGIN must be http(s), not ${text}`)
  const rpId = (env.BAKEN_WEBAUTHN_RP_ID?.trim() || url.hostname).toLowerCase()
  if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) {
    throw new Error(`BAKEN_WEBAUTHN_RP_ID (${rpId}) must be the host of BAKEN_WEBAUTHN_ORIGIN (${url.hostname}) or a domain above it`)
  }
  if (/^[\d.]+$/.test(rpId) || rpId.includes(':')) throw new Error(`BAKEN_WEBAUTHN_RP_ID must be a domain name, not an IP address (${rpId})`)
  if ((env.BAKEN_MODE ?? 'demo') === 'production' && url.protocol !== 'https:' && !isLocalhost(url.hostname)) {
    throw new Error(`BAKEN_WEBAUTHN_ORIGIN must use https in production mode (${text})`)
  }
  return { rpId, origin: url.origin, rpName: 'Baken' }
}

/** The WebAuthn user handle: the user's id as 16 bytes (opaque, no personal data; WebAuthn §14.6.1). */
export function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replace(/-/g, ''), 'hex'))
}

function userHandleText(userId: string): string {
  return Buffer.from(userHandleOf(userId)).toString('base64url')
}

export interface PasskeyView {
  id: string
  name: string
  createdAt: Date
  lastUsedAt: Date | null
  deviceType: 'singleDevice' | 'multiDevice'
  backedUp: boolean
}

export async function listPasskeys(tx: Tx, userId: string): Promise<PasskeyView[]> {
  const w = schema.webauthnCredentials
  const rows = await tx
    .select({ id: w.id, name: w.name, createdAt: w.createdAt, lastUsedAt: w.lastUsedAt, deviceType: w.deviceType, backedUp: w.backedUp })
    .from(w)
    .where(eq(w.userId, userId))
    .orderBy(asc(w.createdAt))
  return rows.map((r) => ({ ...r, deviceType: r.deviceType === 'multiDevice' ? 'multiDevice' : 'singleDevice' }))
}

type Purpose = 'registration' | 'authentication'

/** Stores a session's challenge; an earlier one of the same purpose (and any expired one) goes. */
async function putSessionChallenge(tx: Tx, input: { userId: string; sessionId: string }, purpose: Purpose, challenge: string, now: Date) {
  const c = schema.webauthnChallenges
  await tx
    .delete(c)
    .where(and(eq(c.userId, input.userId), eq(c.sessionId, input.sessionId), or(eq(c.purpose, purpose), lt(c.expiresAt, now))))
  await tx.insert(c).values({ challenge, purpose, userId: input.userId, sessionId: input.sessionId, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS), createdAt: now })
}

/** Takes the session's challenge of that purpose: deleted now, returned only if still valid. */
async function takeSessionChallenge(tx: Tx, input: { userId: string; sessionId: string }, purpose: Purpose, now: Date): Promise<string | null> {
  const c = schema.webauthnChallenges
  const [taken] = await tx
    .delete(c)
    .where(and(eq(c.userId, input.userId), eq(c.sessionId, input.sessionId), eq(c.purpose, purpose)))
    .returning({ challenge: c.challenge, expiresAt: c.expiresAt })
  return taken && taken.expiresAt.getTime() > now.getTime() ? taken.challenge : null
}

function credentialDescriptors(rows: { id: string; transports: string[] }[]) {
  return rows.map((r) => ({ id: r.id, transports: r.transports as AuthenticatorTransport[] }))
}

export type BeginRegistrationResult =
  | { ok: true; options: PublicKeyCredentialCreationOptionsJSON }
  | { ok: false; reason: 'too_many' }

/**
 * Options for navigator.credentials.create(): a discoverable credential (so it can sign in by
 * itself), user verification required, no attestation (Baken trusts no authenticator model more
 * than another), the user's existing passkeys excluded.
 */
export async function beginPasskeyRegistration(
  tx: Tx,
  config: WebAuthnConfig,
  input: { user: { id: string; email: string; name: string }; sessionId: string; now?: Date },
): Promise<BeginRegistrationResult> {
  const now = input.now ?? new Date()
  const w = schema.webauthnCredentials
  const existing = await tx.select({ id: w.id, transports: w.transports }).from(w).where(eq(w.userId, input.user.id))
  if (existing.length >= MAX_PASSKEYS) return { ok: false, reason: 'too_many' }
  const options = await generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userName: input.user.email,
    userID: userHandleOf(input.user.id),
    userDisplayName: input.user.name,
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: credentialDescriptors(existing),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
  })
  await putSessionChallenge(tx, { userId: input.user.id, sessionId: input.sessionId }, 'registration', options.challenge, now)
  return { ok: true, options }
}

export type FinishRegistrationResult =
  | { ok: true; passkey: PasskeyView; recoveryCodes: string[] | null }
  | { ok: false; reason: 'no_challenge' | 'invalid' | 'already_registered' | 'too_many' }

/**
 * Verifies the authenticator's answer to the session's registration challenge and stores the
 * credential under the given name. The first factor of a user also brings ten recovery codes
 * (returned once). Registering counts as proving a second factor for this session, as confirming
 * an authenticator app does.
 */
export async function finishPasskeyRegistration(
  tx: Tx,
  config: WebAuthnConfig,
  input: { userId: string; sessionId: string; name: string; response: RegistrationResponseJSON; now?: Date; ip?: string | null; userAgent?: string | null },
): Promise<FinishRegistrationResult> {
  const now = input.now ?? new Date()
  const challenge = await takeSessionChallenge(tx, input, 'registration', now)
  if (!challenge) return { ok: false, reason: 'no_challenge' }
  let info
  try {
    const verified = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: config.origin,
      expectedRPID: config.rpId,
      requireUserPresence: true,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    })
    if (!verified.verified) return { ok: false, reason: 'invalid' }
    info = verified.registrationInfo
  } catch {
    // A wrong origin, RP ID, challenge, flag or format: the library says which; the caller learns only "invalid".
    return { ok: false, reason: 'invalid' }
  }
  const w = schema.webauthnCredentials
  const hadFactor = (await countFactors(tx, input.userId)) > 0
  if ((await tx.select({ id: w.id }).from(w).where(eq(w.userId, input.userId))).length >= MAX_PASSKEYS) return { ok: false, reason: 'too_many' }
  const inserted = await tx
    .insert(w)
    .values({
      id: info.credential.id,
      userId: input.userId,
      publicKey: info.credential.publicKey,
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      name: input.name,
      createdAt: now,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      aaguid: info.aaguid,
    })
    // The id is the table's key: a credential already registered (by this user or, unseen, another) is refused.
    .onConflictDoNothing()
    .returning({ id: w.id })
  if (inserted.length === 0) return { ok: false, reason: 'already_registered' }
  await recordEvent(tx, input.userId, 'passkey_registered', input, input.name)
  const unusedCodes = await tx
    .select({ id: schema.mfaRecoveryCodes.id })
    .from(schema.mfaRecoveryCodes)
    .where(and(eq(schema.mfaRecoveryCodes.userId, input.userId), isNull(schema.mfaRecoveryCodes.usedAt)))
  const recoveryCodes = !hadFactor || unusedCodes.length === 0 ? await replaceRecoveryCodes(tx, input.userId, input) : null
  await markSecondFactor(tx, input.sessionId, input.userId, now)
  const [passkey] = (await listPasskeys(tx, input.userId)).filter((p) => p.id === info.credential.id)
  return { ok: true, passkey: passkey!, recoveryCodes }
}

export type RemovePasskeyResult = { ok: true } | { ok: false; reason: 'not_found' | 'last_factor' }

/**
 * Removes one of the user's passkeys (the caller has checked a fresh second factor). When the
 * user must use a second factor, the last one stays. Another user's id is "not found". The
 * recovery codes go with the last factor.
 */
export async function removePasskey(
  tx: Tx,
  input: { userId: string; id: string; required: boolean; ip?: string | null; userAgent?: string | null },
): Promise<RemovePasskeyResult> {
  const w = schema.webauthnCredentials
  const [found] = await tx.select({ name: w.name }).from(w).where(and(eq(w.id, input.id), eq(w.userId, input.userId)))
  if (!found) return { ok: false, reason: 'not_found' }
  if (input.required && (await countFactors(tx, input.userId)) <= 1) return { ok: false, reason: 'last_factor' }
  await tx.delete(w).where(and(eq(w.id, input.id), eq(w.userId, input.userId)))
  if ((await countFactors(tx, input.userId)) === 0) await tx.delete(schema.mfaRecoveryCodes).where(eq(schema.mfaRecoveryCodes.userId, input.userId))
  await recordEvent(tx, input.userId, 'passkey_removed', input, found.name)
  return { ok: true }
}

/** Options for navigator.credentials.get() as a second factor or step-up: the user's own passkeys. */
export async function beginPasskeyAuthentication(
  tx: Tx,
  config: WebAuthnConfig,
  input: { userId: string; sessionId: string; now?: Date },
): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const w = schema.webauthnCredentials
  const existing = await tx.select({ id: w.id, transports: w.transports }).from(w).where(eq(w.userId, input.userId))
  if (existing.length === 0) return null
  const options = await generateAuthenticationOptions({
    rpID: config.rpId,
    allowCredentials: credentialDescriptors(existing),
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: 'required',
  })
  await putSessionChallenge(tx, input, 'authentication', options.challenge, input.now ?? new Date())
  return options
}

interface StoredCredential {
  id: string
  userId: string
  publicKey: Uint8Array
  counter: number
  transports: string[]
}

/**
 * Checks an assertion against a stored credential and the expected challenge, then claims the new
 * counter with a conditional update. True only when all of it holds.
 */
async function verifyAssertion(tx: Tx, config: WebAuthnConfig, credential: StoredCredential, challenge: string, response: AuthenticationResponseJSON, now: Date) {
  let info
  try {
    const verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: config.origin,
      expectedRPID: config.rpId,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports as AuthenticatorTransport[],
      },
      requireUserVerification: true,
    })
    if (!verified.verified || !verified.authenticationInfo.userVerified) return false
    info = verified.authenticationInfo
  } catch {
    // Wrong challenge, origin, RP ID, signature, flags, or a counter that did not grow.
    return false
  }
  const w = schema.webauthnCredentials
  // Claimed only if the stored counter is still below the new one (or both stay 0: no counter kept).
  const claimed = await tx
    .update(w)
    .set({ counter: info.newCounter, lastUsedAt: now, backedUp: info.credentialBackedUp })
    .where(
      and(
        eq(w.id, credential.id),
        eq(w.userId, credential.userId),
        info.newCounter === 0 ? eq(w.counter, 0) : lt(w.counter, info.newCounter),
      ),
    )
    .returning({ id: w.id })
  return claimed.length === 1
}

export type PasskeyFactorResult = { ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

/**
 * A passkey as the second step of a login or a step-up: the assertion must answer this session's
 * challenge with one of this user's own passkeys. Throttled as codes are; a match marks the
 * session as having proved a second factor now.
 */
export async function verifyPasskeySecondFactor(
  db: Database,
  config: WebAuthnConfig,
  input: { userId: string; email: string; sessionId: string; response: AuthenticationResponseJSON; ip: string; now?: Date },
  policy: LoginThrottlePolicy = LOGIN_THROTTLE,
): Promise<PasskeyFactorResult> {
  const now = input.now ?? new Date()
  const keys = userFactorKeys(input.userId, input.ip)
  return withContext(db, { userId: input.userId, sessionId: input.sessionId, loginEmail: input.email }, async (tx) => {
    const wait = await factorThrottleWait(tx, keys, now, policy)
    if (wait !== null) return { ok: false as const, reason: 'rate_limited' as const, retryAfterSeconds: wait }
    const challenge = await takeSessionChallenge(tx, input, 'authentication', now)
    const w = schema.webauthnCredentials
    // RLS shows only the user's own credentials; the user id in the where-clause says so too.
    const [credential] = await tx
      .select({ id: w.id, userId: w.userId, publicKey: w.publicKey, counter: w.counter, transports: w.transports })
      .from(w)
      .where(and(eq(w.id, String(input.response?.id ?? '')), eq(w.userId, input.userId)))
    const ok = challenge !== null && credential !== undefined && (await verifyAssertion(tx, config, credential, challenge, input.response, now))
    if (!ok) {
      await recordFactorFailure(tx, keys, now)
      return { ok: false as const, reason: 'invalid' as const }
    }
    await clearFactorPair(tx, keys, now)
    await markSecondFactor(tx, input.sessionId, input.userId, now)
    return { ok: true as const }
  })
}

/**
 * Options for a sign-in with a discoverable credential: no list of credentials (the browser offers
 * the passkeys it has for this site), user verification required. The challenge is bound to the
 * browser through `browserKey` (the SHA-256 of a random cookie value).
 */
export async function beginPasskeySignIn(db: Database, config: WebAuthnConfig, browserKey: string, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({ rpID: config.rpId, timeout: CEREMONY_TIMEOUT_MS, userVerification: 'required' })
  await withContext(db, {}, (tx) =>
    tx.execute(sql`select webauthn_put_sign_in_challenge(${options.challenge}, ${browserKey}, ${new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString()}::timestamptz)`),
  )
  return options
}

export type PasskeySignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'sso_only' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

// The login context of a passkey sign-in: login_failures open only in one (0003), and it names no
// e-mail address, so it opens no user row by address either.
const PASSKEY_LOGIN_CONTEXT = 'passkey-sign-in'

/**
 * A sign-in with a passkey alone. The assertion must answer this browser's challenge; its
 * credential must belong to an active user, whose user handle it carries; user verification and
 * a growing counter as always. A staff member whose every membership is in an SSO-only stichting
 * is refused as a password would be (ADR 025, 029). Failures are throttled per address and, once
 * the credential names a user, as that user's second-factor attempts.
 */
export async function signInWithPasskey(
  db: Database,
  config: WebAuthnConfig,
  input: { browserKey: string; response: AuthenticationResponseJSON; ip: string; now?: Date },
  policy: LoginThrottlePolicy = LOGIN_THROTTLE,
): Promise<PasskeySignInResult> {
  const now = input.now ?? new Date()
  const addressKeys = passkeyAddressKeys(input.ip)
  return withContext(db, { loginEmail: PASSKEY_LOGIN_CONTEXT }, async (tx) => {
    const addressWait = await factorThrottleWait(tx, addressKeys, now, policy)
    if (addressWait !== null) return { ok: false as const, reason: 'rate_limited' as const, retryAfterSeconds: addressWait }
    const [taken] = resultRows<{ challenge: string }>(await tx.execute(sql`select challenge from webauthn_take_sign_in_challenge(${input.browserKey})`))
    const credentialId = String(input.response?.id ?? '')
    const [found] = credentialId
      ? resultRows<{ id: string; user_id: string; public_key: Uint8Array; counter: string | number; transports: string[] }>(
          await tx.execute(sql`select id, user_id, public_key, counter, transports from webauthn_sign_in_credential(${credentialId})`),
        )
      : []
    const refuse = async (userKeys?: ReturnType<typeof userFactorKeys>) => {
      await recordFactorFailure(tx, addressKeys, now)
      if (userKeys) await recordFactorFailure(tx, userKeys, now)
      return { ok: false as const, reason: 'invalid' as const }
    }
    if (!taken || !found) return refuse()
    const userKeys = userFactorKeys(found.user_id, input.ip)
    const userWait = await factorThrottleWait(tx, userKeys, now, policy)
    if (userWait !== null) return { ok: false as const, reason: 'rate_limited' as const, retryAfterSeconds: userWait }
    // The authenticator says whose passkey it is; it must be the credential's owner (WebAuthn §7.2 step 6).
    if (input.response.response?.userHandle !== userHandleText(found.user_id)) return refuse(userKeys)
    // From here on the user's own rows: their credential's counter.
    await applyContext(tx, { userId: found.user_id, loginEmail: PASSKEY_LOGIN_CONTEXT })
    const credential = { id: found.id, userId: found.user_id, publicKey: found.public_key, counter: Number(found.counter), transports: found.transports }
    if (!(await verifyAssertion(tx, config, credential, taken.challenge, input.response, now))) return refuse(userKeys)
    // A valid passkey shows a real user at this address: its earlier failures (say, a passkey the
    // server no longer knows) stop counting against colleagues behind the same address.
    await clearFactorPair(tx, userKeys, now)
    await clearFactorPair(tx, addressKeys, now)
    const [ssoOnly] = resultRows<{ refused: boolean }>(await tx.execute(sql`select sso_only_for_current_user() as refused`))
    if (ssoOnly?.refused) return { ok: false as const, reason: 'sso_only' as const }
    return { ok: true as const, userId: found.user_id }
  })
}
