// Sign-in through the stichting's OpenID Connect provider, with openid-client (v6): discovery,
// the authorization code flow with PKCE (S256), state and nonce, and the ID token validated by the
// library (signature, issuer, audience, expiry, nonce). The transaction (state, nonce, PKCE verifier)
// travels in an encrypted, HttpOnly, SameSite=Lax cookie bound to this browser (ADR 025).
// Matching a user to the provider's answer happens in the database (sso_resolve_user, 0039): a
// linked subject first, else a verified e-mail address of an active user with a membership in the
// stichting. Nothing here creates a user or a membership.
import { schema, withContext, type Database, resultRows } from '@baken/db'
import { and, eq, sql } from 'drizzle-orm'
import * as oidc from 'openid-client'
import { assertsSecondFactor } from './second-factor.ts'
import { open, seal } from '../secret-box.ts'
import { acceptInvitationBySso } from './accept-invitation-by-sso.ts'

/** How long a started sign-in may take at the provider. */
export const SSO_TRANSACTION_MS = 10 * 60 * 1000
export const SSO_SECRET_PURPOSE = 'sso-client-secret'
const TRANSACTION_PURPOSE = 'sso-login-transaction'

export type SsoRefusal =
  | 'unknown_provider'
  | 'provider_error'
  | 'denied'
  | 'state'
  | 'nonce'
  | 'expired'
  | 'unknown'
  | 'unverified'
  | 'not_member'
  | 'disabled'
  | 'other_subject'
  /** A step-up at the provider that asserted no second factor (amr/acr). */
  | 'step_up_no_factor'
  /** A step-up that came back signed in as someone other than the session's user. */
  | 'step_up_other_session'
  /** Accepting an invitation: it is used, expired or revoked meanwhile. */
  | 'invitation_closed'
  /** Accepting an invitation for an address that already has an account: sign in first. */
  | 'invitation_sign_in'
  /** Accepting an invitation: the provider vouches for another address than the invited one. */
  | 'other_email'

export interface SsoChoice {
  id: string
  displayName: string
}

interface LoginProvider {
  id: string
  stichtingId: string
  issuer: string
  clientId: string
  clientSecretEnc: string
  mfaAcrValues: string[]
  emailTrust: 'claim' | 'issuer'
}

interface Transaction {
  /** provider id */
  p: string
  s: string
  n: string
  v: string
  /** where to go afterwards (a local path, checked again by the route) */
  r: string
  /** expires at, ms */
  e: number
  /** 1: a step-up of a signed-in session (a fresh sign-in at the provider), not a new sign-in */
  u?: 1
  /** Set when the sign-in accepts an invitation: the SHA-256 of its token. */
  i?: string
}

/** How old the provider's authentication may be for a step-up (its auth_time), in seconds. */
export const SSO_STEP_UP_MAX_AGE_SECONDS = 300

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The stichtingen whose staff can sign in through their own provider, for the login page. */
export async function listSsoChoices(db: Database): Promise<SsoChoice[]> {
  return withContext(db, {}, async (tx) =>
    resultRows<{ id: string; display_name: string }>(await tx.execute(sql`select id, display_name from sso_login_choices()`)).map((r) => ({
      id: r.id,
      displayName: r.display_name,
    })),
  )
}

async function loginProvider(db: Database, id: string): Promise<LoginProvider | null> {
  if (!uuid.test(id)) return null
  return withContext(db, {}, async (tx) => {
    const [r] = resultRows<{ id: string; stichting_id: string; issuer: string; client_id: string; client_secret_enc: string; mfa_acr_values: string[] | string; email_trust: string }>(
      await tx.execute(sql`select * from sso_login_provider(${id}::uuid)`),
    )
    if (!r) return null
    return {
      id: r.id,
      stichtingId: r.stichting_id,
      issuer: r.issuer,
      clientId: r.client_id,
      clientSecretEnc: r.client_secret_enc,
      mfaAcrValues: parsePgArray(r.mfa_acr_values),
      emailTrust: r.email_trust === 'issuer' ? 'issuer' : 'claim',
    }
  })
}

// PGlite answers a text[] as an array; postgres.js through drizzle's execute may answer '{a,b}'.
function parsePgArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v
  const inner = v.replace(/^\{|\}$/g, '')
  return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : []
}

/**
 * Plain http is allowed only for a provider on this machine (the tests' and the demo's provider)
 * and never in production mode; everything else must be https.
 */
export function insecureAllowed(issuer: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const url = new URL(issuer)
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && (env.BAKEN_MODE ?? 'demo') !== 'production'
}

const configs = new Map<string, { at: number; config: Promise<oidc.Configuration> }>()
const CONFIG_TTL_MS = 10 * 60 * 1000

/** The provider's metadata by discovery (cached for ten minutes per issuer, client and secret). */
export function discover(issuer: string, clientId: string, clientSecret: string, options: { fresh?: boolean } = {}): Promise<oidc.Configuration> {
  const key = `${issuer}\n${clientId}\n${clientSecret}`
  const cached = configs.get(key)
  if (cached && !options.fresh && Date.now() - cached.at < CONFIG_TTL_MS) return cached.config
  const config = oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
    execute: insecureAllowed(issuer) ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  })
  configs.set(key, { at: Date.now(), config })
  config.catch(() => configs.delete(key))
  return config
}

export type StartResult = { ok: true; url: string; cookie: string } | { ok: false; reason: 'unknown_provider' | 'provider_error' }

/** Starts a sign-in: the provider's authorization URL and the sealed transaction for the cookie. */
export async function startSsoLogin(
  db: Database,
  key: Buffer,
  input: { providerId: string; redirectUri: string; redirectTo: string; stepUp?: boolean; invitationTokenHash?: string },
): Promise<StartResult> {
  const provider = await loginProvider(db, input.providerId)
  if (!provider) return { ok: false, reason: 'unknown_provider' }
  const secret = open(key, SSO_SECRET_PURPOSE, provider.clientSecretEnc)
  if (secret === null) return { ok: false, reason: 'provider_error' }
  let config: oidc.Configuration
  try {
    config = await discover(provider.issuer, provider.clientId, secret)
  } catch (error) {
    console.warn(`SSO: discovery of ${provider.issuer} failed: ${(error as Error).message}`)
    return { ok: false, reason: 'provider_error' }
  }
  const tx: Transaction = {
    p: provider.id,
    s: oidc.randomState(),
    n: oidc.randomNonce(),
    v: oidc.randomPKCECodeVerifier(),
    r: input.redirectTo,
    e: Date.now() + SSO_TRANSACTION_MS,
    ...(input.stepUp ? { u: 1 as const } : {}),
    ...(input.invitationTokenHash ? { i: input.invitationTokenHash } : {}),
  }
  const url = oidc.buildAuthorizationUrl(config, {
    // A step-up wants the person to authenticate at the provider now, not a remembered sign-in
    // (OpenID Connect Core 3.1.2.1: prompt=login, max_age=0 makes the provider send auth_time).
    ...(input.stepUp ? { prompt: 'login', max_age: '0' } : {}),
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(tx.v),
    code_challenge_method: 'S256',
    state: tx.s,
    nonce: tx.n,
  })
  return { ok: true, url: url.href, cookie: seal(key, TRANSACTION_PURPOSE, JSON.stringify(tx)) }
}

export type FinishResult =
  | {
      ok: true
      userId: string
      stichtingId: string
      providerId: string
      secondFactor: boolean
      stepUp: boolean
      linked: boolean
      redirectTo: string
      /** Set when the sign-in accepted an invitation: the membership to act for first. */
      acceptedMembershipId?: string | null
    }
  | { ok: false; reason: SsoRefusal; providerError?: string }

function readTransaction(key: Buffer, cookie: string | null | undefined): Transaction | null {
  if (!cookie) return null
  const plain = open(key, TRANSACTION_PURPOSE, cookie)
  if (!plain) return null
  try {
    const t = JSON.parse(plain) as Transaction
    return typeof t.p === 'string' && typeof t.s === 'string' && typeof t.n === 'string' && typeof t.v === 'string' ? t : null
  } catch {
    return null
  }
}

/**
 * Finishes a sign-in at the callback: checks the state against this browser's transaction, trades
 * the code (with the PKCE verifier) for tokens, lets the library validate the ID token and its
 * nonce, then matches the user. `callbackUrl` is the callback URL as registered, with the query the
 * provider sent.
 */
export async function finishSsoLogin(db: Database, key: Buffer, input: { cookie: string | null | undefined; callbackUrl: URL }): Promise<FinishResult> {
  const t = readTransaction(key, input.cookie)
  const params = input.callbackUrl.searchParams
  if (!t || params.get('state') !== t.s) return { ok: false, reason: 'state' }
  if (Date.now() > t.e) return { ok: false, reason: 'expired' }
  const error = params.get('error')
  if (error) return { ok: false, reason: 'denied', providerError: /^[a-z_]{1,64}$/.test(error) ? error : undefined }
  const provider = await loginProvider(db, t.p)
  if (!provider) return { ok: false, reason: 'unknown_provider' }
  const secret = open(key, SSO_SECRET_PURPOSE, provider.clientSecretEnc)
  if (secret === null) return { ok: false, reason: 'provider_error' }

  let claims: oidc.IDToken
  let accessToken: string
  let config: oidc.Configuration
  try {
    config = await discover(provider.issuer, provider.clientId, secret)
    const tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
      pkceCodeVerifier: t.v,
      expectedState: t.s,
      expectedNonce: t.n,
      idTokenExpected: true,
      // A step-up: the library refuses an auth_time older than this.
      ...(t.u ? { maxAge: SSO_STEP_UP_MAX_AGE_SECONDS } : {}),
    })
    claims = tokens.claims()!
    accessToken = tokens.access_token
  } catch (error) {
    if (isClaimMismatch(error, 'nonce')) return { ok: false, reason: 'nonce' }
    console.warn(`SSO: sign-in at ${provider.issuer} failed: ${(error as Error).message}`)
    return { ok: false, reason: 'provider_error' }
  }

  let email = typeof claims.email === 'string' ? claims.email : null
  let emailVerified = claims.email_verified === true
  let deniedVerified = claims.email_verified === false
  if (email === null) {
    // Some providers put the address only in the userinfo response.
    try {
      const info = await oidc.fetchUserInfo(config, accessToken, claims.sub)
      email = typeof info.email === 'string' ? info.email : null
      emailVerified = info.email_verified === true
      deniedVerified = info.email_verified === false
    } catch (error) {
      console.warn(`SSO: userinfo at ${provider.issuer} failed: ${(error as Error).message}`)
    }
  }

  // A provider whose directory issues the addresses (migration 0055: never a multi-tenant one)
  // vouches for them without the claim — unless it says outright that the address is unverified.
  if (email !== null && provider.emailTrust === 'issuer' && !deniedVerified) emailVerified = true
  const secondFactor = assertsSecondFactor({ amr: claims.amr, acr: claims.acr }, provider.mfaAcrValues)
  if (t.i) {
    // A new account needs a name: from the ID token, else the userinfo response (where most
    // providers put the profile).
    let name: unknown = claims.name
    if (typeof name !== 'string') {
      try {
        name = (await oidc.fetchUserInfo(config, accessToken, claims.sub)).name
      } catch (error) {
        console.warn(`SSO: userinfo at ${provider.issuer} failed: ${(error as Error).message}`)
      }
    }
    const accepted = await acceptInvitationBySso(db, { tokenHash: t.i, providerId: provider.id, subject: claims.sub, email, emailVerified, name })
    if (!accepted.ok) return accepted
    return { ok: true, userId: accepted.userId, stichtingId: provider.stichtingId, providerId: provider.id, secondFactor, stepUp: false, linked: true, redirectTo: '/', acceptedMembershipId: accepted.membershipId }
  }

  const resolved = await withContext(db, {}, async (tx) => {
    const [r] = resultRows<{ outcome: string; user_id: string | null; linked: boolean }>(
      await tx.execute(sql`select * from sso_resolve_user(${provider.id}::uuid, ${claims.sub}, ${email}, ${emailVerified})`),
    )
    return r
  })
  if (!resolved || resolved.outcome !== 'ok' || !resolved.user_id) {
    return { ok: false, reason: (resolved?.outcome ?? 'unknown') as SsoRefusal }
  }
  // A step-up counts only when the provider checked a second factor in this fresh sign-in.
  if (t.u && !secondFactor) return { ok: false, reason: 'step_up_no_factor' }
  return {
    ok: true,
    userId: resolved.user_id,
    stichtingId: provider.stichtingId,
    providerId: provider.id,
    secondFactor,
    linked: resolved.linked,
    redirectTo: t.r,
    stepUp: t.u === 1,
  }
}

/**
 * The provider a session may step up at: the one an 'sso' session came through, while it is
 * enabled. Null for other sessions (they step up with a code or a passkey).
 */
export async function ssoStepUpChoice(db: Database, session: { id: string; userId: string }): Promise<SsoChoice | null> {
  const providerId = await withContext(db, { userId: session.userId, sessionId: session.id }, async (tx) => {
    const [row] = await tx
      .select({ providerId: schema.sessions.ssoProviderId })
      .from(schema.sessions)
      .where(and(eq(schema.sessions.id, session.id), eq(schema.sessions.userId, session.userId), eq(schema.sessions.method, 'sso')))
    return row?.providerId ?? null
  })
  if (!providerId) return null
  return (await listSsoChoices(db)).find((c) => c.id === providerId) ?? null
}

function isClaimMismatch(error: unknown, claim: string): boolean {
  let e: unknown = error
  for (let depth = 0; e && depth < 4; depth++) {
    const cause = (e as { cause?: unknown }).cause
    if (cause && typeof cause === 'object' && (cause as { claim?: unknown }).claim === claim) return true
    e = cause
  }
  return false
}

/** True when the signed-in user may not use a password: all their memberships are in SSO-only stichtingen. */
export async function passwordRefusedBySsoOnly(db: Database, userId: string): Promise<boolean> {
  return withContext(db, { userId }, async (tx) => {
    const [r] = resultRows<{ refused: boolean }>(await tx.execute(sql`select sso_only_for_current_user() as refused`))
    return r?.refused === true
  })
}

/** A step-up at the provider succeeded: the session's second factor is fresh again. */
export async function recordSsoStepUp(db: Database, session: { sessionId: string; userId: string }, now = new Date()): Promise<void> {
  await withContext(db, { userId: session.userId, sessionId: session.sessionId }, (tx) =>
    tx
      .update(schema.sessions)
      .set({ secondFactorAt: now })
      .where(and(eq(schema.sessions.id, session.sessionId), eq(schema.sessions.userId, session.userId), eq(schema.sessions.method, 'sso'))),
  )
}
