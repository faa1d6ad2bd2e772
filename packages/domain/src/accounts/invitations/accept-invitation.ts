// The invitee's side of an invitation: reading it by the token from the mail, and accepting it once.
// The invitee has no tenant context yet, so both go through SECURITY DEFINER functions (0046) that
// open exactly the invitation whose token hash they are given. A new address gets an account with
// the name and password chosen here; an address that already has an account must be signed in as
// that account, so the link alone never adds roles to someone else's existing account.
import { hashPassword, withContext, type Database, type Role, resultRows } from '@baken/db'
import { sql } from 'drizzle-orm'
import { checkPassword } from '../../auth/password-policy.ts'
import { hashToken } from '../../auth/tokens.ts'
import type { FieldError } from '../../result.ts'

export type InvitationState = 'open' | 'used' | 'expired' | 'revoked'

export interface InvitationView {
  id: string
  email: string
  invitedBy: string
  expiresAt: string
  state: InvitationState
  hasAccount: boolean
  memberships: { role: Role; school: string | null; stichting: string | null; partner: string | null }[]
}

/** The invitation a token opens, or null for a token that opens none. */
export async function readInvitation(db: Database, token: string): Promise<InvitationView | null> {
  const result = await withContext(db, {}, (tx) => tx.execute(sql`select invitation_by_token(${hashToken(token)}) as v`))
  const [row] = resultRows<{ v: InvitationView | string | null }>(result)
  // postgres.js parses jsonb; PGlite may hand it over as text.
  return typeof row?.v === 'string' ? (JSON.parse(row.v) as InvitationView) : (row?.v ?? null)
}

/** Why an invitation cannot be used, in the invitee's words. */
export const INVITATION_STATE_MESSAGES: Record<Exclude<InvitationState, 'open'> | 'not_found', string> = {
  not_found: 'Deze uitnodigingslink bestaat niet. Controleer of u de hele link uit de e-mail hebt geopend.',
  used: 'Deze uitnodiging is al gebruikt. Log in met uw e-mailadres en wachtwoord.',
  expired: 'Deze uitnodiging is verlopen (een uitnodiging is 72 uur geldig). Vraag degene die u uitnodigde om een nieuwe.',
  revoked: 'Deze uitnodiging is ingetrokken. Vraag degene die u uitnodigde om een nieuwe.',
}

export type AcceptOutcome =
  | { ok: true; userId: string; membershipId: string | null }
  | { ok: false; reason: 'not_found' | 'conflict' | 'invalid'; state?: string; errors: FieldError[] }

export async function acceptInvitation(
  db: Database,
  input: { token: string; name?: string; password?: string; signedInUserId?: string | null },
): Promise<AcceptOutcome> {
  const view = await readInvitation(db, input.token)
  if (!view) return { ok: false, reason: 'not_found', state: 'not_found', errors: [{ path: '', message: INVITATION_STATE_MESSAGES.not_found }] }
  if (view.state !== 'open') return { ok: false, reason: 'conflict', state: view.state, errors: [{ path: '', message: INVITATION_STATE_MESSAGES[view.state] }] }
  let passwordHash: string | null = null
  const name = (input.name ?? '').trim()
  if (!view.hasAccount) {
    const errors: FieldError[] = []
    if (name.length < 2 || name.length > 200) errors.push({ path: 'name', message: 'Vul uw naam in (2 tot 200 tekens).' })
    const verdict = checkPassword(input.password ?? '', [name, view.email])
    if (!verdict.ok) errors.push({ path: 'password', message: verdict.message })
    if (errors.length) return { ok: false, reason: 'invalid', errors }
    passwordHash = await hashPassword(input.password!)
  }
  const result = await withContext(db, { userId: input.signedInUserId ?? null }, (tx) =>
    tx.execute(sql`select outcome, user_id, membership_id from accept_invitation(${hashToken(input.token)}, ${name}, ${passwordHash})`),
  )
  const [row] = resultRows<{ outcome: string; user_id: string | null; membership_id: string | null }>(result)
  if (row?.outcome === 'accepted' && row.user_id) return { ok: true, userId: row.user_id, membershipId: row.membership_id }
  if (row?.outcome === 'sign_in') {
    return { ok: false, reason: 'conflict', state: 'sign_in', errors: [{ path: '', message: `Er is al een account voor ${view.email}. Log eerst in met dat account en open de link daarna opnieuw.` }] }
  }
  const state = (row?.outcome ?? 'not_found') as keyof typeof INVITATION_STATE_MESSAGES
  return { ok: false, reason: 'conflict', state, errors: [{ path: '', message: INVITATION_STATE_MESSAGES[state] ?? INVITATION_STATE_MESSAGES.not_found }] }
}
