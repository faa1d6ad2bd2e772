// board_incident_counts (migration 0009): numbers for a bestuurder of the stichting, nothing for
// anyone else, and never a row of content.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { withContext } from '../src/context.ts'
import { demoDates } from '../src/demo-dates.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { describeEachDriver, rows } from './support/test-databases.ts'

describeEachDriver('board incident counts', (getDb) => {
  let f: DemoFixture
  // The schooljaar before the seeding day's: the demo has a whole year of incidents in it on any day
  // (today's has none yet in early August).
  let year: string
  beforeAll(async () => {
    f = await loadDemoFixture(getDb().owner)
    const [seed] = rows<{ at: string }>(await getDb().owner.execute(sql`select min(created_at) as at from stichtingen`))
    year = demoDates(new Date(seed!.at)).schoolYears[1]!
  })
  const countsAs = (email: string) =>
    withContext(getDb().app, f.contextOf(email), async (tx) =>
      rows<{ school_id: string; n: number }>(
        await tx.execute(sql`select school_id, sum(incidents)::int as n from board_incident_counts(${year}) group by school_id`),
      ),
    )

  it('gives the bestuurder the true counts of every school of the stichting, and no other', async () => {
    const got = await countsAs('bestuur@kompas.demo')
    const expected = rows<{ school_id: string; n: number }>(
      await getDb().owner.execute(sql`select school_id, count(*)::int as n from incidents
        where stichting_id = ${f.stichtingen.kompas} and status = 'submitted' and school_year = ${year} group by school_id`),
    )
    expect(got.sort((a, b) => a.school_id.localeCompare(b.school_id))).toEqual(expected.sort((a, b) => a.school_id.localeCompare(b.school_id)))
    expect(got).toHaveLength(3)
    expect(got.some((r) => r.school_id === f.schools.horizon)).toBe(false)
  })

  it.each(['privacy@kompas.demo', 'beheer@kompas.demo', 'directeur@branding.demo', 'politie@wijkteam.demo', 'platform@baken.demo'])(
    '%s gets no counts',
    async (email) => {
      expect(await countsAs(email)).toEqual([])
    },
  )

  it('the other stichting’s bestuurder sees only Horizon', async () => {
    const got = await countsAs('bestuur@horizon.demo')
    expect(got.map((r) => r.school_id)).toEqual([f.schools.horizon])
  })

  it('a bestuurder reads no incident row beyond those behind a measure for the board', async () => {
    const n = await withContext(getDb().app, f.contextOf('bestuur@kompas.demo'), async (tx) =>
      rows<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from incidents where id not in (select incident_id from measure_incidents)`),
      )[0]!.n,
    )
    expect(n).toBe(0)
  })

  it('per IRIS type: the bestuurder gets the true counts; a directeur and the FG get none', async () => {
    const typed = (email: string) =>
      withContext(getDb().app, f.contextOf(email), async (tx) =>
        rows<{ n: number }>(await tx.execute(sql`select coalesce(sum(incidents), 0)::int as n from board_incident_type_counts(${year})`))[0]!.n,
      )
    const [expected] = rows<{ n: number }>(
      await getDb().owner.execute(sql`select count(*)::int as n from incidents i join incident_codes c on c.incident_id = i.id and c.list = 'voorval'
        where i.stichting_id = ${f.stichtingen.kompas} and i.status = 'submitted' and i.school_year = ${year}`),
    )
    expect(expected!.n).toBeGreaterThan(0)
    expect(await typed('bestuur@kompas.demo')).toBe(expected!.n)
    expect(await typed('directeur@branding.demo')).toBe(0)
    expect(await typed('privacy@kompas.demo')).toBe(0)
  })
})
