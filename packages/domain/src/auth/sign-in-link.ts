// Sign-in by e-mail link for family accounts (ouder, leerling; migration 0069, ADR 042). A request
// never says whether the address exists, nor whether it is a staff address: every request generates
// a token, composes the mail and calls request_sign_in_link, which queues it only for an active
// account whose every membership is a family one. Requests are throttled as password resets are
// (mailed-link.ts). The link holds the only copy of the token (the database has its SHA-256) and
// works once, for 15 minutes; spending it opens a session like a password does, which still owes
// the account's second factor when it has one (ADR 024).
import { resultRows, withContext, type Database } from '@baken/db'
import { sql } from 'drizzle-orm'
import { publicUrl } from '../accounts/invitations/links.ts'
import { listMembershipOptions } from '../memberships.ts'
import { linkMailHtml, parseJsonb, requestMailedLink, type MailedLinkRequest } from './mailed-link.ts'
import { PASSWORD_RESET_THROTTLE } from './password-reset.ts'
import { createSession } from './sessions.ts'
import { generateToken, hashToken } from './tokens.ts'
import type { LoginThrottlePolicy } from './login-throttle.ts'

/** Per e-mail address three links an hour, per client address thirty: the password reset's limits. */
export const SIGN_IN_LINK_THROTTLE: LoginThrottlePolicy = PASSWORD_RESET_THROTTLE

/** The one answer to every request, known address or not. */
export const SIGN_IN_LINK_REQUESTED =
  'Als dit adres bij ons bekend is als ouder of leerling, ontvangt u binnen enkele minuten een e-mail met een link om in te loggen. De link is 15 minuten geldig en werkt één keer. Geen e-mail ontvangen? Kijk in uw map met ongewenste e-mail, of log in met uw wachtwoord.'

export type SignInLinkState = 'open' | 'used' | 'expired' | 'refused'

/** Why a sign-in link cannot be used, in the user's words. */
export const SIGN_IN_LINK_STATE_MESSAGES: Record<Exclude<SignInLinkState, 'open'> | 'not_found', string> = {
  not_found: 'Deze inloglink bestaat niet. Controleer of u de hele link uit de e-mail hebt geopend, of vraag een nieuwe aan.',
  used: 'Deze inloglink is al gebruikt. Een link werkt één keer; vraag zo nodig een nieuwe aan.',
  expired: 'Deze inloglink is verlopen (een link is 15 minuten geldig). Vraag een nieuwe aan.',
  refused: 'Met deze link kunt u niet inloggen. Log in met uw wachtwoord, of neem contact op met de school.',
}

export async function requestSignInLink(db: Database, input: { email: string; ip: string }, policy: LoginThrottlePolicy = SIGN_IN_LINK_THROTTLE): Promise<MailedLinkRequest> {
  const token = generateToken()
  const link = `${publicUrl()}/login/link/${token}`
  const text = [
    'Goedendag,',
    '',
    'Iemand heeft gevraagd om een link om in te loggen op het ouderportaal van Baken. Open deze link en kies "Inloggen" (15 minuten geldig, één keer te gebruiken):',
    link,
    '',
    'Vroeg u dit niet? Dan kunt u dit bericht negeren; zonder de link logt niemand in.',
  ].join('\n')
  const html = linkMailHtml(text, link)
  return requestMailedLink(db, {
    kind: 'sign-in-link',
    email: input.email,
    ip: input.ip,
    policy,
    queue: (tx, email) => tx.execute(sql`select request_sign_in_link(${email}, ${hashToken(token)}, ${'Inloggen bij Baken'}, ${text}, ${html})`),
  })
}

/** The link a token opens (its state and the account's address), or null for a token that opens none. */
export async function readSignInLink(db: Database, token: string): Promise<{ email: string; state: SignInLinkState } | null> {
  const result = await withContext(db, {}, (tx) => tx.execute(sql`select sign_in_link_by_token(${hashToken(token)}) as v`))
  return parseJsonb(resultRows<{ v: { email: string; state: SignInLinkState } | string | null }>(result)[0]?.v)
}

export type SignInLinkOutcome =
  | { ok: true; token: string; expiresAt: Date; membershipChosen: boolean }
  | { ok: false; reason: 'not_found' | 'conflict'; message: string }

/**
 * Spends the link and opens a session (method 'email_link', no second factor proved yet). With one
 * membership it is chosen for the user, as after a password.
 */
export async function redeemSignInLink(db: Database, input: { token: string; ip?: string | null; userAgent?: string | null }): Promise<SignInLinkOutcome> {
  const result = await withContext(db, {}, (tx) => tx.execute(sql`select redeem_sign_in_link(${hashToken(input.token)}) as v`))
  const spent = parseJsonb(resultRows<{ v: { outcome: string; user_id?: string } | string | null }>(result)[0]?.v)
  if (spent?.outcome !== 'signed_in' || !spent.user_id) {
    const state = (spent?.outcome ?? 'not_found') as keyof typeof SIGN_IN_LINK_STATE_MESSAGES
    const message = SIGN_IN_LINK_STATE_MESSAGES[state] ?? SIGN_IN_LINK_STATE_MESSAGES.not_found
    return { ok: false, reason: state === 'not_found' ? 'not_found' : 'conflict', message }
  }
  const userId = spent.user_id
  const options = await withContext(db, { userId }, (tx) => listMembershipOptions(tx, userId))
  const only = options.length === 1 ? options[0]!.id : null
  const session = await createSession(db, userId, { ip: input.ip ?? null, userAgent: input.userAgent ?? null, method: 'email_link' }, only)
  return { ok: true, ...session, membershipChosen: only !== null }
}
