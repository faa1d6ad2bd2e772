// Mail (the outbox, subject Mail): the directeur reads the school's messages, the bestuurder the
// stichting's, the stichtingbeheerder the stichting's envelopes but not their bodies; nobody else
// reads mail, and nobody changes it through the application.
import { ROLES } from '@baken/db/schema'
import * as schema from '@baken/db/schema'
import { describe, expect, it } from 'vitest'
import { accessibleWhere, ForbiddenError, MAIL_ENVELOPE_FIELDS, record } from '../src/index.ts'
import { abilityOf, SCHOOL, STICHTING } from './support/ability-of.ts'

const OTHER_STICHTING = '99999999-9999-4999-8999-999999999999'
const OTHER_SCHOOL = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'


const mail = (schoolId: string | null = SCHOOL, stichtingId = STICHTING) => record('Mail', { id: 'm', schoolId, stichtingId })

describe('Mail abilities', () => {
  it('the directeur, the stichtingbeheerder and the bestuurder read mail; no other role', () => {
    expect(ROLES.filter((r) => abilityOf(r).can('read', 'Mail'))).toEqual(['bestuurder', 'stichtingbeheerder', 'directeur'])
    expect(ROLES.filter((r) => abilityOf(r).can('read', mail()))).toEqual(['bestuurder', 'stichtingbeheerder', 'directeur'])
  })

  it('within their own school or stichting only', () => {
    expect(abilityOf('directeur').can('read', mail(OTHER_SCHOOL))).toBe(false)
    expect(abilityOf('directeur').can('read', mail(null))).toBe(false)
    expect(abilityOf('bestuurder').can('read', mail(null))).toBe(true)
    for (const role of ROLES) expect(abilityOf(role).can('read', mail(OTHER_SCHOOL, OTHER_STICHTING)), role).toBe(false)
  })

  it('the stichtingbeheerder sees the envelope, not the body (the beheerder sees no incident content)', () => {
    const beheerder = abilityOf('stichtingbeheerder')
    for (const field of MAIL_ENVELOPE_FIELDS) expect(beheerder.can('read', mail(), field), field).toBe(true)
    expect(beheerder.can('read', mail(), 'text')).toBe(false)
    expect(beheerder.can('read', mail(), 'html')).toBe(false)
    expect(abilityOf('directeur').can('read', mail(), 'text')).toBe(true)
    expect(abilityOf('bestuurder').can('read', mail(), 'text')).toBe(true)
  })

  it('nobody creates, updates or deletes mail through an ability (the domain queues it; the worker sends it)', () => {
    for (const role of ROLES) {
      for (const action of ['create', 'update', 'delete'] as const) expect(abilityOf(role).can(action, 'Mail'), `${role} ${action}`).toBe(false)
    }
  })

  it('turns into a where-clause on the outbox, or ForbiddenError', () => {
    const columns = { id: schema.outbox.id, schoolId: schema.outbox.schoolId, stichtingId: schema.outbox.stichtingId }
    expect(() => accessibleWhere(abilityOf('directeur'), 'read', 'Mail', columns)).not.toThrow()
    expect(() => accessibleWhere(abilityOf('stichtingbeheerder'), 'read', 'Mail', columns)).not.toThrow()
    expect(() => accessibleWhere(abilityOf('leerkracht'), 'read', 'Mail', columns)).toThrow(ForbiddenError)
  })
})
