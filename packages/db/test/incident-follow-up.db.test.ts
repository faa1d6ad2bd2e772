// Follow-up tasks and the parents' acknowledgements under RLS (migration 0008), with raw SQL as the
// app role: both follow their incident's visibility exactly (confidential, draft, other school), and
// acknowledgements are append-only.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { applyContext, withContext } from '../src/context.ts'
import { schoolYearOfDate } from '../src/calendar/index.ts'
import { demoDates } from '../src/demo-dates.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

describeEachDriver('follow-up tasks and acknowledgements (raw SQL as baken_app)', (getDb) => {
  let f: DemoFixture
  let secret: { id: string; stichting_id: string; school_id: string }
  let draft: { id: string; reported_by_id: string }
  let author: string
  /** The Dutch date the demo was seeded on: its tasks are open, done or overdue relative to it. */
  let seededOn: string
  const VP = 'vertrouwenspersoon@branding.demo'

  const countAs = (email: string, table: string, where = sql`true`) =>
    withContext(getDb().app, f.contextOf(email), async (tx) =>
      rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0]!.n,
    )
  const ownerCount = async (table: string, where: ReturnType<typeof sql>) =>
    rows<{ n: number }>(await getDb().owner.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0]!.n

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    const [seed] = rows<{ at: string }>(await owner.execute(sql`select min(created_at) as at from stichtingen`))
    seededOn = demoDates(new Date(seed!.at)).today
    ;[secret] = rows<typeof secret>(
      await owner.execute(sql`select id, stichting_id, school_id from incidents
        where school_id = ${f.schools.branding} and confidential and status = 'submitted' order by occurred_at desc limit 1`),
    ) as [typeof secret]
    // A teacher's draft, made here: the seed has drafts only among the last fortnight's incidents,
    // and none when that fortnight fell in a holiday.
    ;[draft] = rows<typeof draft>(
      await owner.execute(sql`insert into incidents (stichting_id, school_id, school_year, occurred_at, reported_by_id, status)
        values (${f.stichtingen.kompas}, ${f.schools.branding}, ${schoolYearOfDate(seededOn)}, now(), ${f.users['leerkracht@branding.demo']!}, 'draft')
        returning id, reported_by_id`),
    ) as [typeof draft]
    author = Object.entries(f.users).find(([, id]) => id === draft.reported_by_id)![0]
    // A task for the vertrouwenspersoon and a "voor gezien" on the confidential incident, and a task
    // on a teacher's draft, written as the owner so the checks below have something to hide.
    const vp = f.users[VP]!
    await owner.execute(sql`insert into incident_tasks (stichting_id, school_id, incident_id, kind, title, owner_id, due_on, created_by_id)
      values (${secret.stichting_id}, ${secret.school_id}, ${secret.id}, 'gesprek_slachtoffer', 'Gesprek met het slachtoffer', ${vp}, '2026-11-01', ${vp})`)
    await owner.execute(sql`insert into incident_acknowledgements (stichting_id, school_id, incident_id, guardian_name, acknowledged_on, method, recorded_by_id)
      values (${secret.stichting_id}, ${secret.school_id}, ${secret.id}, 'Linda Bakker', '2026-11-02', 'op school getekend', ${vp})`)
    await owner.execute(sql`insert into incident_tasks (stichting_id, school_id, incident_id, kind, title, owner_id, due_on, created_by_id)
      values (${secret.stichting_id}, ${secret.school_id}, ${draft.id}, 'overig', 'Concept afmaken', ${draft.reported_by_id}, '2026-11-25', ${draft.reported_by_id})`)
  })

  it('the demo seed has tasks (open, done, overdue) and acknowledgements in the schools the isolation suite needs', async () => {
    for (const school of [f.schools.branding, f.schools.lyceum, f.schools.horizon]) {
      expect(await ownerCount('incident_tasks', sql`school_id = ${school} and done_at is null and due_on < ${seededOn}`)).toBeGreaterThan(0)
      expect(await ownerCount('incident_tasks', sql`school_id = ${school} and done_at is not null`)).toBeGreaterThan(0)
      expect(await ownerCount('incident_tasks', sql`school_id = ${school} and due_on >= ${seededOn}`)).toBeGreaterThan(0)
      expect(await ownerCount('incident_acknowledgements', sql`school_id = ${school}`)).toBeGreaterThan(0)
    }
    // Demo acknowledgements belong to zeer ernstige incidents only.
    expect(
      await ownerCount('incident_acknowledgements', sql`incident_id in (select id from incidents where severity <> 'zeer_ernstig')`),
    ).toBe(0)
  })

  it('a leerkracht and the IB cannot read the tasks or acknowledgements of a confidential incident, not even by id', async () => {
    for (const table of ['incident_tasks', 'incident_acknowledgements']) {
      const mine = sql`incident_id = ${secret.id}`
      expect(await countAs('leerkracht@branding.demo', table, mine), table).toBe(0)
      expect(await countAs('ib@branding.demo', table, mine), table).toBe(0)
      expect(await countAs('directeur@branding.demo', table, mine), table).toBeGreaterThan(0)
      expect(await countAs(VP, table, mine), table).toBeGreaterThan(0)
      // Nor any row of a confidential incident at all.
      expect(await countAs('leerkracht@branding.demo', table, sql`incident_id in (select id from incidents where confidential)`)).toBe(0)
      const hidden = await ownerCount(table, sql`school_id = ${f.schools.branding} and incident_id in (select id from incidents where confidential)`)
      expect(hidden).toBeGreaterThan(0)
    }
  })

  it('every Branding task the leerkracht sees belongs to a submitted, non-confidential incident (or own draft)', async () => {
    const teacher = f.contextOf('leerkracht@branding.demo').userId!
    const expected = await ownerCount(
      'incident_tasks',
      sql`school_id = ${f.schools.branding} and incident_id in
        (select id from incidents where not confidential and (status = 'submitted' or reported_by_id = ${teacher}))`,
    )
    expect(expected).toBeGreaterThan(0)
    expect(await countAs('leerkracht@branding.demo', 'incident_tasks')).toBe(expected)
  })

  it('a task on a draft is visible only to the draft’s author', async () => {
    const onDraft = sql`incident_id = ${draft.id}`
    expect(await countAs(author, 'incident_tasks', onDraft)).toBe(1)
    for (const other of ['directeur@branding.demo', 'ib@branding.demo', VP]) {
      expect(await countAs(other, 'incident_tasks', onDraft), other).toBe(0)
    }
  })

  it('board, partner and other-school contexts see no task and no acknowledgement', async () => {
    for (const email of ['bestuur@kompas.demo', 'politie@wijkteam.demo', 'directeur@horizon.demo', 'directeur@lyceum.demo']) {
      for (const table of ['incident_tasks', 'incident_acknowledgements']) {
        expect(await countAs(email, table, sql`school_id = ${f.schools.branding}`), `${email} ${table}`).toBe(0)
      }
    }
  })

  it('a leerkracht cannot add a task or an acknowledgement to an incident it cannot see', async () => {
    const teacher = f.contextOf('leerkracht@branding.demo')
    const insertTask = await attempt(() =>
      inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, teacher)
        await tx.execute(sql`insert into incident_tasks (stichting_id, school_id, incident_id, kind, title, owner_id, due_on, created_by_id)
          values (${secret.stichting_id}, ${secret.school_id}, ${secret.id}, 'overig', 'x', ${teacher.userId!}, '2026-12-01', ${teacher.userId!})`)
      }),
    )
    expect(insertTask.ok === false && insertTask.error.code).toBe('42501')
    const insertAck = await attempt(() =>
      inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, teacher)
        await tx.execute(sql`insert into incident_acknowledgements (stichting_id, school_id, incident_id, guardian_name, acknowledged_on, method, recorded_by_id)
          values (${secret.stichting_id}, ${secret.school_id}, ${secret.id}, 'x', '2026-11-02', 'digitaal', ${teacher.userId!})`)
      }),
    )
    expect(insertAck.ok === false && insertAck.error.code).toBe('42501')
  })

  it('a task cannot be moved to an incident the caller cannot see', async () => {
    const ib = f.contextOf('ib@branding.demo')
    const outcome = await attempt(() =>
      inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, ib)
        return rows(await tx.execute(sql`update incident_tasks set incident_id = ${secret.id}
          where id = (select id from incident_tasks limit 1) returning 1`)).length
      }),
    )
    expect(outcome.ok === false && outcome.error.code).toBe('42501')
  })

  it('acknowledgements are append-only for the application role: no UPDATE, no DELETE', async () => {
    for (const statement of [
      sql`update incident_acknowledgements set guardian_name = 'iemand anders'`,
      sql`delete from incident_acknowledgements`,
    ]) {
      const outcome = await attempt(() =>
        inRolledBackTransaction(getDb().app, async (tx) => {
          await applyContext(tx, f.contextOf('directeur@branding.demo'))
          await tx.execute(statement)
        }),
      )
      expect(outcome.ok === false && outcome.error.code).toBe('42501')
    }
    // Tasks are kept too: completed, never deleted.
    const del = await attempt(() =>
      inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, f.contextOf('directeur@branding.demo'))
        await tx.execute(sql`delete from incident_tasks`)
      }),
    )
    expect(del.ok === false && del.error.code).toBe('42501')
  })

  it('the method is one of the four ways of confirming', async () => {
    const outcome = await attempt(() =>
      inRolledBackTransaction(getDb().owner, async (tx) => {
        await tx.execute(sql`insert into incident_acknowledgements (stichting_id, school_id, incident_id, guardian_name, acknowledged_on, method, recorded_by_id)
          values (${secret.stichting_id}, ${secret.school_id}, ${secret.id}, 'x', '2026-11-02', 'per duif', ${f.users[VP]!})`)
      }),
    )
    expect(outcome.ok === false && outcome.error.code).toBe('23514')
  })
})
