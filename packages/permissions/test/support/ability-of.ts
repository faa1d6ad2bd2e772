// One fixed caller per role, for the permission tests: school roles in SCHOOL of STICHTING,
// stichting roles in STICHTING, partner roles in PARTNER.
import { SCHOOL_ROLES, STICHTING_ROLES, type Role } from '@baken/db'
import { defineAbilityFor } from '../../src/index.ts'

export const USER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
export const STICHTING = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
export const SCHOOL = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'
export const PARTNER = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'

export function abilityOf(role: Role) {
  const school = (SCHOOL_ROLES as readonly Role[]).includes(role)
  const stichting = school || (STICHTING_ROLES as readonly Role[]).includes(role)
  return defineAbilityFor({
    userId: USER,
    role,
    stichtingId: stichting ? STICHTING : null,
    schoolId: school ? SCHOOL : null,
    partnerId: role === 'politie' || role === 'halt_medewerker' ? PARTNER : null,
  })
}
