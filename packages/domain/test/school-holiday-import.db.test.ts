// Importing the Rijksoverheid's school holidays through the tenant transaction (RLS as baken_app,
// CASL as the routes): the stichtingbeheerder replaces the region holidays of a schooljaar for her
// stichting only; the schools' own days stay; a bad file or an unknown schooljaar writes nothing;
// other roles are refused.
import { schema, withTenant, type DatabaseHandle, type TenantContext, type Tx } from '@baken/db'
import { defineAbilityFor, type AppAbility } from '@baken/permissions'
import { and, eq, inArray, isNull, ne } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLED_SCHOOL_HOLIDAYS, importBundledSchoolHolidays, importSchoolHolidays, runUseCase } from '../src/index.ts'
import { openDemoDatabase } from './support/demo-database.ts'

let h: DatabaseHandle
const ctxOf: Record<string, TenantContext> = {}
const BEHEER = 'beheer@kompas.demo'
const YEAR = '2027-2028'
const run = <T>(email: string, fn: (tx: Tx, ability: AppAbility, ctx: TenantContext) => Promise<T>) =>
  withTenant(h.db, ctxOf[email]!, (tx) => fn(tx, defineAbilityFor(ctxOf[email]!), ctxOf[email]!))
const kompas = () => ctxOf[BEHEER]!.stichtingId!
const entriesOf = (stichtingId: string, schoolYear = YEAR) =>
  h.db.select().from(schema.calendarEntries).where(and(eq(schema.calendarEntries.stichtingId, stichtingId), eq(schema.calendarEntries.schoolYear, schoolYear)))

beforeAll(async () => {
  const demo = await openDemoDatabase()
  h = demo.h
  Object.assign(ctxOf, demo.ctxOf)
  // Every shipped schooljaar known to the platform, whatever the seeding day; a school's own day in it.
  await h.db
    .insert(schema.schoolYears)
    .values(Object.keys(BUNDLED_SCHOOL_HOLIDAYS).map((y) => ({ name: y, startsOn: `${y.slice(0, 4)}-08-01`, endsOn: `${y.slice(5)}-07-31` })))
    .onConflictDoNothing()
  const [branding] = await h.db.select().from(schema.schools).where(eq(schema.schools.brin, '12AB'))
  await h.db.insert(schema.calendarEntries).values({ stichtingId: branding!.stichtingId, schoolId: branding!.id, region: null, schoolYear: YEAR, kind: 'studiedag', name: 'Studiedag (eigen)', startsOn: '2027-11-24', endsOn: '2027-11-24' })
})
afterAll(() => h?.close())

describe('importing the region holidays', () => {
  it('the stichtingbeheerder imports the shipped 2027-2028 data: 15 holidays, replacing the region holidays of that schooljaar, twice gives the same', async () => {
    const horizon = (await h.db.select({ id: schema.stichtingen.id }).from(schema.stichtingen).where(ne(schema.stichtingen.id, kompas())))[0]!.id
    const horizonBefore = (await entriesOf(horizon)).length
    const ownDays = (await entriesOf(kompas())).filter((r) => r.schoolId !== null).map((r) => r.id).sort()
    expect(ownDays.length).toBeGreaterThan(0)
    for (let round = 0; round < 2; round++) {
      const r = await run(BEHEER, (tx, ability, ctx) => runUseCase(importBundledSchoolHolidays, tx, { ability, tenant: ctx, now: new Date() }, { schooljaar: YEAR }))
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true, imported: 15, schoolYears: [{ schoolYear: YEAR, imported: 15 }] })
    }
    const rows = await entriesOf(kompas())
    const region = rows.filter((r) => r.schoolId === null)
    expect(region).toHaveLength(15)
    expect(region.every((r) => r.kind === 'schoolvakantie' && r.createdById === ctxOf[BEHEER]!.userId)).toBe(true)
    expect(region.find((r) => r.region === 'zuid' && r.name === 'Zomervakantie')).toMatchObject({ startsOn: '2028-07-22', endsOn: '2028-09-03' })
    // The school's own day stays; the other stichting is untouched.
    expect(rows.filter((r) => r.schoolId !== null).map((r) => r.id).sort()).toEqual(ownDays)
    expect((await entriesOf(horizon)).length).toBe(horizonBefore)
  })

  it('a file with an error anywhere, or an unknown schooljaar, writes nothing', async () => {
    const before = await entriesOf(kompas())
    const good = BUNDLED_SCHOOL_HOLIDAYS[YEAR] as { content: { schoolyear: string; vacations: { type: string; regions: { region: string }[] }[] }[] }
    const bad = structuredClone(good)
    bad.content[0]!.vacations[4]!.regions[0]!.region = 'oost'
    const r = await run(BEHEER, (tx, ability, ctx) => runUseCase(importSchoolHolidays, tx, { ability, tenant: ctx, now: new Date() }, { text: JSON.stringify([BUNDLED_SCHOOL_HOLIDAYS['2026-2027'], bad]) }))
    expect(r).toMatchObject({ ok: false, reason: 'invalid', errors: [{ path: 'file', message: expect.stringContaining('onbekende regio "oost"') }] })
    const unknown = { content: [{ schoolyear: '2090-2091', vacations: [{ type: 'Kerstvakantie', regions: [{ region: 'heel Nederland', startdate: '2090-12-23', enddate: '2091-01-07' }] }] }] }
    const u = await run(BEHEER, (tx, ability, ctx) => runUseCase(importSchoolHolidays, tx, { ability, tenant: ctx, now: new Date() }, { text: JSON.stringify(unknown) }))
    expect(u).toMatchObject({ ok: false, reason: 'invalid', errors: [{ message: 'Schooljaar 2090-2091 is niet bekend in Baken; het bestand is niet geïmporteerd.' }] })
    expect(await entriesOf(kompas())).toEqual(before)
  })

  it('is refused to every other role (403), and a schooljaar Baken ships nothing for is named', async () => {
    for (const email of ['bestuur@kompas.demo', 'directeur@branding.demo', 'privacy@kompas.demo']) {
      const r = await run(email, (tx, ability, ctx) => runUseCase(importSchoolHolidays, tx, { ability, tenant: ctx, now: new Date() }, { text: JSON.stringify(BUNDLED_SCHOOL_HOLIDAYS[YEAR]) }))
      expect(r, email).toMatchObject({ ok: false, reason: 'forbidden' })
    }
    const none = await run(BEHEER, (tx, ability, ctx) => runUseCase(importBundledSchoolHolidays, tx, { ability, tenant: ctx, now: new Date() }, { schooljaar: '2030-2031' }))
    expect(none).toMatchObject({ ok: false, reason: 'invalid', errors: [{ message: expect.stringContaining('2030-2031') }] })
    // Nothing of the refused calls reached the table.
    const region = await h.db
      .select()
      .from(schema.calendarEntries)
      .where(and(isNull(schema.calendarEntries.schoolId), inArray(schema.calendarEntries.schoolYear, [YEAR]), eq(schema.calendarEntries.stichtingId, kompas())))
    expect(region).toHaveLength(15)
  })
})
