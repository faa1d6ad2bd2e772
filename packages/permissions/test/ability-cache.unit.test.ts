// defineAbilityFor keeps one ability per distinct context (ADR 032): the same context gets the same
// ability, and a context that differs in any id the rules read gets its own, with its own answers.
import { describe, expect, it } from 'vitest'
import { defineAbilityFor, record } from '../src/index.ts'
import { SCHOOL, STICHTING, USER } from './support/ability-of.ts'

const OTHER_SCHOOL = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'
const OTHER_USER = 'ffffffff-ffff-4fff-8fff-ffffffffffff'
const directeur = { userId: USER, role: 'directeur' as const, stichtingId: STICHTING, schoolId: SCHOOL, partnerId: null }

describe('abilities kept per context', () => {
  it('gives the same context the same ability, built once', () => {
    expect(defineAbilityFor({ ...directeur })).toBe(defineAbilityFor({ ...directeur }))
  })

  it('gives another school, user or role its own ability, never the one kept for the first', () => {
    const own = defineAbilityFor(directeur)
    const otherSchool = defineAbilityFor({ ...directeur, schoolId: OTHER_SCHOOL })
    const pupil = (schoolId: string) => record('Student', { schoolId, stichtingId: STICHTING })
    expect(otherSchool).not.toBe(own)
    expect(own.can('read', pupil(SCHOOL))).toBe(true)
    expect(own.can('read', pupil(OTHER_SCHOOL))).toBe(false)
    expect(otherSchool.can('read', pupil(OTHER_SCHOOL))).toBe(true)
    expect(otherSchool.can('read', pupil(SCHOOL))).toBe(false)

    const token = (userId: string) => record('ApiToken', { userId })
    const otherUser = defineAbilityFor({ ...directeur, userId: OTHER_USER })
    expect(otherUser.can('manage', token(OTHER_USER))).toBe(true)
    expect(otherUser.can('manage', token(USER))).toBe(false)

    const beheerder = defineAbilityFor({ ...directeur, role: 'stichtingbeheerder', schoolId: null })
    expect(beheerder.can('read', pupil(SCHOOL))).toBe(false)
    expect(defineAbilityFor(directeur).can('read', pupil(SCHOOL))).toBe(true)
  })
})
