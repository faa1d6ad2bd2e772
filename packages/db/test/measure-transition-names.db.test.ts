// The measure's history names who took each step (migration 0063): the name is kept with the step
// from the writer's own users row, so school staff see the bestuurder's name on a decision although
// users_read hides the bestuurder's row from them, and a writer cannot put another name there.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { applyContext } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

describeEachDriver('measure_transitions.by_name', (getDb) => {
  let fixture: DemoFixture

  beforeAll(async () => {
    fixture = await loadDemoFixture(getDb().owner)
  })

  it('is set from the users row on insert, whatever the writer sends', async () => {
    const ctx = fixture.contextOf('directeur@branding.demo')
    const stored = await inRolledBackTransaction(getDb().app, async (tx) => {
      await applyContext(tx, ctx)
      const [m] = rows<{ id: string; state: string }>(await tx.execute(sql`select id, state from measures where school_id = ${fixture.schools.branding} limit 1`))
      await tx.execute(sql`insert into measure_transitions (stichting_id, school_id, measure_id, from_state, to_state, by_id, by_name, reason)
        values (${fixture.stichtingen.kompas}, ${fixture.schools.branding}, ${m!.id}, ${m!.state}, ${m!.state}, ${ctx.userId}, 'Iemand anders', 'probe')`)
      return rows<{ by_name: string | null }>(await tx.execute(sql`select by_name from measure_transitions where reason = 'probe' and by_id = ${ctx.userId}`))
    })
    const [me] = rows<{ name: string }>(await getDb().owner.execute(sql`select name from users where id = ${ctx.userId}`))
    expect(stored).toEqual([{ by_name: me!.name }])
  })

  it("names the bestuurder's decision for the school's directeur, who cannot read the bestuurder's users row", async () => {
    const board = fixture.users['bestuur@kompas.demo']!
    const ctx = fixture.contextOf('directeur@branding.demo')
    const seen = await inRolledBackTransaction(getDb().app, async (tx) => {
      await applyContext(tx, ctx)
      return {
        user: rows(await tx.execute(sql`select id from users where id = ${board}`)).length,
        names: rows<{ by_name: string | null }>(await tx.execute(sql`select distinct by_name from measure_transitions where by_id = ${board} and school_id = ${fixture.schools.branding}`)),
      }
    })
    expect(seen.user).toBe(0)
    expect(seen.names).toEqual([{ by_name: 'Marieke Bosman' }])
  })
})
