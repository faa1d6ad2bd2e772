// The school calendar under RLS (migration 0011), with raw SQL as the app role: everyone in the
// stichting reads the region rows and their own school's rows (stichting roles: all schools'), only
// the stichtingbeheerder writes, and only inside the own stichting. calendar_entries is left out of
// the generic blanket UPDATE/DELETE checks of tenant-isolation.db.test.ts because of exactly this rule.
import { type SQL, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { applyContext, type ContextSettings, withContext } from '../src/context.ts'
import { demoDates } from '../src/demo-dates.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { affectedRows, attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

const SCHOOL_STAFF = ['directeur@branding.demo', 'ib@branding.demo', 'leerkracht@branding.demo', 'vertrouwenspersoon@branding.demo']

describeEachDriver('school calendar (raw SQL as baken_app)', (getDb) => {
  let f: DemoFixture
  /** The schooljaren the seed laid its calendar out for (around the day it was seeded). */
  let years: string[]

  const countAs = (ctx: ContextSettings, where: SQL = sql`true`) =>
    withContext(getDb().app, ctx, async (tx) =>
      rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from calendar_entries where ${where}`))[0]!.n,
    )
  const ownerCount = async (where: SQL) =>
    rows<{ n: number }>(await getDb().owner.execute(sql`select count(*)::int as n from calendar_entries where ${where}`))[0]!.n
  /** Count and digest of all rows, read as the owner, to prove a refused write changed nothing. */
  const snapshot = async () =>
    rows<{ n: number; digest: string }>(
      await getDb().owner.execute(sql`select count(*)::int as n,
          coalesce(md5(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text)), '') as digest from calendar_entries x`),
    )[0]!
  const as = (email: string) => f.contextOf(email)

  const insertRow = (ctx: ContextSettings, values: { stichtingId: string; schoolId: string | null; region: string | null; name: string }) =>
    attempt(() =>
      withContext(getDb().app, ctx, (tx) =>
        tx.execute(sql`insert into calendar_entries (stichting_id, school_id, region, school_year, kind, name, starts_on, ends_on)
          values (${values.stichtingId}, ${values.schoolId}, ${values.region}::holiday_region, '2026-2027', 'studiedag', ${values.name},
                  '2027-06-16', '2027-06-16')`),
      ),
    )
  const updateAs = (ctx: ContextSettings, where: SQL) =>
    attempt(() =>
      withContext(getDb().app, ctx, async (tx) =>
        rows(await tx.execute(sql`update calendar_entries set name = name || ' (gewijzigd)' where ${where} returning 1`)).length,
      ),
    )
  const deleteAs = (ctx: ContextSettings, where: SQL) =>
    attempt(() =>
      withContext(getDb().app, ctx, async (tx) => rows(await tx.execute(sql`delete from calendar_entries where ${where} returning 1`)).length),
    )

  beforeAll(async () => {
    f = await loadDemoFixture(getDb().owner)
    const [seed] = rows<{ at: string }>(await getDb().owner.execute(sql`select min(created_at) as at from stichtingen`))
    years = demoDates(new Date(seed!.at)).schoolYears
  })

  it('the demo seed has region holidays for all three regions of both stichtingen and two study days per school', async () => {
    for (const stichting of [f.stichtingen.kompas, f.stichtingen.horizon]) {
      for (const region of ['noord', 'midden', 'zuid']) {
        for (const year of years) {
          const names = rows<{ name: string }>(
            await getDb().owner.execute(sql`select name from calendar_entries where stichting_id = ${stichting}
              and school_id is null and region = ${region} and school_year = ${year} and kind = 'schoolvakantie' order by starts_on`),
          ).map((r) => r.name)
          expect(names, `${region} ${year}`).toEqual(['Herfstvakantie', 'Kerstvakantie', 'Voorjaarsvakantie', 'Meivakantie', 'Zomervakantie'])
        }
      }
    }
    expect(years).toHaveLength(4)
    for (const school of Object.values(f.schools)) {
      for (const year of years) {
        expect(await ownerCount(sql`school_id = ${school} and kind = 'studiedag' and school_year = ${year}`), year).toBe(2)
      }
      expect(await ownerCount(sql`school_id = ${school}`)).toBe(2 * years.length)
    }
  })

  describe.each(SCHOOL_STAFF)('%s (school staff of OBS De Branding)', (email) => {
    it("reads the stichting's region rows and the own school's rows, not another school's study days", async () => {
      const regionRows = await ownerCount(sql`stichting_id = ${f.stichtingen.kompas} and school_id is null`)
      const own = await ownerCount(sql`school_id = ${f.schools.branding}`)
      expect(regionRows).toBeGreaterThan(0)
      expect(own).toBe(2 * years.length)
      expect(await countAs(as(email), sql`school_id is null`)).toBe(regionRows)
      expect(await countAs(as(email), sql`school_id = ${f.schools.branding}`)).toBe(own)
      expect(await countAs(as(email))).toBe(regionRows + own)
      for (const other of [f.schools.lyceum, f.schools.vakcollege, f.schools.horizon]) {
        expect(await ownerCount(sql`school_id = ${other}`)).toBeGreaterThan(0)
        expect(await countAs(as(email), sql`school_id = ${other}`)).toBe(0)
      }
      expect(await countAs(as(email), sql`stichting_id = ${f.stichtingen.horizon}`)).toBe(0)
    })

    it('cannot insert, update or delete any row (42501 or 0 rows), and nothing changes', async () => {
      const before = await snapshot()
      for (const target of [
        { stichtingId: f.stichtingen.kompas, schoolId: f.schools.branding, region: null, name: 'eigen studiedag' },
        { stichtingId: f.stichtingen.kompas, schoolId: null, region: 'noord', name: 'regio' },
      ]) {
        const outcome = await insertRow(as(email), target)
        expect(outcome.ok, target.name).toBe(false)
        if (!outcome.ok) {
          expect(outcome.error.code).toBe('42501')
          expect(outcome.error.message).toMatch(/row-level security/)
        }
      }
      for (const where of [sql`school_id = ${f.schools.branding}`, sql`school_id is null`, sql`true`]) {
        expect(await updateAs(as(email), where)).toEqual({ ok: true, value: 0 })
        expect(await deleteAs(as(email), where)).toEqual({ ok: true, value: 0 })
      }
      // Without RETURNING (and so without the SELECT policy) a blanket write touches nothing either.
      const blanket = await inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, as(email))
        return [
          affectedRows(await tx.execute(sql`update calendar_entries set name = 'x'`)),
          affectedRows(await tx.execute(sql`delete from calendar_entries`)),
        ]
      })
      expect(blanket).toEqual([0, 0])
      expect(await snapshot()).toEqual(before)
    })
  })

  describe('stichtingbeheerder of Kompas', () => {
    const beheer = () => as('beheer@kompas.demo')

    it('reads every Kompas row (all regions, all schools) and none of Horizon', async () => {
      expect(await countAs(beheer())).toBe(await ownerCount(sql`stichting_id = ${f.stichtingen.kompas}`))
      expect(await countAs(beheer(), sql`stichting_id <> ${f.stichtingen.kompas}`)).toBe(0)
    })

    it('adds, changes and deletes region rows and school rows of its own stichting', async () => {
      const result = await inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, beheer())
        const inserted = rows<{ id: string }>(
          await tx.execute(sql`insert into calendar_entries (stichting_id, school_id, region, school_year, kind, name, starts_on, ends_on)
            values (${f.stichtingen.kompas}, null, 'midden', '2026-2027', 'vrije_dag', 'Goede Vrijdag', '2027-03-26', '2027-03-26'),
                   (${f.stichtingen.kompas}, ${f.schools.lyceum}, null, '2026-2027', 'studiedag', 'Extra studiedag', '2027-06-16', '2027-06-16')
            returning id`),
        )
        const ids = inserted.map((r) => r.id)
        const updated = affectedRows(await tx.execute(sql`update calendar_entries set name = name || '!' where school_id = ${f.schools.vakcollege}`))
        const deleted = affectedRows(await tx.execute(sql`delete from calendar_entries where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`))
        return { inserted: ids.length, updated, deleted }
      })
      expect(result).toEqual({ inserted: 2, updated: 2 * years.length, deleted: 2 })
    })

    it("cannot write into Horizon's calendar: insert refused, update and delete touch 0 rows", async () => {
      const before = await snapshot()
      const regionRow = await insertRow(beheer(), { stichtingId: f.stichtingen.horizon, schoolId: null, region: 'zuid', name: 'x' })
      expect(regionRow.ok ? null : regionRow.error.code).toBe('42501')
      const schoolRow = await insertRow(beheer(), { stichtingId: f.stichtingen.horizon, schoolId: f.schools.horizon, region: null, name: 'x' })
      expect(schoolRow.ok ? null : schoolRow.error.code).toBe('42501')
      // Claiming Horizon's school under the own stichting: the composite foreign key refuses it.
      const mixed = await insertRow(beheer(), { stichtingId: f.stichtingen.kompas, schoolId: f.schools.horizon, region: null, name: 'x' })
      expect(mixed.ok ? null : mixed.error.code).toBe('23503')
      const horizon = sql`stichting_id = ${f.stichtingen.horizon}`
      expect(await updateAs(beheer(), horizon)).toEqual({ ok: true, value: 0 })
      expect(await deleteAs(beheer(), horizon)).toEqual({ ok: true, value: 0 })
      // Moving its own rows into Horizon fails the WITH CHECK.
      const move = await attempt(() =>
        withContext(getDb().app, beheer(), (tx) => tx.execute(sql`update calendar_entries set stichting_id = ${f.stichtingen.horizon} where school_id is null`)),
      )
      expect(move.ok ? null : move.error.code).toBe('42501')
      expect(await snapshot()).toEqual(before)
    })
  })

  describe('other roles', () => {
    it('the bestuurder and the privacyfunctionaris of Kompas read all Kompas rows but write nothing', async () => {
      for (const email of ['bestuur@kompas.demo', 'privacy@kompas.demo']) {
        expect(await countAs(as(email))).toBe(await ownerCount(sql`stichting_id = ${f.stichtingen.kompas}`))
        const outcome = await insertRow(as(email), { stichtingId: f.stichtingen.kompas, schoolId: null, region: 'noord', name: 'x' })
        expect(outcome.ok ? null : outcome.error.code).toBe('42501')
        expect(await deleteAs(as(email), sql`true`)).toEqual({ ok: true, value: 0 })
      }
    })

    it('Horizon (bestuurder and directeur) sees its own calendar and nothing of Kompas', async () => {
      for (const email of ['bestuur@horizon.demo', 'directeur@horizon.demo']) {
        expect(await countAs(as(email), sql`stichting_id = ${f.stichtingen.kompas}`)).toBe(0)
        expect(await countAs(as(email), sql`school_id in (${f.schools.branding}, ${f.schools.lyceum}, ${f.schools.vakcollege})`)).toBe(0)
        expect(await countAs(as(email))).toBe(await ownerCount(sql`stichting_id = ${f.stichtingen.horizon}`))
      }
    })

    it('partners, the platform and a context without organisation see no calendar rows', async () => {
      for (const ctx of [as('politie@wijkteam.demo'), as('halt@haltnoord.demo'), as('platform@baken.demo'), {}]) {
        expect(await countAs(ctx)).toBe(0)
      }
    })
  })
})
