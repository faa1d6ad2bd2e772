// Invites someone by e-mail with one or more memberships. The token is only in the mail (through
// the outbox, in this transaction); the database keeps its SHA-256. Which roles may be offered is
// the CASL table's (create Membership) and, whatever the caller sends, RLS's (0046: ctx_may_grant,
// nobody offers a role above their own).
import { ROLES, SCHOOL_ROLES, schema, type Role } from '@baken/db'
import { record } from '@baken/permissions'
import { enqueueMail, escapeHtml } from '@baken/email'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { generateToken, hashToken } from '../../auth/tokens.ts'
import { normaliseEmail } from '../../auth/login.ts'
import { defineUseCase, refuse } from '../../use-case.ts'
import { recordAdminChange } from '../admin-audit.ts'
import { publicUrl } from './links.ts'
import { ACCESS_ROLE_LABELS as ROLE_LABELS } from '../../privacy/access-log-search.ts'

export const INVITATION_HOURS = 72

const schoolRoles: readonly string[] = SCHOOL_ROLES

export const createInvitation = defineUseCase({
  name: 'accounts/invitations/create-invitation',
  input: z.object({
    email: z.string({ message: 'Vul een e-mailadres in' }).trim().max(254, 'E-mailadres te lang').pipe(z.email('Ongeldig e-mailadres')),
    // Only the platform_beheerder names the stichting (of its first beheerder); others invite for their own.
    stichtingId: z.uuid('Geen geldige stichting').optional(),
    memberships: z
      .array(
        z.object({
          role: z.enum(ROLES, 'Kies een rol'),
          schoolId: z.union([z.uuid('Geen geldige school'), z.literal('')]).optional(),
        }),
      )
      .min(1, 'Kies minstens één rol')
      .max(20, 'Hoogstens 20 rollen tegelijk'),
  }),
  permission: ['create', 'Invitation'],
  forbidden: 'U mag geen gebruikers uitnodigen.',
  async run(tx, ctx, input) {
    const stichtingId = ctx.tenant.stichtingId ?? input.stichtingId ?? null
    if (!stichtingId) return refuse('invalid', 'stichtingId', 'Kies de stichting.')
    const offered = input.memberships.map((m) => {
      const school = schoolRoles.includes(m.role) ? m.schoolId || ctx.tenant.schoolId : null
      return { role: m.role as Role, stichtingId, schoolId: school ?? null, partnerId: null }
    })
    for (const [i, m] of offered.entries()) {
      if (schoolRoles.includes(m.role) && !m.schoolId) return refuse('invalid', `memberships.${i}.schoolId`, 'Kies de school voor deze rol.')
      if (!ctx.ability.can('create', record('Membership', m))) {
        return refuse('forbidden', `memberships.${i}.role`, `U mag de rol ${ROLE_LABELS[m.role]} hier niet toekennen.`)
      }
    }
    if (offered.some((m) => m.schoolId)) {
      // The school must be one of the stichting's the caller sees (RLS); another's answers 404.
      for (const m of offered.filter((o) => o.schoolId)) {
        const [s] = await tx.select({ id: schema.schools.id }).from(schema.schools).where(and(eq(schema.schools.id, m.schoolId!), eq(schema.schools.stichtingId, stichtingId)))
        if (!s) return refuse('not_found', 'memberships', 'School niet gevonden.')
      }
    }
    const email = normaliseEmail(input.email)
    const token = generateToken()
    const id = crypto.randomUUID()
    const createdAt = ctx.now
    const expiresAt = new Date(createdAt.getTime() + INVITATION_HOURS * 3600_000)
    const invitation = {
      id,
      tokenHash: hashToken(token),
      email,
      invitedBy: ctx.tenant.userId,
      stichtingId,
      schoolId: ctx.tenant.schoolId,
      partnerId: null,
      createdAt,
      expiresAt,
    }
    await tx.insert(schema.invitations).values(invitation)
    await tx.insert(schema.invitationMemberships).values(offered.map((m) => ({ invitationId: id, ...m })))
    const [inviter] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, ctx.tenant.userId))
    const link = `${publicUrl()}/uitnodiging/${token}`
    const roles = offered.map((m) => ROLE_LABELS[m.role]).join(', ')
    const text = [
      'Goedendag,',
      '',
      `${inviter?.name ?? 'Een beheerder'} nodigt u uit voor Baken, als ${roles}.`,
      `Open deze link om uw account te maken of de uitnodiging aan te nemen (geldig tot ${expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}):`,
      link,
      '',
      'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.',
    ].join('\n')
    await enqueueMail(tx, {
      stichtingId,
      schoolId: ctx.tenant.schoolId,
      subjectRef: `invitation:${id}`,
      to: email,
      subject: 'Uitnodiging voor Baken',
      text,
      html: `<p>${escapeHtml(text).replace(/\n/g, '<br>').replace(escapeHtml(link), `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`)}</p>`,
      createdById: ctx.tenant.userId,
    })
    await recordAdminChange(tx, ctx, {
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: id,
      stichtingId,
      before: null,
      after: { email, expiresAt: expiresAt.toISOString(), memberships: offered },
    })
    return { ok: true, id, email, expiresAt: expiresAt.toISOString(), memberships: offered }
  },
})
