// Invites someone by e-mail with one or more memberships. The token is only in the mail (through
// the outbox, in this transaction); the database keeps its SHA-256. Which roles may be offered is
// the CASL table's (create Membership) and, whatever the caller sends, RLS's (0046: ctx_may_grant,
// nobody offers a role above their own).
import { isFamilyRole, ROLES, SCHOOL_ROLES, resultRows, schema, type Role, type Tx } from '@baken/db'
import { record } from '@baken/permissions'
import { and, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { normaliseEmail } from '../../auth/login.ts'
import { defineUseCase, refuse, type Refused, type UseCaseContext } from '../../use-case.ts'
import { issueInvitation } from './issue-invitation.ts'
import { ACCESS_ROLE_LABELS as ROLE_LABELS } from '../../privacy/access-log-search.ts'

export { INVITATION_HOURS } from './issue-invitation.ts'

const schoolRoles: readonly string[] = SCHOOL_ROLES

export const createInvitation = defineUseCase({
  name: 'accounts/invitations/create-invitation',
  input: z.object({
    email: z.string({ message: 'Vul een e-mailadres in' }).trim().max(254, 'E-mailadres te lang').pipe(z.email('Ongeldig e-mailadres')),
    // Only the platform_beheerder names the stichting (of its first beheerder) or the partner
    // organisation (of its first user); others invite for their own stichting.
    stichtingId: z.uuid('Geen geldige stichting').optional(),
    partnerId: z.uuid('Geen geldige partnerorganisatie').optional(),
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
    const scope = await invitationScope(tx, ctx, input)
    if (!scope.ok) return scope
    const { stichtingId, partnerId } = scope
    const offered = input.memberships.map((m) => {
      if (partnerId) return { role: m.role as Role, stichtingId: null, schoolId: null, partnerId }
      const school = schoolRoles.includes(m.role) ? m.schoolId || ctx.tenant.schoolId : null
      return { role: m.role as Role, stichtingId, schoolId: school ?? null, partnerId: null }
    })
    if (!ctx.tenant.stichtingId && !ctx.tenant.partnerId && (await organisationHasMembers(tx, stichtingId, partnerId))) {
      // The platform invites an organisation's first beheerder or user only (RLS, ctx_may_grant);
      // after that the organisation's own people invite.
      return partnerId
        ? refuse('conflict', 'partnerId', 'Deze partnerorganisatie heeft al een gebruiker; die nodigt collega’s uit.')
        : refuse('conflict', 'stichtingId', 'Deze stichting heeft al een stichtingbeheerder; die nodigt collega’s uit.')
    }
    for (const [i, m] of offered.entries()) {
      // A family membership comes with its link to a pupil: only the pupil's page invites one.
      if (isFamilyRole(m.role)) {
        return refuse('invalid', `memberships.${i}.role`, 'Ouders en leerlingen nodigt u uit vanaf de pagina van de leerling, niet als medewerker.')
      }
      if (schoolRoles.includes(m.role) && !m.schoolId) return refuse('invalid', `memberships.${i}.schoolId`, 'Kies de school voor deze rol.')
      if (!ctx.ability.can('create', record('Membership', m))) {
        return refuse('forbidden', `memberships.${i}.role`, `U mag de rol ${ROLE_LABELS[m.role]} hier niet toekennen.`)
      }
      if (partnerId && m.role !== scope.partnerRole) {
        return refuse('invalid', `memberships.${i}.role`, `Een gebruiker van deze partnerorganisatie krijgt de rol ${ROLE_LABELS[scope.partnerRole!]}.`)
      }
    }
    if (offered.some((m) => m.schoolId)) {
      // The school must be one of the stichting's the caller sees (RLS); another's answers 404.
      for (const m of offered.filter((o) => o.schoolId)) {
        const [s] = await tx.select({ id: schema.schools.id }).from(schema.schools).where(and(eq(schema.schools.id, m.schoolId!), eq(schema.schools.stichtingId, stichtingId!)))
        if (!s) return refuse('not_found', 'memberships', 'School niet gevonden.')
      }
    }
    const email = normaliseEmail(input.email)
    const [inviter] = await tx.select({ name: schema.users.name }).from(schema.users).where(eq(schema.users.id, ctx.tenant.userId))
    const roles = offered.map((m) => ROLE_LABELS[m.role]).join(', ')
    const { id, expiresAt } = await issueInvitation(tx, ctx, {
      email,
      stichtingId,
      schoolId: ctx.tenant.schoolId,
      partnerId,
      memberships: offered,
      mail: (link, expiresAt) => ({
        subject: 'Uitnodiging voor Baken',
        text: [
          'Goedendag,',
          '',
          `${inviter?.name ?? 'Een beheerder'} nodigt u uit voor Baken, als ${roles}.`,
          `Open deze link om uw account te maken of de uitnodiging aan te nemen (geldig tot ${expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}):`,
          link,
          '',
          'Verwachtte u deze uitnodiging niet? Dan kunt u dit bericht negeren.',
        ].join('\n'),
      }),
    })
    return { ok: true, id, email, expiresAt: expiresAt.toISOString(), memberships: offered }
  },
})

/** Which role a partner organisation's users have, by the kind of organisation. */
export const PARTNER_ROLE_BY_KIND: Partial<Record<(typeof schema.PARTNER_KINDS)[number], Role>> = {
  halt_region: 'halt_medewerker',
  police_unit: 'politie',
}

/**
 * For whom the invitation is: the caller's own stichting or partner organisation; or, for the
 * platform beheerder, the stichting or the partner organisation it names (exactly one).
 */
async function organisationHasMembers(tx: Tx, stichtingId: string | null, partnerId: string | null): Promise<boolean> {
  const [row] = resultRows<{ has: boolean }>(await tx.execute(sql`select org_has_members(${stichtingId}::uuid, ${partnerId}::uuid) as has`))
  return row?.has === true
}

export async function invitationScope(
  tx: Tx,
  ctx: UseCaseContext,
  input: { stichtingId?: string; partnerId?: string },
): Promise<{ ok: true; stichtingId: string | null; partnerId: string | null; partnerRole: Role | null } | Refused> {
  if (ctx.tenant.stichtingId) return { ok: true, stichtingId: ctx.tenant.stichtingId, partnerId: null, partnerRole: null }
  // A partner organisation's user invites a colleague, in their own role.
  if (ctx.tenant.partnerId) return { ok: true, stichtingId: null, partnerId: ctx.tenant.partnerId, partnerRole: ctx.tenant.role as Role }
  if (input.partnerId && input.stichtingId) return refuse('invalid', 'partnerId', 'Kies een stichting of een partnerorganisatie, niet allebei.')
  if (input.partnerId) {
    const [partner] = await tx
      .select({ kind: schema.partnerOrganisations.kind })
      .from(schema.partnerOrganisations)
      .where(eq(schema.partnerOrganisations.id, input.partnerId))
    if (!partner) return refuse('not_found', 'partnerId', 'Partnerorganisatie niet gevonden.')
    const partnerRole = PARTNER_ROLE_BY_KIND[partner.kind] ?? null
    if (!partnerRole) return refuse('invalid', 'partnerId', 'Deze soort partnerorganisatie heeft (nog) geen gebruikers in Baken.')
    return { ok: true, stichtingId: null, partnerId: input.partnerId, partnerRole }
  }
  if (!input.stichtingId) return refuse('invalid', 'stichtingId', 'Kies de stichting.')
  return { ok: true, stichtingId: input.stichtingId, partnerId: null, partnerRole: null }
}
