// Bezwaar and the board's oversight: the school's directeur and IB read and record bezwaren
// (receipt, hearing); the bestuurder also decides; the directeur may decide only on a schorsing (the
// mandate itself is a stichting setting, checked in the domain). Only the bestuurder oversees.
import { ROLES } from '@baken/db/schema'
import * as schema from '@baken/db/schema'
import { describe, expect, it } from 'vitest'
import { accessibleWhere, record } from '../src/index.ts'
import { abilityOf, SCHOOL, STICHTING } from './support/ability-of.ts'

const OTHER_STICHTING = '99999999-9999-4999-8999-999999999999'
const OTHER_SCHOOL = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'
const bezwaar = (measureKind = 'schorsing', schoolId = SCHOOL, stichtingId = STICHTING) => record('Bezwaar', { schoolId, stichtingId, measureKind })

describe('Bezwaar abilities', () => {
  it('the bestuurder, directeur and IB read and record bezwaren; no other role', () => {
    const staff = ['bestuurder', 'directeur', 'intern_begeleider']
    expect(ROLES.filter((r) => abilityOf(r).can('read', bezwaar()))).toEqual(staff)
    expect(ROLES.filter((r) => abilityOf(r).can('create', bezwaar()))).toEqual(staff)
    expect(ROLES.filter((r) => abilityOf(r).can('update', bezwaar(), 'hearingOn'))).toEqual(staff)
  })

  it('deciding: the bestuurder always; the directeur only on a schorsing; the IB never', () => {
    expect(ROLES.filter((r) => abilityOf(r).can('update', bezwaar('schorsing'), 'outcome'))).toEqual(['bestuurder', 'directeur'])
    expect(ROLES.filter((r) => abilityOf(r).can('update', bezwaar('verwijdering'), 'outcome'))).toEqual(['bestuurder'])
    expect(abilityOf('intern_begeleider').can('update', bezwaar(), 'reasons')).toBe(false)
  })

  it('within their own school or stichting only', () => {
    expect(abilityOf('directeur').can('read', bezwaar('schorsing', OTHER_SCHOOL))).toBe(false)
    for (const role of ROLES) expect(abilityOf(role).can('read', bezwaar('schorsing', OTHER_SCHOOL, OTHER_STICHTING)), role).toBe(false)
  })

  it('reading converts to a where-clause on the tenant columns', () => {
    const columns = { schoolId: schema.bezwaren.schoolId, stichtingId: schema.bezwaren.stichtingId }
    expect(() => accessibleWhere(abilityOf('directeur'), 'read', 'Bezwaar', columns)).not.toThrow()
    expect(() => accessibleWhere(abilityOf('bestuurder'), 'read', 'Bezwaar', columns)).not.toThrow()
    expect(() => accessibleWhere(abilityOf('leerkracht'), 'read', 'Bezwaar', columns)).toThrow(/Forbidden/)
  })
})

describe('Oversight abilities', () => {
  it('only the bestuurder, of its own stichting', () => {
    expect(ROLES.filter((r) => abilityOf(r).can('read', 'Oversight'))).toEqual(['bestuurder'])
    expect(abilityOf('bestuurder').can('read', record('Oversight', { stichtingId: STICHTING }))).toBe(true)
    expect(abilityOf('bestuurder').can('read', record('Oversight', { stichtingId: OTHER_STICHTING }))).toBe(false)
  })
})
