// Password reset ("wachtwoord vergeten", migration 0047). A request never says whether the address
// exists: every request generates a token, composes the mail and calls request_password_reset,
// which queues the mail for an active user (account mail, outside any stichting). Requests are
// throttled per e-mail address and per client address (mailed-link.ts). The link holds the only
// copy of the token (the database has its SHA-256), works once and for one hour; redeeming it sets
// the new password (the password policy), ends every session and revokes the user's API tokens.
import { hashPassword, withContext, type Database, resultRows } from '@baken/db'
import { sql } from 'drizzle-orm'
import { publicUrl } from '../accounts/invitations/links.ts'
import { LOGIN_THROTTLE, type LoginThrottlePolicy } from './login-throttle.ts'
import { linkMailHtml, parseJsonb, requestMailedLink, type MailedLinkRequest } from './mailed-link.ts'
import { checkPassword } from './password-policy.ts'
import { generateToken, hashToken } from './tokens.ts'
import type { FieldError } from '../result.ts'

const MINUTE = 60_000

/**
 * Per e-mail address: three requests an hour, then each further one waits 15 minutes, doubling.
 * Per client address: thirty an hour (a school's staff behind one address), then the same backoff.
 */
export const PASSWORD_RESET_THROTTLE: LoginThrottlePolicy = {
  ...LOGIN_THROTTLE,
  memoryMs: 60 * MINUTE,
  windowMs: 60 * MINUTE,
  backoffBaseMs: 15 * MINUTE,
  backoffMaxMs: 60 * MINUTE,
  pairFreeFailures: 3,
  accountFreeFailures: Number.MAX_SAFE_INTEGER,
  addressFreeAccounts: 30,
  addressFreeAccountsDuringSpray: 30,
  sprayFailures: Number.MAX_SAFE_INTEGER,
}

/** The one answer to every request, known address or not. */
export const PASSWORD_RESET_REQUESTED =
  'Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link is een uur geldig. Geen e-mail ontvangen? Kijk in uw map met ongewenste e-mail of vraag uw beheerder om hulp.'

export type PasswordResetRequest = MailedLinkRequest

export async function requestPasswordReset(
  db: Database,
  input: { email: string; ip: string },
  policy: LoginThrottlePolicy = PASSWORD_RESET_THROTTLE,
): Promise<PasswordResetRequest> {
  const token = generateToken()
  const link = `${publicUrl()}/wachtwoord-herstellen/${token}`
  const text = [
    'Goedendag,',
    '',
    'Iemand heeft gevraagd om een nieuw wachtwoord voor uw account bij Baken. Open deze link om een nieuw wachtwoord te kiezen (een uur geldig, één keer te gebruiken):',
    link,
    '',
    'Vroeg u dit niet? Dan kunt u dit bericht negeren; uw wachtwoord blijft hetzelfde.',
  ].join('\n')
  const html = linkMailHtml(text, link)
  return requestMailedLink(db, {
    kind: 'reset',
    email: input.email,
    ip: input.ip,
    policy,
    queue: (tx, email) => tx.execute(sql`select request_password_reset(${email}, ${hashToken(token)}, ${'Nieuw wachtwoord voor Baken'}, ${text}, ${html})`),
  })
}

export type PasswordResetState = 'open' | 'used' | 'expired' | 'disabled'

export interface PasswordResetView {
  email: string
  name: string
  state: PasswordResetState
}

/** Why a reset link cannot be used, in the user's words. */
export const PASSWORD_RESET_STATE_MESSAGES: Record<Exclude<PasswordResetState, 'open'> | 'not_found', string> = {
  not_found: 'Deze link om uw wachtwoord te herstellen bestaat niet. Controleer of u de hele link uit de e-mail hebt geopend, of vraag een nieuwe aan.',
  used: 'Deze link is al gebruikt. Een link werkt één keer; vraag zo nodig een nieuwe aan.',
  expired: 'Deze link is verlopen (een link is een uur geldig). Vraag een nieuwe aan.',
  disabled: 'Dit account is uitgeschakeld. Neem contact op met uw beheerder.',
}

/** The link a token opens, or null for a token that opens none. */
export async function readPasswordReset(db: Database, token: string): Promise<PasswordResetView | null> {
  const result = await withContext(db, {}, (tx) => tx.execute(sql`select password_reset_by_token(${hashToken(token)}) as v`))
  return parseJsonb(resultRows<{ v: PasswordResetView | string | null }>(result)[0]?.v)
}

export type RedeemOutcome = { ok: true } | { ok: false; reason: 'not_found' | 'conflict' | 'invalid'; errors: FieldError[] }

/** Sets the new password once; the password policy checks it against the account's name and address. */
export async function redeemPasswordReset(db: Database, input: { token: string; password: string; confirm?: string }): Promise<RedeemOutcome> {
  const view = await readPasswordReset(db, input.token)
  if (!view) return { ok: false, reason: 'not_found', errors: [{ path: '', message: PASSWORD_RESET_STATE_MESSAGES.not_found }] }
  if (view.state !== 'open') return { ok: false, reason: 'conflict', errors: [{ path: '', message: PASSWORD_RESET_STATE_MESSAGES[view.state] }] }
  const verdict = checkPassword(input.password, [view.name, view.email])
  if (!verdict.ok) return { ok: false, reason: 'invalid', errors: [{ path: 'password', message: verdict.message }] }
  if (input.confirm !== undefined && input.confirm !== input.password) {
    return { ok: false, reason: 'invalid', errors: [{ path: 'confirm', message: 'De twee wachtwoorden zijn niet gelijk. Typ hetzelfde wachtwoord twee keer.' }] }
  }
  const passwordHash = await hashPassword(input.password)
  const result = await withContext(db, {}, (tx) => tx.execute(sql`select redeem_password_reset(${hashToken(input.token)}, ${passwordHash}) as outcome`))
  const [row] = resultRows<{ outcome: string }>(result)
  if (row?.outcome === 'reset') return { ok: true }
  const state = (row?.outcome ?? 'not_found') as keyof typeof PASSWORD_RESET_STATE_MESSAGES
  return { ok: false, reason: state === 'not_found' ? 'not_found' : 'conflict', errors: [{ path: '', message: PASSWORD_RESET_STATE_MESSAGES[state] ?? PASSWORD_RESET_STATE_MESSAGES.not_found }] }
}
