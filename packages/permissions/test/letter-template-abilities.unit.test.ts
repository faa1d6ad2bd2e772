// Letter templates (subject LetterTemplate): everyone working in the stichting reads its
// templates (letters are made at the schools); the stichtingbeheerder and the bestuurder add versions;
// nobody changes or deletes a version (a new one is added instead); partners and the platform see none.
import { ROLES } from '@baken/db/schema'
import * as schema from '@baken/db/schema'
import { describe, expect, it } from 'vitest'
import { accessibleWhere, ForbiddenError, record } from '../src/index.ts'
import { abilityOf, STICHTING } from './support/ability-of.ts'

const OTHER_STICHTING = '99999999-9999-4999-8999-999999999999'
const template = (stichtingId = STICHTING) => record('LetterTemplate', { id: 't', stichtingId, kind: 'schorsing' })

describe('LetterTemplate abilities', () => {
  it('school staff and the stichting roles read the templates of their own stichting only', () => {
    const readers = ['bestuurder', 'stichtingbeheerder', 'privacyfunctionaris', 'directeur', 'intern_begeleider', 'leerkracht', 'vertrouwenspersoon']
    expect(ROLES.filter((r) => abilityOf(r).can('read', template()))).toEqual(readers)
    for (const role of ROLES) expect(abilityOf(role).can('read', template(OTHER_STICHTING)), role).toBe(false)
  })

  it('only the stichtingbeheerder and the bestuurder add versions, in their own stichting', () => {
    expect(ROLES.filter((r) => abilityOf(r).can('create', template()))).toEqual(['bestuurder', 'stichtingbeheerder'])
    expect(abilityOf('stichtingbeheerder').can('create', template(OTHER_STICHTING))).toBe(false)
  })

  it('no role updates or deletes a version', () => {
    for (const role of ROLES) {
      for (const action of ['update', 'delete'] as const) expect(abilityOf(role).can(action, template()), `${role} ${action}`).toBe(false)
    }
  })

  it('turns into a where-clause on the stichting, or ForbiddenError', () => {
    const columns = { stichtingId: schema.letterTemplates.stichtingId }
    expect(() => accessibleWhere(abilityOf('directeur'), 'read', 'LetterTemplate', columns)).not.toThrow()
    expect(() => accessibleWhere(abilityOf('platform_beheerder'), 'read', 'LetterTemplate', columns)).toThrow(ForbiddenError)
    expect(() => accessibleWhere(abilityOf('politie'), 'read', 'LetterTemplate', columns)).toThrow(ForbiddenError)
  })
})
