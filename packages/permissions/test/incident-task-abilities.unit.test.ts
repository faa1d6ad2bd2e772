// Follow-up tasks (subject IncidentTask): the directeur and the IB plan and complete; a leerkracht or
// vertrouwenspersoon reads and completes only its own; nobody outside a school touches them.
import { ROLES } from '@baken/db/schema'
import { describe, expect, it } from 'vitest'
import { record } from '../src/index.ts'
import { abilityOf, SCHOOL, STICHTING, USER } from './support/ability-of.ts'

const OTHER_USER = 'ffffffff-ffff-4fff-8fff-ffffffffffff'
const OTHER_SCHOOL = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'


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
