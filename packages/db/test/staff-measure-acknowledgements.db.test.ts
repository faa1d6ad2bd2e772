// A staff member's paper or in-person "voor gezien" on a measure's released letter or report
// (migration 0069), raw SQL as baken_app on both drivers: only on an item released for that measure
// and pupil at the caller's school, in the caller's own name, never 'digitaal' (the family's own) and
// without a reaction; append-only.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { withContext, type ContextSettings } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, rows } from './support/test-databases.ts'

describeEachDriver('staff "voor gezien" on a measure (raw SQL as baken_app)', (getDb) => {
  let f: DemoFixture
  let measure: { id: string; student_id: string }
  let otherMeasure: { id: string; student_id: string }
  let item: string
  let otherItem: string

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    const two = rows<{ id: string; student_id: string }>(
      await owner.execute(sql`select m.id, m.student_id from measures m where m.school_id = ${f.schools.branding} and m.kind = 'schorsing' order by m.created_at, m.id limit 2`),
    )
    expect(two).toHaveLength(2)
    ;[measure, otherMeasure] = two as [typeof measure, typeof measure]
    const release = async (m: typeof measure) =>
      rows<{ id: string }>(
        await owner.execute(sql`insert into portal_items (stichting_id, school_id, student_id, kind, measure_id, title, body, released_by_id)
          values (${f.stichtingen.kompas}, ${f.schools.branding}, ${m.student_id}, 'decision_letter', ${m.id}, 'Besluit', '{}'::jsonb, ${f.users['directeur@branding.demo']!}) returning id`),
      )[0]!.id
    item = await release(measure)
    otherItem = await release(otherMeasure)
  })

  const insert = (who: ContextSettings & { userId: string }, o: { item?: string; measure?: typeof measure; method?: string; by?: string; reaction?: string | null } = {}) => {
    const m = o.measure ?? measure
    return attempt(() =>
      withContext(getDb().app, who, (tx) =>
        tx.execute(sql`insert into measure_acknowledgements (stichting_id, school_id, measure_id, student_id, portal_item_id, guardian_name, acknowledged_on, method, recorded_by_id, reaction)
          values (${f.stichtingen.kompas}, ${f.schools.branding}, ${m.id}, ${m.student_id}, ${o.item ?? item}, 'Şahin Yıldız', current_date, ${o.method ?? 'per post'}, ${o.by ?? who.userId}, ${o.reaction ?? null})`),
      ),
    )
  }

  it('the school records a paper one on the released item, in its own name', async () => {
    const ib = f.contextOf('ib@branding.demo')
    const r = await insert(ib)
    expect(r.ok).toBe(true)
    const [row] = rows<{ method: string; recorded_by_id: string }>(
      await getDb().owner.execute(sql`select method, recorded_by_id from measure_acknowledgements where portal_item_id = ${item} order by recorded_at desc limit 1`),
    )
    expect(row).toEqual({ method: 'per post', recorded_by_id: ib.userId })
  })

  it('refuses a digital one, a reaction, another name, an item of another measure, and another stichting', async () => {
    const directeur = f.contextOf('directeur@branding.demo')
    for (const r of [
      await insert(directeur, { method: 'digitaal' }),
      await insert(directeur, { reaction: 'Gelezen' }),
      await insert(directeur, { by: f.users['ib@branding.demo']! }),
      await insert(directeur, { item: otherItem }),
      await insert(f.contextOf('directeur@horizon.demo')),
    ]) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('42501')
    }
    expect(rows(await getDb().owner.execute(sql`select 1 from measure_acknowledgements where portal_item_id = ${otherItem}`))).toHaveLength(0)
  })

  it('is append-only for the school', async () => {
    const directeur = f.contextOf('directeur@branding.demo')
    for (const statement of [sql`update measure_acknowledgements set guardian_name = 'x'`, sql`delete from measure_acknowledgements`]) {
      const r = await attempt(() => withContext(getDb().app, directeur, (tx) => tx.execute(statement)))
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('42501')
    }
  })
})
