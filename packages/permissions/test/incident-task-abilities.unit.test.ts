// Follow-up tasks (subject IncidentTask): the directeur and the IB plan and complete; a leerkracht or
// vertrouwenspersoon reads and completes only its own; nobody outside a school touches them.
import { ROLES, type Role } from '@baken/db'
import { describe, expect, it } from 'vitest'
import { defineAbilityFor, record } from '../src/index.ts'

const USER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const OTHER_USER = 'ffffffff-ffff-4fff-8fff-ffffffffffff'
const STICHTING = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
const SCHOOL = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'
const OTHER_SCHOOL = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'

function abilityOf(role: Role) {
  const school = ['directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon'].includes(role)
  const stichting = school || ['bestuurder', 'stichtingbeheerder', 'privacyfunctionaris'].includes(role)
  return defineAbilityFor({
    userId: USER,
    role,
    stichtingId: stichting ? STICHTING : null,
    schoolId: school ? SCHOOL : null,
    partnerId: role === 'politie' || role === 'halt_medewerker' ? 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee' : null,
  })
}

const task = (ownerId: string, schoolId = SCHOOL) => record('IncidentTask', { schoolId, stichtingId: STICHTING, ownerId })

describe('IncidentTask abilities', () => {
  it('only the directeur and the IB plan tasks', () => {
    expect(ROLES.filter((r) => abilityOf(r).can('create', task(OTHER_USER)))).toEqual(['directeur', 'intern_begeleider'])
  })

  it('school staff read the school’s tasks; no one else does', () => {
    expect(ROLES.filter((r) => abilityOf(r).can('read', task(OTHER_USER)))).toEqual([
      'directeur',
      'intern_begeleider',
      'leerkracht',
      'vertrouwenspersoon',
    ])
    for (const role of ROLES) expect(abilityOf(role).can('read', task(OTHER_USER, OTHER_SCHOOL)), role).toBe(false)
  })

  it('a leerkracht or vertrouwenspersoon completes its own task, not a colleague’s; directeur and IB any', () => {
    for (const role of ['leerkracht', 'vertrouwenspersoon'] as const) {
      expect(abilityOf(role).can('update', task(USER)), role).toBe(true)
      expect(abilityOf(role).can('update', task(OTHER_USER)), role).toBe(false)
    }
    for (const role of ['directeur', 'intern_begeleider'] as const) expect(abilityOf(role).can('update', task(OTHER_USER)), role).toBe(true)
  })

  it('no role may delete a task', () => {
    for (const role of ROLES) expect(abilityOf(role).can('delete', 'IncidentTask'), role).toBe(false)
  })
})
