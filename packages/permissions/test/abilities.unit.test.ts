import { ROLES, type Role } from '@baken/db/schema'
import { describe, expect, it } from 'vitest'
import { record as subject, type Action, type SubjectName } from '../src/index.ts'
import { abilityOf, SCHOOL, STICHTING, USER } from './support/ability-of.ts'

const OTHER_SCHOOL = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'


// The expected answer per role for reading a pupil of the caller's own school, and of another school.
const readsOwnStudents: Record<Role, boolean> = {
  bestuurder: false,
  stichtingbeheerder: false,
  privacyfunctionaris: false,
  directeur: true,
  intern_begeleider: true,
  leerkracht: true,
  vertrouwenspersoon: true,
  halt_medewerker: false,
  politie: false,
  platform_beheerder: false,
  // The family reads its own child through the portal (RLS: open links), never the school's pupil list.
  ouder: false,
  leerling: false,
}
const editsStudents: Role[] = ['directeur', 'intern_begeleider']

describe('role abilities', () => {
  it.each(ROLES)('%s reads pupils of its own school only if its role allows', (role) => {
    const ability = abilityOf(role)
    const own = subject('Student', { schoolId: SCHOOL, stichtingId: STICHTING })
    const other = subject('Student', { schoolId: OTHER_SCHOOL, stichtingId: STICHTING })
    expect(ability.can('read', own)).toBe(readsOwnStudents[role])
    expect(ability.can('read', other)).toBe(false)
  })

  it.each(ROLES)('%s may create or update pupils only as directeur or IB', (role) => {
    const ability = abilityOf(role)
    const own = subject('Student', { schoolId: SCHOOL })
    for (const action of ['create', 'update'] as Action[]) {
      expect(ability.can(action, own)).toBe(editsStudents.includes(role))
    }
  })

  it.each(ROLES)('%s manages its own API tokens and no one else’s', (role) => {
    const ability = abilityOf(role)
    expect(ability.can('delete', subject('ApiToken', { userId: USER }))).toBe(true)
    expect(ability.can('delete', subject('ApiToken', { userId: OTHER_SCHOOL }))).toBe(false)
  })

  it('no role may delete pupils', () => {
    for (const role of ROLES) expect(abilityOf(role).can('delete', 'Student')).toBe(false)
  })

  it('the platform operator sees tenants but no personal data', () => {
    const ability = abilityOf('platform_beheerder')
    expect(ability.can('read', 'Stichting')).toBe(true)
    for (const s of ['Student', 'Guardian', 'Group'] as SubjectName[]) expect(ability.can('read', s)).toBe(false)
  })

  it('guardians’ contact details are for the directeur and IB only', () => {
    const allowed = ROLES.filter((r) => abilityOf(r).can('read', subject('Guardian', { schoolId: SCHOOL })))
    expect(allowed.sort()).toEqual(['directeur', 'intern_begeleider'])
  })
})
