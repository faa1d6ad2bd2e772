// The school calendar (subject Calendar): every school and stichting role reads its own stichting's
// calendar; only the stichtingbeheerder adds, changes and deletes entries; partners and the platform
// have no rule at all; another stichting's calendar is out of reach for everyone.
import { ROLES } from '@baken/db/schema'
import { describe, expect, it } from 'vitest'
import { accessibleWhere, ForbiddenError, record } from '../src/index.ts'
import { abilityOf, SCHOOL, STICHTING } from './support/ability-of.ts'

const OTHER_STICHTING = '99999999-9999-4999-8999-999999999999'


const regionRow = (stichtingId = STICHTING) => record('Calendar', { stichtingId, schoolId: null })
const schoolRow = (stichtingId = STICHTING) => record('Calendar', { stichtingId, schoolId: SCHOOL })
const READERS = ['bestuurder', 'stichtingbeheerder', 'privacyfunctionaris', 'directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon']

describe('Calendar abilities', () => {
  it('every school and stichting role reads the calendar of its own stichting', () => {
    expect(ROLES.filter((r) => abilityOf(r).can('read', regionRow()))).toEqual(READERS)
    expect(ROLES.filter((r) => abilityOf(r).can('read', schoolRow()))).toEqual(READERS)
  })

  it('only the stichtingbeheerder creates, updates and deletes', () => {
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(ROLES.filter((r) => abilityOf(r).can(action, regionRow())), action).toEqual(['stichtingbeheerder'])
      expect(ROLES.filter((r) => abilityOf(r).can(action, schoolRow())), action).toEqual(['stichtingbeheerder'])
    }
  })

  it("nobody reads or writes another stichting's calendar", () => {
    for (const role of ROLES) {
      for (const action of ['read', 'create', 'update', 'delete'] as const) {
        expect(abilityOf(role).can(action, regionRow(OTHER_STICHTING)), `${role} ${action}`).toBe(false)
        expect(abilityOf(role).can(action, schoolRow(OTHER_STICHTING)), `${role} ${action}`).toBe(false)
      }
    }
  })

  it('partners and the platform have no Calendar rule: the where-clause refuses', () => {
    for (const role of ['halt_medewerker', 'politie', 'platform_beheerder'] as const) {
      expect(() => accessibleWhere(abilityOf(role), 'read', 'Calendar', {}), role).toThrow(ForbiddenError)
    }
  })
})
