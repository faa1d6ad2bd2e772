// What the invitation form offers the caller: the schools it sees (RLS) and the roles the CASL
// table lets it grant (the database checks each again on the write).
import { schema, type Role } from '@baken/db'
import { record } from '@baken/permissions'
import { asc } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase } from '../../use-case.ts'

const CHOICES: Role[] = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon', 'bestuurder', 'stichtingbeheerder', 'privacyfunctionaris']

export const getInvitationForm = defineUseCase({
  name: 'accounts/invitations/get-invitation-form',
  input: z.object({ stichtingId: z.uuid('Geen geldige stichting').optional() }),
  permission: ['create', 'Invitation'],
  forbidden: 'U mag geen gebruikers uitnodigen.',
  async run(tx, ctx, input) {
    const stichtingId = ctx.tenant.stichtingId ?? input.stichtingId ?? null
    const schools = ctx.tenant.stichtingId
      ? await tx.select({ id: schema.schools.id, name: schema.schools.name }).from(schema.schools).orderBy(asc(schema.schools.name))
      : []
    const schoolId = ctx.tenant.schoolId ?? schools[0]?.id ?? null
    const roles = CHOICES.filter((role) => ctx.ability.can('create', record('Membership', { role, stichtingId, schoolId, partnerId: null })))
    return { ok: true, schools, roles, stichtingId, fixedSchool: ctx.tenant.schoolId !== null }
  },
})
