// No extension of a schorsing by a second decision, and no schorsing on a schooljaar without its
// school holidays, through the tenant transaction as the routes call them: an overlap is refused at
// the proposal and at the decision; a schorsing that directly follows another (also across a weekend)
// only on a new incident after the earlier decision, recorded with the proposal; one school day back
// at school makes a new schorsing; two proposals at once for one pupil cannot both pass.
import { schema, withTenant, type DatabaseHandle, type TenantContext } from '@baken/db'
import { demoDates, type DemoDates } from '@baken/db/demo'
import { defineAbilityFor } from '@baken/permissions'
import { and, eq, isNull } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCalendarEntry, getMeasure, isoWeekday, plusDays, proposeMeasure, recordedFollowUpBasis, runUseCase, schoolYearOfDate, transitionMeasure } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'
import { runAs } from './support/run-use-case.ts'
import type { Outcome, UseCase } from '../src/use-case.ts'
import type { z } from 'zod'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const DIR = 'directeur@branding.demo'
const BOARD = 'bestuur@kompas.demo'
const BEHEER = 'beheer@kompas.demo'
const as = <T>(email: string, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(h.db, ctxOf[email]!, fn)
const ability = (email: string) => defineAbilityFor(ctxOf[email]!)
/** Runs a use case as the user, on a Dutch day when given (at noon, so the day is the same in Amsterdam). */
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown, on?: string) =>
  runAs(h.db, ctxOf[email]!, useCase, input, on ? new Date(`${on}T12:00:00Z`) : undefined)
/** The value of an outcome that must have succeeded. */
const ok = <T extends object>(outcome: Outcome<T>) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome))
  return outcome
}
const JUSTIFY = 'De veiligheid van de medeleerlingen vraagt direct een schorsing.'
const propose = (studentId: string, startsOn: string, schoolDays: number, extra: Record<string, unknown> = {}) =>
  run(DIR, proposeMeasure, { kind: 'schorsing', studentId, reasons: 'Bedreigde een medeleerling op het plein.', startsOn, schoolDays, skipJustification: JUSTIFY, ...extra })
const decide = (id: string) => run(BOARD, transitionMeasure, { to: 'approved', id })
const idOf = (r: object) => (r as { id: string }).id

let seeded: DemoDates
let free: string[] = []
let branding = ''
const calendar = () => seeded.calendar('noord', 'branding')
/** A Friday at least a week ahead whose Monday after is a school day too. */
function fridayBeforeSchoolMonday(): string {
  const cal = calendar()
  let d = seeded.schoolDay('noord', 5, 'branding')
  while (isoWeekday(d) !== 5 || !cal.isSchoolDay(d) || !cal.isSchoolDay(plusDays(d, 3)) || !cal.isSchoolDay(plusDays(d, -1))) d = plusDays(d, 1)
  return d
}

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const [seed] = await h.db.select({ at: schema.stichtingen.createdAt }).from(schema.stichtingen).limit(1)
  seeded = demoDates(seed!.at)
  branding = ctxOf[DIR]!.schoolId!
  const taken = new Set((await h.db.select({ id: schema.measures.studentId }).from(schema.measures)).map((m) => m.id))
  free = (await h.db.select({ id: schema.students.id }).from(schema.students).where(eq(schema.students.schoolId, branding))).map((s) => s.id).filter((id) => !taken.has(id))
  expect(free.length).toBeGreaterThanOrEqual(8)
})
afterAll(() => h?.close())

describe('overlap', () => {
  it('is refused at the proposal, when the new one shares only the last or the first day', async () => {
    const pupil = free.shift()!
    const cal = calendar()
    const start = seeded.schoolDay('noord', 4, 'branding')
    const first = await propose(pupil, start, 3)
    expect(first.ok, JSON.stringify(first)).toBe(true)
    const end = cal.addSchoolDays(start, 3)
    for (const [startsOn, days] of [[end, 1], [seeded.schoolDay('noord', 2, 'branding'), 3]] as const) {
      const r = await propose(pupil, startsOn, days)
      expect(r, `${startsOn} ${days}`).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'startsOn' }] })
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/overlapt.*WPO art\. 40c lid 1/)
    }
    // A refused schorsing does not count: after the board refuses it, the days are free again.
    const refused = await run(BOARD, transitionMeasure, { to: 'refused', reason: 'Eerst een gesprek met de ouders.', id: idOf(first) })
    expect(refused).toMatchObject({ ok: true })
    expect((await propose(pupil, end, 1)).ok).toBe(true)
  })

  it('is refused at the decision when an overlapping schorsing of the pupil was stored before the rule (409)', async () => {
    const pupil = free.shift()!
    const start = seeded.schoolDay('noord', 4, 'branding')
    const first = await propose(pupil, start, 2)
    expect(first.ok).toBe(true)
    // An older row, written straight into the table, that overlaps it.
    const [row] = await h.db.select().from(schema.measures).where(eq(schema.measures.id, idOf(first)))
    const legacy = crypto.randomUUID()
    await h.db.insert(schema.measures).values({ ...row!, id: legacy, createdAt: new Date(), updatedAt: new Date() })
    const r = await decide(idOf(first))
    expect(r).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'to' }] })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/overlapt met een andere schorsing van deze leerling/)
    expect((await h.db.select().from(schema.measures).where(eq(schema.measures.id, idOf(first))))[0]!.state).toBe('proposed')
  })

  it('two proposals at once for the same pupil: exactly one is accepted (the pupil is locked)', async () => {
    const pupil = free.shift()!
    const start = seeded.schoolDay('noord', 4, 'branding')
    const results = await Promise.all([propose(pupil, start, 2), propose(pupil, start, 3)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'startsOn' }] })
  })
})

describe('directly following', () => {
  it('a Monday after a schorsing that ends on Friday directly follows it (the weekend is no school day back); a Tuesday does not', async () => {
    const pupil = free.shift()!
    const friday = fridayBeforeSchoolMonday()
    const first = await propose(pupil, plusDays(friday, -1), 2)
    expect(first.ok).toBe(true)
    expect(await decide(idOf(first))).toMatchObject({ ok: true })
    const monday = await propose(pupil, plusDays(friday, 3), 1)
    expect(monday).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'startsOn' }] })
    if (!monday.ok) {
      expect(monday.errors[0]!.message).toMatch(/sluit direct aan/)
      expect(monday.errors[0]!.message).toMatch(/samen 3 schooldagen aaneen/)
    }
    // Monday back at school: a schorsing from Tuesday is a new one.
    const tuesday = calendar().nextSchoolDay(plusDays(friday, 3))
    expect((await propose(pupil, tuesday, 1)).ok).toBe(true)
  })

  it('one that ends on the school day before another begins is refused too (it precedes it)', async () => {
    const pupil = free.shift()!
    const cal = calendar()
    const later = seeded.schoolDay('noord', 6, 'branding')
    expect((await propose(pupil, later, 2)).ok).toBe(true)
    const before = await propose(pupil, seeded.schoolDay('noord', 4, 'branding'), 2)
    expect(cal.addSchoolDays(seeded.schoolDay('noord', 4, 'branding'), 2)).toBe(seeded.schoolDay('noord', 5, 'branding'))
    expect(before).toMatchObject({ ok: false, reason: 'invalid' })
    if (!before.ok) expect(before.errors[0]!.message).toMatch(/nog niet besloten/)
  })

  it('rests on a new incident after the earlier decision: accepted, the incident recorded, and the decision passes; an earlier incident does not count', async () => {
    const pupil = free.shift()!
    const cal = calendar()
    const start = seeded.schoolDay('noord', 4, 'branding')
    const first = await propose(pupil, start, 2)
    expect(await decide(idOf(first))).toMatchObject({ ok: true })
    const [decided] = await h.db.select({ at: schema.measures.decidedAt }).from(schema.measures).where(eq(schema.measures.id, idOf(first)))
    const next = cal.nextSchoolDay(cal.addSchoolDays(start, 2))
    // Two incidents with the pupil as dader: one the day before the decision, one after it.
    const incident = async (occurredAt: Date) => {
      const id = crypto.randomUUID()
      const [reporter] = await h.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, DIR))
      const tenant = { stichtingId: ctxOf[DIR]!.stichtingId!, schoolId: branding }
      await h.db.insert(schema.incidents).values({ id, ...tenant, status: 'submitted', schoolYear: schoolYearOfDate(occurredAt.toISOString().slice(0, 10)), occurredAt, submittedAt: occurredAt, situation: 'Sloeg een medeleerling.', reportedById: reporter!.id })
      await h.db.insert(schema.incidentPersons).values({ ...tenant, incidentId: id, role: 'dader', kind: 'leerling', studentId: pupil })
      return id
    }
    const old = await incident(new Date(decided!.at!.getTime() - 86_400_000))
    const fresh = await incident(new Date(decided!.at!.getTime() + 60_000))
    const withOld = await propose(pupil, next, 2, { incidentIds: [old] })
    expect(withOld).toMatchObject({ ok: false, reason: 'invalid' })
    if (!withOld.ok) expect(withOld.errors[0]!.message).toMatch(/nieuw incident met deze leerling dat plaatsvond na het besluit/)
    const withNew = await propose(pupil, next, 2, { incidentIds: [fresh] })
    expect(withNew, JSON.stringify(withNew)).toMatchObject({ ok: true })
    const basis = await as(BOARD, (tx) => recordedFollowUpBasis(tx, idOf(withNew)))
    expect(basis).toEqual([{ measureId: idOf(first), incidentId: fresh, incidentOccurredAt: new Date(decided!.at!.getTime() + 60_000).toISOString() }])
    // The bestuurder reads no incidents: the decision checks the recorded ground.
    expect(await decide(idOf(withNew))).toMatchObject({ ok: true, state: 'approved' })
    // The case shows the pupil's schorsingen of the schooljaar with their total.
    const detail = ok(await run(DIR, getMeasure, { id: idOf(withNew) }))
    const year = schoolYearOfDate(next)
    const inYear = [[idOf(first), start], [idOf(withNew), next]].filter(([, on]) => schoolYearOfDate(on!) === year)
    expect(detail!.schorsingenOfYear).toMatchObject({ schoolYear: year, totalSchoolDays: 2 * inYear.length, items: inYear.map(([id]) => ({ id })) })
  })

  it('the decision refuses one that directly follows after a study day took the school day between', async () => {
    const pupil = free.shift()!
    const cal = calendar()
    const start = seeded.schoolDay('noord', 4, 'branding')
    const between = cal.nextSchoolDay(cal.nextSchoolDay(start))
    const a = await propose(pupil, start, 2)
    const b = await propose(pupil, cal.nextSchoolDay(between), 2)
    expect([a.ok, b.ok]).toEqual([true, true])
    expect(await decide(idOf(a))).toMatchObject({ ok: true })
    const added = await as(BEHEER, (tx) =>
      runUseCase(createCalendarEntry, tx, { ability: ability(BEHEER), tenant: ctxOf[BEHEER]!, now: new Date() }, { schooljaar: schoolYearOfDate(between), kind: 'studiedag', name: 'Studiedag', startsOn: between, endsOn: between, scope: `school:${branding}` }),
    )
    expect(added).toMatchObject({ ok: true })
    const r = await decide(idOf(b))
    expect(r).toMatchObject({ ok: false, reason: 'conflict', errors: [{ path: 'to' }] })
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/sluit direct aan.*dat besluit is genomen op/)
  })
})

describe('a schooljaar without school holidays', () => {
  it('refuses a schorsing that ends in it (the schooljaar after next has none in the demo), but records a time-out', async () => {
    const pupil = free.shift()!
    // The last school day before the summer of next schooljaar: two school days end after the summer.
    const next = seeded.schoolYears.at(-1)!
    const cal = calendar()
    let last = `${next.slice(5)}-07-31`
    while (!cal.isSchoolDay(last)) last = plusDays(last, -1)
    const r = await propose(pupil, last, 2)
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'schoolDays' }] })
    const afterNext = `${Number(next.slice(0, 4)) + 1}-${Number(next.slice(0, 4)) + 2}`
    if (!r.ok) expect(r.errors[0]!.message).toContain(`Voor schooljaar ${afterNext} zijn nog geen schoolvakanties van regio noord ingevoerd`)
    // Starting in it: refused on the start.
    const september = `${afterNext.slice(0, 4)}-09-15`
    const inIt = await propose(pupil, isoWeekday(september) <= 5 ? september : plusDays(september, 8 - isoWeekday(september)), 1)
    expect(inIt).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'startsOn' }] })
    // A time-out (the rest of one day, safety first) is not held up by the calendar.
    const timeOut = await run(DIR, proposeMeasure, { kind: 'time_out', studentId: pupil, reasons: 'Sloeg een klasgenoot.', startsOn: last, skipJustification: JUSTIFY })
    expect(timeOut).toMatchObject({ ok: true })
    // The school's region rows of that schooljaar: none, indeed.
    const rows = await h.db
      .select()
      .from(schema.calendarEntries)
      .where(and(eq(schema.calendarEntries.schoolYear, afterNext), isNull(schema.calendarEntries.schoolId)))
    expect(rows).toEqual([])
  })
})
