import { AbilityBuilder, createMongoAbility } from '@casl/ability'
import * as schema from '@baken/db/schema'
import { PgDialect } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import {
  accessibleWhere,
  defineAbilityFor,
  ForbiddenError,
  UnsupportedConditionError,
  type AppAbility,
} from '../src/index.ts'

const dialect = new PgDialect()
const render = (ability: AppAbility) => dialect.sqlToQuery(accessibleWhere(ability, 'read', 'Student', studentColumns))
const studentColumns = {
  schoolId: schema.students.schoolId,
  stichtingId: schema.students.stichtingId,
  groupId: schema.students.groupId,
  status: schema.students.status,
}
const SCHOOL = '11111111-1111-4111-8111-111111111111'
const OTHER = '22222222-2222-4222-8222-222222222222'

function build(define: (b: AbilityBuilder<AppAbility>) => void): AppAbility {
  const b = new AbilityBuilder<AppAbility>(createMongoAbility)
  define(b)
  return b.build()
}

describe('accessibleWhere', () => {
  it('turns a flat condition into an equality on the real column', () => {
    const q = render(build(({ can }) => can('read', 'Student', { schoolId: SCHOOL })))
    expect(q.sql).toBe('"students"."school_id" = $1')
    expect(q.params).toEqual([SCHOOL])
  })

  it('ORs several allowing rules', () => {
    const q = render(
      build(({ can }) => {
        can('read', 'Student', { schoolId: SCHOOL })
        can('read', 'Student', { groupId: { $in: [OTHER] } })
      }),
    )
    expect(q.sql).toMatch(/"students"."group_id" in \(\$1\)/)
    expect(q.sql).toMatch(/ or /)
    expect(q.params).toEqual(expect.arrayContaining([SCHOOL, OTHER]))
  })

  it('ANDs an inverted rule as NOT', () => {
    const q = render(
      build(({ can, cannot }) => {
        can('read', 'Student', { schoolId: SCHOOL })
        cannot('read', 'Student', { status: 'left' })
      }),
    )
    expect(q.sql).toContain('not "students"."status" = $')
    expect(q.sql).toContain('"students"."school_id" = $')
  })

  it('an unconditional rule yields true', () => {
    expect(render(build(({ can }) => can('read', 'Student'))).sql).toBe('true')
  })

  it('an empty $in matches nothing', () => {
    expect(render(build(({ can }) => can('read', 'Student', { groupId: { $in: [] } }))).sql).toBe('false')
  })

  it('a null context value becomes IS NULL, never "= NULL" or a dropped condition', () => {
    expect(render(build(({ can }) => can('read', 'Student', { schoolId: null }))).sql).toBe(
      '"students"."school_id" is null',
    )
  })

  it('throws Forbidden when no rule allows the action', () => {
    expect(() => render(build(({ can }) => can('read', 'School')))).toThrow(ForbiddenError)
  })

  it('fails closed on a field it has no column for', () => {
    const ability = build(({ can }) => can('read', 'Student', { reportedById: SCHOOL }))
    expect(() => render(ability)).toThrow(UnsupportedConditionError)
  })

  it('fails closed on an operator it does not know', () => {
    const ability = build(({ can }) => can('read', 'Student', { status: { $regex: '^act' } }))
    expect(() => render(ability)).toThrow(UnsupportedConditionError)
  })

  it('fails closed on nested or object values', () => {
    const ability = build(({ can }) => can('read', 'Student', { schoolId: { $eq: { nested: 1 } } as never }))
    expect(() => render(ability)).toThrow(UnsupportedConditionError)
  })

  it('fails closed even when the unknown condition sits in a rule beside valid ones', () => {
    const ability = build(({ can }) => {
      can('read', 'Student', { schoolId: SCHOOL })
      can('read', 'Student', { secret: 'x' })
    })
    expect(() => render(ability)).toThrow(UnsupportedConditionError)
  })

  it('works with the real role abilities', () => {
    const ability = defineAbilityFor({
      userId: OTHER,
      role: 'leerkracht',
      stichtingId: OTHER,
      schoolId: SCHOOL,
      partnerId: null,
    })
    const q = render(ability)
    expect(q.sql).toBe('"students"."school_id" = $1')
    expect(q.params).toEqual([SCHOOL])
  })
})
