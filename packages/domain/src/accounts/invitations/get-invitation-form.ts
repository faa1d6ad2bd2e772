// What the invitation form offers the caller: the schools it sees (RLS) and the roles the CASL
// table lets it grant (the database checks each again on the write); for a partner organisation's
// first user, the one role its kind has.
import { schema, type Role } from '@baken/db'
import { record } from '@baken/permissions'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../../use-case.ts'
import { invitationScope } from './create-invitation.ts'

const CHOICES: Role[] = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon', 'bestuurder', 'stichtingbeheerder', 'privacyfunctionaris']

export const getInvitationForm = defineUseCase({
  name: 'accounts/invitations/get-invitation-form',
  input: z.object({ stichtingId: z.uuid('Geen geldige stichting').optional(), partnerId: z.uuid('Geen geldige partnerorganisatie').optional() }),
  permission: ['create', 'Invitation'],
  forbidden: 'U mag geen gebruikers uitnodigen.',
  async run(tx, ctx, input) {
    if ((input.partnerId && !ctx.tenant.stichtingId) || ctx.tenant.partnerId) {
      // A partner organisation's user (the first, invited by the platform; or a colleague): one role.
      const scope = await invitationScope(tx, ctx, input)
      if (!scope.ok) return scope
      const [partner] = await tx.select({ name: schema.partnerOrganisations.name }).from(schema.partnerOrganisations).where(eq(schema.partnerOrganisations.id, scope.partnerId!))
      const roles = [scope.partnerRole!].filter((role) => ctx.ability.can('create', record('Membership', { role, stichtingId: null, schoolId: null, partnerId: scope.partnerId })))
      return { ok: true, schools: [], roles, stichtingId: null, partnerId: scope.partnerId, partnerName: partner?.name ?? null, fixedSchool: false }
    }
    const stichtingId = ctx.tenant.stichtingId ?? input.stichtingId ?? null
    const schools = ctx.tenant.stichtingId
      ? await tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).orderBy(asc(schema.schools.name))
      : []
    const schoolId = ctx.tenant.schoolId ?? schools[0]?.id ?? null
    const roles = CHOICES.filter((role) => ctx.ability.can('create', record('Membership', { role, stichtingId, schoolId, partnerId: null })))
    return { ok: true, schools, roles, stichtingId, partnerId: null, partnerName: null, fixedSchool: ctx.tenant.schoolId !== null }
  },
})
