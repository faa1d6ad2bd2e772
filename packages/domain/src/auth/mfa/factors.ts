// The second factor of one user: TOTP enrolment, recovery codes, the check at the second step of a
// login (and at a step-up), and what the gate asks per request. See ADR 024.
import { applyContext, schema, withContext, type Database, type Tx, resultRows } from '@baken/db'
import { enqueueMail } from '@baken/email'
import { and, count, desc, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm'
import { LOGIN_THROTTLE, type LoginThrottlePolicy } from '../login-throttle.ts'
import { clearFactorPair, factorThrottleWait, recordFactorFailure, userFactorKeys } from './factor-throttle.ts'
import { generateRecoveryCode, hashRecoveryCode, looksLikeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.ts'
import { open, seal } from '../secret-box.ts'
import { listPasskeys } from './passkeys.ts'
import { generateTotpKey, matchTotp, totpKeyText, totpUri } from './totp.ts'

/** The purpose a TOTP key is sealed for: it opens for nothing else (see auth/secret-box.ts). */
const TOTP_KEY_PURPOSE = 'mfa-totp-key'

function sealTotpKey(secretKey: Uint8Array, key: Uint8Array): string {
  return seal(secretKey, TOTP_KEY_PURPOSE, Buffer.from(key).toString('base64url'))
}

/** Throws when the stored key was not sealed with this key (BAKEN_SECRET_KEY changed) or was altered. */
function openTotpKey(secretKey: Uint8Array, sealed: string): Uint8Array {
  const text = open(secretKey, TOTP_KEY_PURPOSE, sealed)
  if (text === null) throw new Error('The TOTP key does not open with BAKEN_SECRET_KEY (changed key or altered row)')
  return new Uint8Array(Buffer.from(text, 'base64url'))
}

/** What the gate needs per request: must the user use a second factor, and have they got one? */
export interface MfaStatus {
  required: boolean
  enrolled: boolean
}

/** One query (a SECURITY DEFINER function: a partner's obligation follows stichtingen it cannot read). */
export async function mfaStatus(db: Database, userId: string, platformRequired: boolean): Promise<MfaStatus> {
  return withContext(db, { userId }, async (tx) => {
    const result = await tx.execute(sql`select required, enrolled from ctx_user_mfa_status(${platformRequired})`)
    const [row] = resultRows<{ required: boolean; enrolled: boolean }>(result)
    return { required: row?.required === true, enrolled: row?.enrolled === true }
  })
}

/** The user's factors as the account page shows them. */
export async function listFactors(tx: Tx, userId: string) {
  const [totp] = await tx.select({ confirmedAt: schema.mfaTotp.confirmedAt }).from(schema.mfaTotp).where(eq(schema.mfaTotp.userId, userId))
  const [codes] = await tx
    .select({ n: count() })
    .from(schema.mfaRecoveryCodes)
    .where(and(eq(schema.mfaRecoveryCodes.userId, userId), isNull(schema.mfaRecoveryCodes.usedAt)))
  const events = await tx
    .select({ kind: schema.mfaEvents.kind, at: schema.mfaEvents.at, detail: schema.mfaEvents.detail })
    .from(schema.mfaEvents)
    .where(eq(schema.mfaEvents.userId, userId))
    .orderBy(desc(schema.mfaEvents.at))
    .limit(10)
  const passkeys = await listPasskeys(tx, userId)
  return { totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt } : null, recoveryCodesLeft: codes?.n ?? 0, passkeys, events }
}

/**
 * Starts (or restarts) TOTP enrolment: a new key, stored sealed and unconfirmed. Refused while a
 * confirmed app exists (remove it first). Returns the key as text and as an otpauth:// URI.
 */
export async function beginTotpEnrolment(tx: Tx, secretKey: Uint8Array, user: { id: string; email: string }) {
  const [existing] = await tx.select({ confirmedAt: schema.mfaTotp.confirmedAt }).from(schema.mfaTotp).where(eq(schema.mfaTotp.userId, user.id))
  if (existing?.confirmedAt) return { ok: false as const, reason: 'already_enrolled' as const }
  const key = generateTotpKey()
  const secretEncrypted = sealTotpKey(secretKey, key)
  await tx
    .insert(schema.mfaTotp)
    .values({ userId: user.id, secretEncrypted })
    .onConflictDoUpdate({ target: schema.mfaTotp.userId, set: { secretEncrypted, lastUsedStep: null, createdAt: new Date() } })
  return { ok: true as const, keyText: totpKeyText(key), uri: totpUri(key, user.email) }
}

/** The pending (unconfirmed) key's text and URI, to show the enrolment page again. */
export async function pendingTotpEnrolment(tx: Tx, secretKey: Uint8Array, user: { id: string; email: string }) {
  const [row] = await tx.select().from(schema.mfaTotp).where(and(eq(schema.mfaTotp.userId, user.id), isNull(schema.mfaTotp.confirmedAt)))
  if (!row) return null
  const key = openTotpKey(secretKey, row.secretEncrypted)
  return { keyText: totpKeyText(key), uri: totpUri(key, user.email) }
}

/**
 * Confirms enrolment with a first code from the app; then ten recovery codes are made (shown once)
 * and the session counts as having proved a second factor.
 */
export async function confirmTotpEnrolment(
  tx: Tx,
  secretKey: Uint8Array,
  input: { userId: string; sessionId: string; code: string; now: Date; ip?: string | null; userAgent?: string | null },
) {
  const [row] = await tx.select().from(schema.mfaTotp).where(and(eq(schema.mfaTotp.userId, input.userId), isNull(schema.mfaTotp.confirmedAt)))
  if (!row) return { ok: false as const, reason: 'no_pending' as const }
  const step = matchTotp(openTotpKey(secretKey, row.secretEncrypted), input.code, input.now.getTime(), null)
  if (step === null) return { ok: false as const, reason: 'invalid' as const }
  await tx.update(schema.mfaTotp).set({ confirmedAt: input.now, lastUsedStep: step }).where(eq(schema.mfaTotp.userId, input.userId))
  await recordEvent(tx, input.userId, 'totp_enrolled', input)
  const codes = await replaceRecoveryCodes(tx, input.userId, input)
  await markSecondFactor(tx, input.sessionId, input.userId, input.now)
  return { ok: true as const, recoveryCodes: codes }
}

/** New recovery codes; the old ones stop working. Returned once, never stored in clear. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, meta: { ip?: string | null; userAgent?: string | null } = {}) {
  await tx.delete(schema.mfaRecoveryCodes).where(eq(schema.mfaRecoveryCodes.userId, userId))
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode)
  await tx.insert(schema.mfaRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })))
  await recordEvent(tx, userId, 'recovery_codes_generated', meta)
  return codes
}

/**
 * Removes the authenticator app (the caller has checked a fresh second factor, and that the user may
 * be left without it). The recovery codes go with the last factor: they stay while a passkey does.
 */
export async function removeTotp(tx: Tx, userId: string, meta: { ip?: string | null; userAgent?: string | null } = {}) {
  const removed = await tx.delete(schema.mfaTotp).where(eq(schema.mfaTotp.userId, userId)).returning({ userId: schema.mfaTotp.userId })
  if (removed.length === 0) return false
  if ((await countFactors(tx, userId)) === 0) await tx.delete(schema.mfaRecoveryCodes).where(eq(schema.mfaRecoveryCodes.userId, userId))
  await recordEvent(tx, userId, 'totp_removed', meta)
  return true
}

/** How many second factors the user has: a confirmed authenticator app counts one, each passkey one. */
export async function countFactors(tx: Tx, userId: string): Promise<number> {
  const [totp] = await tx
    .select({ n: count() })
    .from(schema.mfaTotp)
    .where(and(eq(schema.mfaTotp.userId, userId), isNotNull(schema.mfaTotp.confirmedAt)))
  const [keys] = await tx.select({ n: count() }).from(schema.webauthnCredentials).where(eq(schema.webauthnCredentials.userId, userId))
  return (totp?.n ?? 0) + (keys?.n ?? 0)
}

export async function markSecondFactor(tx: Tx, sessionId: string, userId: string, now: Date) {
  await tx
    .update(schema.sessions)
    .set({ secondFactorAt: now })
    .where(and(eq(schema.sessions.id, sessionId), eq(schema.sessions.userId, userId)))
}

export async function recordEvent(
  tx: Tx,
  userId: string,
  kind: (typeof schema.MFA_EVENT_KINDS)[number],
  meta: { ip?: string | null; userAgent?: string | null },
  detail: string | null = null,
) {
  await tx.insert(schema.mfaEvents).values({ userId, kind, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null, detail })
}

export type SecondFactorResult =
  | { ok: true; via: 'totp' | 'recovery_code' }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number }

/**
 * Checks a TOTP code or a recovery code for a signed-in session and, when it matches, marks the
 * session as having proved a second factor now. Throttled as passwords are (ADR 014), per user and
 * address pair and per user: whoever types here already has the password. A TOTP code is accepted
 * once (a later step only); a recovery code once ever, and its use is logged and mailed to the user.
 */
export async function verifySecondFactor(
  db: Database,
  secretKey: Uint8Array,
  input: { userId: string; email: string; sessionId: string; code: string; ip: string; userAgent?: string | null; now?: Date },
  policy: LoginThrottlePolicy = LOGIN_THROTTLE,
): Promise<SecondFactorResult> {
  const now = input.now ?? new Date()
  const keys = userFactorKeys(input.userId, input.ip)
  // The throttle's rows are open only in a login context (0003): this is the login's second step.
  return withContext(db, { userId: input.userId, loginEmail: input.email }, async (tx) => {
    const wait = await factorThrottleWait(tx, keys, now, policy)
    if (wait !== null) return { ok: false as const, reason: 'rate_limited' as const, retryAfterSeconds: wait }
    const via = await matchFactor(tx, secretKey, input, now)
    if (!via) {
      await recordFactorFailure(tx, keys, now)
      return { ok: false as const, reason: 'invalid' as const }
    }
    await clearFactorPair(tx, keys, now)
    await markSecondFactor(tx, input.sessionId, input.userId, now)
    if (via === 'recovery_code') await reportRecoveryCodeUse(tx, input, now)
    return { ok: true as const, via }
  })
}

async function matchFactor(tx: Tx, secretKey: Uint8Array, input: { userId: string; code: string }, now: Date): Promise<'totp' | 'recovery_code' | null> {
  if (looksLikeRecoveryCode(input.code)) {
    const used = await tx
      .update(schema.mfaRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(schema.mfaRecoveryCodes.userId, input.userId),
          eq(schema.mfaRecoveryCodes.codeHash, hashRecoveryCode(input.code)),
          isNull(schema.mfaRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: schema.mfaRecoveryCodes.id })
    return used.length === 1 ? 'recovery_code' : null
  }
  const [totp] = await tx
    .select()
    .from(schema.mfaTotp)
    .where(and(eq(schema.mfaTotp.userId, input.userId), isNotNull(schema.mfaTotp.confirmedAt)))
  if (!totp) return null
  const step = matchTotp(openTotpKey(secretKey, totp.secretEncrypted), input.code, now.getTime(), totp.lastUsedStep)
  if (step === null) return null
  // Conditional on the step, so two requests racing with one code cannot both pass.
  const claimed = await tx
    .update(schema.mfaTotp)
    .set({ lastUsedStep: step })
    .where(and(eq(schema.mfaTotp.userId, input.userId), or(isNull(schema.mfaTotp.lastUsedStep), lt(schema.mfaTotp.lastUsedStep, step))))
    .returning({ userId: schema.mfaTotp.userId })
  return claimed.length === 1 ? 'totp' : null
}

/**
 * A recovery code was used: logged, and the user is told by e-mail (if it was not them, their
 * password and codes are in someone else's hands). The notice is account mail: it goes to the
 * account's own address under no stichting, so a platform beheerder or a Halt or police user gets
 * it too, and no stichting's mail reader can open it.
 */
async function reportRecoveryCodeUse(tx: Tx, input: { userId: string; ip: string; userAgent?: string | null }, now: Date) {
  await recordEvent(tx, input.userId, 'recovery_code_used', input)
  await applyContext(tx, { userId: input.userId })
  const [user] = await tx.select({ email: schema.users.email, name: schema.users.name }).from(schema.users).where(eq(schema.users.id, input.userId))
  if (!user) return
  const remaining = await tx
    .select({ n: count() })
    .from(schema.mfaRecoveryCodes)
    .where(and(eq(schema.mfaRecoveryCodes.userId, input.userId), isNull(schema.mfaRecoveryCodes.usedAt)))
  await enqueueMail(tx, {
    stichtingId: null,
    subjectRef: `account-notice:recovery-code:${crypto.randomUUID()}`,
    to: user.email,
    subject: 'Er is ingelogd met een herstelcode',
    text: [
      `Beste ${user.name},`,
      '',
      `Op ${now.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })} is op je Baken-account ingelogd met een van je herstelcodes.`,
      `Je hebt nog ${remaining[0]?.n ?? 0} ongebruikte herstelcodes.`,
      '',
      'Was jij dit niet? Verander dan meteen je wachtwoord, kies op je accountpagina "Overal uitloggen" en maak nieuwe herstelcodes. Meld het ook bij je privacyfunctionaris: dit kan een beveiligingsincident zijn.',
    ].join('\n'),
    createdById: input.userId,
  })
}
