// The first platform_beheerder of a new installation. An empty production database has nobody who
// could invite anyone, so whoever installs Baken runs `pnpm admin:bootstrap --email … --name …`
// (scripts/admin-bootstrap.ts): it makes the installation's own invitation (no inviter, no
// organisation: migration 0049), which the invitee accepts on the usual invitation page, choosing a
// password and then a second factor. It refuses once a platform_beheerder exists; `reissue` replaces
// a not yet accepted one with a fresh link (the old one is revoked).
//
// Runs as the migration owner (the script's connection), outside any tenant context: RLS lets the
// application role make no such invitation. The admin audit trail has no actor to name for this
// step; the invitation row keeps when it was made, and accepting it writes `invitation.accepted`.
import { schema, type Database } from '@baken/db'
import { escapeHtml } from '@baken/email'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import { normaliseEmail } from '../auth/login.ts'
import { generateToken, hashToken } from '../auth/tokens.ts'
import { INVITATION_HOURS } from './invitations/issue-invitation.ts'
import { publicUrl } from './invitations/links.ts'

export const bootstrapPlatformInput = z.strictObject({
  email: z.string({ message: 'Geef het e-mailadres (--email)' }).trim().max(254, 'E-mailadres te lang').pipe(z.email('Ongeldig e-mailadres')),
  name: z.string({ message: 'Geef de naam (--name)' }).trim().min(2, 'Naam: 2 tot 200 tekens').max(200, 'Naam: 2 tot 200 tekens'),
  reissue: z.boolean().default(false),
})

export type BootstrapPlatformOutcome =
  | {
      ok: true
      invitationId: string
      email: string
      /** The link with the token: only in the mail, or printed once. */
      link: string
      expiresAt: Date
      /** Addresses whose earlier, unaccepted invitation this one replaced (revoked). */
      replaced: string[]
      mail: { to: string; subject: string; text: string; html: string }
    }
  | { ok: false; reason: 'invalid' | 'exists' | 'pending' | 'nothing_to_reissue'; message: string }

/** The platform's own invitations are the ones without an organisation (0049). */
const platformInvitation = and(isNull(schema.invitations.stichtingId), isNull(schema.invitations.partnerId))

export async function bootstrapPlatform(
  db: Database,
  raw: { email?: unknown; name?: unknown; reissue?: unknown },
  options: { now?: Date; env?: NodeJS.ProcessEnv } = {},
): Promise<BootstrapPlatformOutcome> {
  const parsed = bootstrapPlatformInput.safeParse(raw)
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues.map((i) => i.message).join('; ') }
  const { name, reissue } = parsed.data
  const email = normaliseEmail(parsed.data.email)
  const now = options.now ?? new Date()
  return db.transaction(async (tx) => {
    // One bootstrap at a time: a second run waits here and then sees the first one's invitation.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('baken.admin-bootstrap'))`)
    const existing = await tx
      .select({ email: schema.users.email })
      .from(schema.memberships)
      .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
      .where(eq(schema.memberships.role, 'platform_beheerder'))
    if (existing.length > 0) {
      return {
        ok: false as const,
        reason: 'exists' as const,
        message: `Er is al een platformbeheerder (${existing.map((e) => e.email).join(', ')}). Nieuwe platformbeheerders worden niet zo aangemaakt.`,
      }
    }
    const pending = await tx
      .select({ id: schema.invitations.id, email: schema.invitations.email, expiresAt: schema.invitations.expiresAt })
      .from(schema.invitations)
      .where(and(platformInvitation, isNull(schema.invitations.acceptedAt), isNull(schema.invitations.revokedAt)))
    if (pending.length > 0 && !reissue) {
      const p = pending[0]!
      const state = p.expiresAt <= now ? 'verlopen' : `geldig tot ${p.expiresAt.toISOString()}`
      return {
        ok: false as const,
        reason: 'pending' as const,
        message: `Er is al een uitnodiging voor de eerste platformbeheerder (${p.email}, ${state}). Gebruik --reissue voor een nieuwe link.`,
      }
    }
    if (pending.length === 0 && reissue) {
      return { ok: false as const, reason: 'nothing_to_reissue' as const, message: 'Er is geen openstaande uitnodiging om opnieuw te sturen; laat --reissue weg.' }
    }
    for (const p of pending) {
      await tx.update(schema.invitations).set({ revokedAt: now }).where(eq(schema.invitations.id, p.id))
    }
    const token = generateToken()
    const id = crypto.randomUUID()
    const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3600_000)
    await tx.insert(schema.invitations).values({ id, tokenHash: hashToken(token), email, invitedBy: null, createdAt: now, expiresAt })
    await tx.insert(schema.invitationMemberships).values({ invitationId: id, role: 'platform_beheerder' })
    const base = publicUrl(options.env)
    const link = `${base}/uitnodiging/${token}`
    const text = [
      `Goedendag ${name},`,
      '',
      `U wordt de eerste platformbeheerder van Baken op ${base}.`,
      `Open deze link om uw account te maken (geldig tot ${expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}):`,
      link,
      '',
      'Daarna kiest u een wachtwoord en stelt u een tweede factor in (een authenticator-app).',
      'Verwachtte u dit bericht niet? Dan kunt u het negeren.',
    ].join('\n')
    const html = `<p>${escapeHtml(text).replace(/\n/g, '<br>').replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</p>`
    return {
      ok: true as const,
      invitationId: id,
      email,
      link,
      expiresAt,
      replaced: pending.map((p) => p.email),
      mail: { to: email, subject: 'Uitnodiging: platformbeheer van Baken', text, html },
    }
  })
}
