// Changes the role of one membership within the same kind (a school role for a school role, a
// stichting role for a stichting role). Nobody grants a role above their own: CASL here, and the
// database (0046, ctx_may_grant) on the write itself.
import { isFamilyRole, SCHOOL_ROLES, STICHTING_ROLES, ROLES, schema } from '@baken/db'
import { record } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { defineUseCase, refuse } from '../../use-case.ts'
import { changedFields, recordAdminChange } from '../admin-audit.ts'
import { membershipRecord, membershipToManage } from './membership-to-manage.ts'

const school: readonly string[] = SCHOOL_ROLES
const stichting: readonly string[] = STICHTING_ROLES
const kindOf = (role: string) => (school.includes(role) ? 'school' : stichting.includes(role) ? 'stichting' : 'other')

export const changeMembershipRole = defineUseCase({
  name: 'accounts/users/change-membership-role',
  input: z.object({ id: z.uuid('Geen geldig id'), role: z.enum(ROLES, 'Kies een rol') }),
  permission: ['update', 'Membership'],
  forbidden: 'U mag geen rollen wijzigen.',
  async run(tx, ctx, input) {
    const m = await membershipToManage(tx, ctx, input.id, 'update')
    if ('ok' in m) return m
    // A family membership (ouder, leerling) is made from the roster by a guardian invitation, with
    // its link to the pupil and, for a pupil's own account, the age check (UAVG art. 5): a staff
    // membership never becomes one (and a family one never becomes staff: membershipToManage).
    if (isFamilyRole(input.role)) {
      return refuse('invalid', 'role', 'Een medewerker wordt geen ouder of leerling. Nodig de ouder of leerling uit vanaf de pagina van de leerling.')
    }
    if (kindOf(input.role) !== kindOf(m.role)) return refuse('invalid', 'role', 'Kies een rol van dezelfde soort (schoolrol of stichtingsrol).')
    if (!ctx.ability.can('update', record('Membership', { ...m, role: input.role }))) return refuse('forbidden', 'role', 'U mag deze rol niet toekennen.')
    if (input.role === m.role) return { ok: true, id: m.id, role: m.role }
    const theirs = await tx.select().from(schema.memberships).where(eq(schema.memberships.userId, m.userId))
    const clash = theirs.find((r) => r.id !== m.id && r.role === input.role && r.schoolId === m.schoolId && r.stichtingId === m.stichtingId)
    if (clash) return refuse('conflict', 'role', 'Deze gebruiker heeft die rol hier al.')
    await tx.update(schema.memberships).set({ role: input.role }).where(eq(schema.memberships.id, m.id))
    await recordAdminChange(tx, ctx, {
      action: 'membership.role_changed',
      subjectType: 'membership',
      subjectId: m.id,
      ...changedFields(membershipRecord(m), { ...membershipRecord(m), role: input.role }),
    })
    return { ok: true, id: m.id, role: input.role }
  },
})
