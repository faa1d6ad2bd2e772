// Accepting an invitation through the stichting's own single sign-on (0049): instead of choosing a
// password, the invitee signs in at the provider, which must vouch for the invited address. The
// database accepts and links the subject in one transaction (accept_invitation_sso); the account's
// password is the hash of a random secret nobody is told, so it is used through the provider (or
// gets a password by a reset later). Nothing is accepted when the provider, the address or the
// subject does not fit.
import { hashPassword, withContext, type Database, resultRows } from '@baken/db'
import { sql } from 'drizzle-orm'
import { hashToken } from '../tokens.ts'
import type { SsoChoice, SsoRefusal } from './flow.ts'

/** The enabled provider of an open invitation's stichting, offered on the invitation page; else null. */
export async function invitationSsoChoice(db: Database, token: string): Promise<SsoChoice | null> {
  if (!token) return null
  return withContext(db, {}, async (tx) => {
    const [r] = resultRows<{ id: string; display_name: string }>(await tx.execute(sql`select id, display_name from sso_invitation_provider(${hashToken(token)})`))
    return r ? { id: r.id, displayName: r.display_name } : null
  })
}

const REFUSAL: Record<string, SsoRefusal> = {
  wrong_provider: 'unknown_provider',
  unverified: 'unverified',
  other_email: 'other_email',
  other_subject: 'other_subject',
  sign_in: 'invitation_sign_in',
}

export async function acceptInvitationBySso(
  db: Database,
  input: { tokenHash: string; providerId: string; subject: string; email: string | null; emailVerified: boolean; name: unknown },
): Promise<{ ok: true; userId: string; membershipId: string | null } | { ok: false; reason: SsoRefusal }> {
  const email = input.email?.trim().toLowerCase() ?? ''
  const claimed = typeof input.name === 'string' ? input.name.trim().slice(0, 200) : ''
  // The provider's display name, else the address's local part (the user can change it later).
  const name = claimed.length >= 2 ? claimed : email.split('@')[0] || email
  const secret = crypto.getRandomValues(new Uint8Array(32))
  const passwordHash = await hashPassword(Buffer.from(secret).toString('base64url'))
  const result = await withContext(db, {}, (tx) =>
    tx.execute(
      sql`select outcome, user_id, membership_id from accept_invitation_sso(${input.tokenHash}, ${input.providerId}::uuid, ${input.subject}, ${email}, ${input.emailVerified}, ${name}, ${passwordHash})`,
    ),
  )
  const [row] = resultRows<{ outcome: string; user_id: string | null; membership_id: string | null }>(result)
  if (row?.outcome === 'accepted' && row.user_id) return { ok: true, userId: row.user_id, membershipId: row.membership_id }
  return { ok: false, reason: REFUSAL[row?.outcome ?? ''] ?? 'invitation_closed' }
}
