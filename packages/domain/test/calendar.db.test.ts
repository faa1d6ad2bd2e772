// The school calendar on the embedded database with the demo seed, through the tenant transaction
// (RLS as baken_app) and the role's CASL rules — as the routes call it.
//
// The demo's calendar is laid out here as the seed does on 21 November 2026 rather than on the day the
// tests run: the seed lays its calendar out around the seeding day, and only with 2026-2027 among its
// schooljaren does it insert that year's real (listed) holidays, which the dates below are checked
// against.
import { schema, withTenant, type DatabaseHandle, type TenantContext, type Tx } from '@baken/db'
import { demoDates, seedDemoCalendar } from '@baken/db/demo'
import { defineAbilityFor, ForbiddenError, type AppAbility } from '@baken/permissions'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  createCalendarEntry,
  deleteCalendarEntry,
  getSchoolCalendar,
  getStichtingCalendar,
  listCalendarEntries,
  loadSchoolCalendar,
  OutsideCalendarError,
  runUseCase,
  type UseCase,
} from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const school: Record<'branding' | 'lyceum' | 'vakcollege' | 'horizon', string> = { branding: '', lyceum: '', vakcollege: '', horizon: '' }
const YEAR = '2026-2027'
const SEEDED_AT = new Date('2026-11-21T10:00:00Z')

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  const byKey: Record<string, { id: string; stichtingId: string }> = {}
  for (const [key, brin, demoKey] of [['branding', '12AB', 'branding'], ['lyceum', '23CD', 'lyceum'], ['vakcollege', '34EF', 'vakcollege'], ['horizon', '45GH', 'horizon-school']] as const) {
    const [row] = await h.db.select().from(schema.schools).where(eq(schema.schools.brin, brin))
    school[key] = row!.id
    byKey[demoKey] = { id: row!.id, stichtingId: row!.stichtingId }
  }
  // The calendar (and the schooljaren) the seed has when it seeds on SEEDED_AT, instead of today's.
  const { schoolYears } = demoDates(SEEDED_AT)
  const stichtingen = await h.db.select({ id: schema.stichtingen.id }).from(schema.stichtingen)
  await h.db.transaction(async (tx) => {
    await tx.delete(schema.calendarEntries)
    await tx
      .insert(schema.schoolYears)
      .values(schoolYears.map((y) => ({ name: y, startsOn: `${y.slice(0, 4)}-08-01`, endsOn: `${y.slice(5)}-07-31` })))
      .onConflictDoNothing()
    await seedDemoCalendar(tx, { stichtingIds: stichtingen.map((x) => x.id), schools: byKey, schoolYears })
  })
})
afterAll(() => h?.close())

const as = <T>(email: string, fn: (tx: Tx, ability: AppAbility, ctx: TenantContext) => Promise<T>) => {
  const ctx = ctxOf[email]!
  return withTenant(h.db, ctx, (tx) => fn(tx, defineAbilityFor(ctx), ctx))
}
/** Runs a use case as the caller, in the caller's tenant transaction. */
const run = <S extends z.ZodType, T extends object>(email: string, useCase: UseCase<S, T>, input: unknown) =>
  as(email, (tx, ability, tenant) => runUseCase(useCase, tx, { ability, tenant, now: new Date() }, input))
/** A read's view, or null when the caller may not see it. */
const found = async <T extends object>(o: Promise<{ ok: true } & T | { ok: false }>) => {
  const r = await o
  return r.ok ? r : null
}
const calendarOf = (email: string, schoolId: string, years = [YEAR]) => as(email, (tx) => loadSchoolCalendar(tx, schoolId, years))

describe('loadSchoolCalendar through the tenant wall', () => {
  it('OBS De Branding (noord) and CBS De Horizon (zuid) differ by their voorjaarsvakantie, herfstvakantie and summer', async () => {
    const branding = (await calendarOf('directeur@branding.demo', school.branding))!
    const horizon = (await calendarOf('directeur@horizon.demo', school.horizon))!
    expect(branding.region).toBe('noord')
    expect(horizon.region).toBe('zuid')
    // Voorjaarsvakantie 2027: zuid 6–14 February, noord 20–28 February.
    expect([branding.isSchoolDay('2027-02-08'), horizon.isSchoolDay('2027-02-08')]).toEqual([true, false])
    expect([branding.isSchoolDay('2027-02-22'), horizon.isSchoolDay('2027-02-22')]).toEqual([false, true])
    expect(branding.countSchoolDays('2027-02-01', '2027-02-28')).toBe(15)
    expect(horizon.countSchoolDays('2027-02-01', '2027-02-28')).toBe(15)
    expect(branding.schoolDaysBetween('2027-02-01', '2027-02-28')).not.toEqual(horizon.schoolDaysBetween('2027-02-01', '2027-02-28'))
    // Herfstvakantie 2026: noord 10–18 October, zuid 17–25 October.
    expect([branding.isSchoolDay('2026-10-12'), horizon.isSchoolDay('2026-10-12')]).toEqual([false, true])
    expect([branding.isSchoolDay('2026-10-19'), horizon.isSchoolDay('2026-10-19')]).toEqual([true, false])
    // The zomervakantie 2026 (filed under 2025-2026) runs into August: noord until the 16th, zuid until the 23rd.
    expect([branding.isSchoolDay('2026-08-17'), horizon.isSchoolDay('2026-08-17')]).toEqual([true, false])
    expect(horizon.nextSchoolDay('2026-08-17')).toBe('2026-08-24')
    // A schorsing of 5 school days from Monday 5 October 2026: Horizon's week is whole, Branding's runs on.
    expect(branding.addSchoolDays('2026-10-05', 5)).toBe('2026-10-09')
    expect(branding.addSchoolDays('2026-10-08', 5)).toBe('2026-10-21')
    expect(horizon.addSchoolDays('2026-10-08', 5)).toBe('2026-10-14')
  })

  it("each school's study days count for that school only", async () => {
    const branding = (await calendarOf('directeur@branding.demo', school.branding))!
    expect(branding.daysOff('2026-11-25')).toEqual([{ source: 'school', kind: 'studiedag', name: 'Studiedag team' }])
    expect(branding.isSchoolDay('2026-11-30')).toBe(true) // the Lyceum's study day
    expect(branding.addSchoolDays('2026-11-23', 5)).toBe('2026-11-30')
    const lyceum = (await calendarOf('bestuur@kompas.demo', school.lyceum))!
    expect(lyceum.isSchoolDay('2026-11-25')).toBe(true)
    expect(lyceum.isSchoolDay('2026-11-30')).toBe(false)
    expect(lyceum.addSchoolDays('2026-11-23', 5)).toBe('2026-11-27')
    const horizon = (await calendarOf('directeur@horizon.demo', school.horizon))!
    expect(horizon.isSchoolDay('2026-11-23')).toBe(false)
  })

  it('is null for a school the caller cannot see (another school, another stichting, a bad id)', async () => {
    expect(await calendarOf('directeur@branding.demo', school.lyceum)).toBeNull()
    expect(await calendarOf('directeur@branding.demo', school.horizon)).toBeNull()
    expect(await calendarOf('bestuur@horizon.demo', school.branding)).toBeNull()
    expect(await calendarOf('beheer@kompas.demo', school.horizon)).toBeNull()
    expect(await calendarOf('directeur@branding.demo', 'not-a-uuid')).toBeNull()
    expect(await calendarOf('bestuur@horizon.demo', school.horizon)).not.toBeNull()
  })

  it('refuses dates outside the loaded schooljaren and flags a schooljaar without holidays', async () => {
    const one = (await calendarOf('directeur@branding.demo', school.branding))!
    expect(one.incompleteYears).toEqual([])
    expect(() => one.nextSchoolDay('2027-07-09')).toThrow(OutsideCalendarError)
    // The seed also gives the schooljaar after the seeding day's its holidays; not the one after that.
    const two = (await calendarOf('directeur@branding.demo', school.branding, [YEAR, '2027-2028']))!
    expect(two.incompleteYears).toEqual([])
    expect(two.nextSchoolDay('2027-07-09')).toBe('2027-08-23')
    const later = (await calendarOf('directeur@branding.demo', school.branding, ['2028-2029']))!
    expect(later.incompleteYears).toEqual(['2028-2029'])
    await expect(calendarOf('directeur@branding.demo', school.branding, [])).rejects.toThrow(RangeError)
    await expect(calendarOf('directeur@branding.demo', school.branding, ['2026-2028'])).rejects.toThrow(RangeError)
  })
})

describe('pages: the school view and the stichting view', () => {
  it("school staff get their own school's schooljaar: national holidays, entries and the number of school days", async () => {
    for (const email of ['directeur@branding.demo', 'leerkracht@branding.demo']) {
      const view = (await found(run(email, getSchoolCalendar, { schoolId: school.branding, schooljaar: YEAR })))!
      expect(view.school).toEqual({ id: school.branding, name: 'OBS De Branding', region: 'noord' })
      expect(view.schoolDays).toBe(205)
      const names = view.items.map((i) => i.name)
      expect(names).toEqual(expect.arrayContaining(['Herfstvakantie', 'Kerstvakantie', 'Hemelvaartsdag', 'Goede Vrijdag', 'Studiedag team']))
      expect(names).not.toContain('Studiedag toetsbeleid')
      expect(view.items.find((i) => i.name === 'Voorjaarsvakantie')).toMatchObject({ startsOn: '2027-02-20', source: 'region' })
    }
    expect(await found(run('directeur@branding.demo', getSchoolCalendar, { schoolId: school.lyceum, schooljaar: YEAR }))).toBeNull()
    const horizon = (await found(run('directeur@horizon.demo', getSchoolCalendar, { schoolId: school.horizon, schooljaar: YEAR })))!
    expect(horizon.items.find((i) => i.name === 'Voorjaarsvakantie')).toMatchObject({ startsOn: '2027-02-06' })
  })

  it('a partner has no Calendar rule at all', async () => {
    await expect(as('politie@wijkteam.demo', (tx, ability) => listCalendarEntries(tx, ability, { schooljaar: YEAR }))).rejects.toBeInstanceOf(ForbiddenError)
  })

  it('the stichting view lists region holidays per region and each Kompas school with its own days', async () => {
    const cal = (await found(run('beheer@kompas.demo', getStichtingCalendar, { schooljaar: YEAR })))!
    expect(cal.regions.map((r) => [r.region, r.entries.map((e) => e.name)])).toEqual(
      ['noord', 'midden', 'zuid'].map((region) => [region, ['Herfstvakantie', 'Kerstvakantie', 'Voorjaarsvakantie', 'Meivakantie', 'Zomervakantie']]),
    )
    expect(cal.schools.map((s) => [s.name, s.entries.length, s.schoolDays, s.incomplete])).toEqual([
      ['Kompas Lyceum', 2, 205, false],
      ['Kompas Vakcollege', 2, 205, false],
      ['OBS De Branding', 2, 205, false],
    ])
    const horizon = (await found(run('bestuur@horizon.demo', getStichtingCalendar, { schooljaar: YEAR })))!
    expect(horizon.schools.map((s) => s.name)).toEqual(['CBS De Horizon'])
    expect(horizon.regions.flatMap((r) => r.entries).every((e) => e.schoolId === null)).toBe(true)
  })
})

describe('maintaining the calendar', () => {
  const entry = (over: Record<string, unknown> = {}) => ({
    schooljaar: YEAR,
    kind: 'vrije_dag',
    name: 'Goede Vrijdag',
    startsOn: '2027-03-26',
    endsOn: '2027-03-26',
    scope: 'regio:noord',
    ...over,
  })
  const create = (email: string, input: unknown) => run(email, createCalendarEntry, input)

  it('the stichtingbeheerder adds a region day: it counts for every school of the region, then deletes it', async () => {
    const created = await create('beheer@kompas.demo', entry())
    expect(created).toMatchObject({ ok: true, id: expect.any(String) })
    const id = (created as { id: string }).id
    expect((await calendarOf('directeur@branding.demo', school.branding))!.isSchoolDay('2027-03-26')).toBe(false)
    expect((await calendarOf('bestuur@kompas.demo', school.lyceum))!.isSchoolDay('2027-03-26')).toBe(false)
    expect((await calendarOf('directeur@horizon.demo', school.horizon))!.isSchoolDay('2027-03-26')).toBe(true)
    // Nobody else may delete it; the beheerder can, once.
    expect(await run('directeur@branding.demo', deleteCalendarEntry, { id })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await run('bestuur@horizon.demo', deleteCalendarEntry, { id })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await run('beheer@kompas.demo', deleteCalendarEntry, { id })).toEqual({ ok: true, id })
    expect(await run('beheer@kompas.demo', deleteCalendarEntry, { id })).toMatchObject({ ok: false, reason: 'not_found' })
    expect((await calendarOf('directeur@branding.demo', school.branding))!.isSchoolDay('2027-03-26')).toBe(true)
  })

  it("adds a school's own day for that school only", async () => {
    const created = await create('beheer@kompas.demo', entry({ kind: 'studiedag', name: 'Extra studiedag', scope: `school:${school.vakcollege}`, startsOn: '2027-06-16', endsOn: '2027-06-16' }))
    expect(created.ok).toBe(true)
    expect((await calendarOf('directeur@vakcollege.demo', school.vakcollege))!.isSchoolDay('2027-06-16')).toBe(false)
    expect((await calendarOf('directeur@branding.demo', school.branding))!.isSchoolDay('2027-06-16')).toBe(true)
    expect(await run('beheer@kompas.demo', deleteCalendarEntry, { id: (created as { id: string }).id })).toMatchObject({ ok: true })
  })

  it.each([
    ['the end before the start', { startsOn: '2027-03-26', endsOn: '2027-03-25' }, 'endsOn', 'De einddatum ligt vóór de begindatum'],
    ['a start outside the schooljaar', { startsOn: '2026-07-31', endsOn: '2026-08-03' }, 'startsOn', 'De begindatum valt buiten schooljaar 2026-2027 (1 augustus 2026 t/m 31 juli 2027)'],
    ['a study day running past 31 July', { kind: 'studiedag', startsOn: '2027-07-30', endsOn: '2027-08-02' }, 'endsOn', 'De einddatum valt buiten schooljaar 2026-2027'],
    ['a summer past 15 September', { kind: 'schoolvakantie', startsOn: '2027-07-17', endsOn: '2027-09-16' }, 'endsOn', 'tot uiterlijk 15 september 2027'],
    ['a date that does not exist', { startsOn: '2027-02-30', endsOn: '2027-03-01' }, 'startsOn', 'Begindatum als JJJJ-MM-DD'],
    ['an unknown kind', { kind: 'feest' }, 'kind', 'Kies de soort'],
    ['an empty name', { name: '  ' }, 'name', 'Geef een naam'],
    ['no scope', { scope: '' }, 'scope', 'Kies een regio of een school'],
    ['an unknown region', { scope: 'regio:west' }, 'scope', 'Kies een regio of een school'],
    ['a school of another stichting', { scope: 'school:HORIZON' }, 'scope', 'Onbekende school'],
    ['a school id that is no id', { scope: 'school:12AB' }, 'scope', 'Onbekende school'],
    ['a schooljaar the platform does not know', { schooljaar: '2040-2041', startsOn: '2041-03-01', endsOn: '2041-03-01' }, 'schooljaar', 'Onbekend schooljaar'],
    ['a malformed schooljaar', { schooljaar: '2026' }, 'schooljaar', 'Schrijf het schooljaar als twee jaartallen'],
    ['a schooljaar of two years apart', { schooljaar: '2026-2028' }, 'schooljaar', 'opeenvolgende jaren'],
  ] as [string, Record<string, string>, string, string][])('refuses %s with a Dutch message (400), writing nothing', async (_label, over, path, message) => {
    const input = entry(over.scope === 'school:HORIZON' ? { ...over, scope: `school:${school.horizon}` } : over)
    const before = await h.db.$count(schema.calendarEntries)
    const result = await create('beheer@kompas.demo', input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toBe('invalid')
    expect(result.errors.find((e) => e.path === path)?.message).toContain(message)
    expect(await h.db.$count(schema.calendarEntries)).toBe(before)
  })

  it('a summer holiday may run into the next schooljaar until 15 September', async () => {
    const created = await create('beheer@kompas.demo', entry({ kind: 'schoolvakantie', name: 'Zomervakantie (test)', startsOn: '2027-07-17', endsOn: '2027-09-15' }))
    expect(created.ok).toBe(true)
    expect(await run('beheer@kompas.demo', deleteCalendarEntry, { id: (created as { id: string }).id })).toMatchObject({ ok: true })
  })

  it('school staff and the bestuurder may not add entries (403)', async () => {
    for (const email of ['directeur@branding.demo', 'leerkracht@branding.demo', 'bestuur@kompas.demo', 'bestuur@horizon.demo']) {
      expect(await create(email, entry()), email).toMatchObject({ ok: false, reason: 'forbidden' })
    }
  })

  it("the beheerder cannot delete another stichting's entry (404, it stays)", async () => {
    const [foreign] = await h.db.select().from(schema.calendarEntries).where(eq(schema.calendarEntries.schoolId, school.horizon))
    expect(await run('beheer@kompas.demo', deleteCalendarEntry, { id: foreign!.id })).toMatchObject({ ok: false, reason: 'not_found' })
    expect(await run('beheer@kompas.demo', deleteCalendarEntry, { id: 'nope' })).toMatchObject({ ok: false, reason: 'not_found' })
    const [still] = await h.db.select().from(schema.calendarEntries).where(eq(schema.calendarEntries.id, foreign!.id))
    expect(still).toBeDefined()
  })
})
