// Incident visibility inside a school, enforced by RLS (migration 0005), with raw SQL as the app role:
// confidential incidents only for the directeur and the vertrouwenspersoon; drafts only for their
// author; no incident content for stichting-level, partner or platform roles; versions append-only.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { withContext } from '../src/context.ts'
import { localDate, schoolYearOfDate } from '../src/calendar/index.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'
import { applyContext } from '../src/context.ts'

describeEachDriver('incident visibility (raw SQL as baken_app)', (getDb) => {
  let f: DemoFixture
  const brandingCount = async (where: ReturnType<typeof sql>) => {
    const [row] = rows<{ n: number }>(
      await getDb().owner.execute(sql`select count(*)::int as n from incidents where school_id = ${f.schools.branding} and ${where}`),
    )
    return row!.n
  }
  const seenBy = async (email: string, where = sql`true`) =>
    withContext(getDb().app, f.contextOf(email), async (tx) => {
      const [row] = rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from incidents where ${where}`))
      return row!.n
    })

  beforeAll(async () => {
    f = await loadDemoFixture(getDb().owner)
    // A leerkracht's draft: the seed has drafts only among the last fortnight's incidents, and none
    // when that fortnight fell in a holiday.
    await getDb().owner.execute(sql`insert into incidents (stichting_id, school_id, school_year, occurred_at, reported_by_id)
      values (${f.stichtingen.kompas}, ${f.schools.branding}, ${schoolYearOfDate(localDate(new Date()))}, now(), ${f.users['leerkracht@branding.demo']!})`)
    // The fixture must have something to hide.
    expect(await brandingCount(sql`confidential and status = 'submitted'`)).toBeGreaterThan(0)
    expect(await brandingCount(sql`status = 'draft'`)).toBeGreaterThan(0)
  })

  it('a leerkracht sees no confidential incident, not even by id', async () => {
    expect(await seenBy('leerkracht@branding.demo', sql`confidential and reported_by_id <> ${f.contextOf('leerkracht@branding.demo').userId}`)).toBe(0)
    const [one] = rows<{ id: string }>(
      await getDb().owner.execute(sql`select id from incidents where school_id = ${f.schools.branding} and confidential and status = 'submitted' limit 1`),
    )
    expect(await seenBy('leerkracht@branding.demo', sql`id = ${one!.id}`)).toBe(0)
    expect(await seenBy('ib@branding.demo', sql`id = ${one!.id}`)).toBe(0)
    expect(await seenBy('directeur@branding.demo', sql`id = ${one!.id}`)).toBe(1)
    expect(await seenBy('vertrouwenspersoon@branding.demo', sql`id = ${one!.id}`)).toBe(1)
  })

  it('the children of a confidential incident are hidden with it', async () => {
    const [one] = rows<{ id: string }>(
      await getDb().owner.execute(sql`select id from incidents where school_id = ${f.schools.branding} and confidential and status = 'submitted' limit 1`),
    )
    for (const table of ['incident_persons', 'incident_codes', 'incident_versions']) {
      const n = await withContext(getDb().app, f.contextOf('ib@branding.demo'), async (tx) =>
        rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where incident_id = ${one!.id}`))[0]!.n,
      )
      expect(n, table).toBe(0)
    }
  })

  it('the directeur sees every submitted incident of the school and only own drafts', async () => {
    const me = f.contextOf('directeur@branding.demo').userId!
    const expected = await brandingCount(sql`(status = 'submitted' or reported_by_id = ${me})`)
    expect(await seenBy('directeur@branding.demo')).toBe(expected)
    expect(await seenBy('directeur@branding.demo', sql`status = 'draft' and reported_by_id <> ${me}`)).toBe(0)
  })

  it('a draft is visible to its author only', async () => {
    const [draft] = rows<{ id: string; reported_by_id: string }>(
      await getDb().owner.execute(sql`select id, reported_by_id from incidents where school_id = ${f.schools.branding} and status = 'draft' limit 1`),
    )
    const author = Object.entries(f.users).find(([, id]) => id === draft!.reported_by_id)![0]
    expect(await seenBy(author, sql`id = ${draft!.id}`)).toBe(1)
    for (const other of ['directeur@branding.demo', 'ib@branding.demo', 'vertrouwenspersoon@branding.demo']) {
      expect(await seenBy(other, sql`id = ${draft!.id}`), other).toBe(0)
    }
  })

  it('the bestuurder sees exactly the incidents behind measures the board decides or is told of', async () => {
    const [expected] = rows<{ n: number }>(
      await getDb().owner.execute(sql`select count(distinct i.id)::int as n from incidents i
        join measure_incidents mi on mi.incident_id = i.id join measures m on m.id = mi.measure_id
        where i.stichting_id = ${f.stichtingen.kompas} and i.status = 'submitted'
          and m.kind in ('time_out', 'schorsing', 'verwijdering')`),
    )
    expect(expected!.n).toBeGreaterThan(0)
    expect(await seenBy('bestuur@kompas.demo')).toBe(expected!.n)
    // Not one without such a measure.
    expect(
      await seenBy(
        'bestuur@kompas.demo',
        sql`id not in (select mi.incident_id from measure_incidents mi join measures m on m.id = mi.measure_id
          where m.kind in ('time_out', 'schorsing', 'verwijdering'))`,
      ),
    ).toBe(0)
  })

  it.each(['beheer@kompas.demo', 'privacy@kompas.demo', 'politie@wijkteam.demo', 'halt@haltnoord.demo', 'platform@baken.demo'])(
    '%s sees no incident content at all',
    async (email) => {
      expect(await seenBy(email)).toBe(0)
      const persons = await withContext(getDb().app, f.contextOf(email), async (tx) =>
        rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from incident_persons`))[0]!.n,
      )
      expect(persons).toBe(0)
    },
  )

  it('versions are append-only for the application role', async () => {
    const outcome = await attempt(() =>
      inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, f.contextOf('directeur@branding.demo'))
        await tx.execute(sql`update incident_versions set changes = '[]'::jsonb`)
      }),
    )
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.code).toBe('42501')
    const del = await attempt(() =>
      inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, f.contextOf('directeur@branding.demo'))
        await tx.execute(sql`delete from incident_versions`)
      }),
    )
    expect(del.ok).toBe(false)
  })

  it('a submitted incident cannot be deleted, not even by its author', async () => {
    const dir = f.contextOf('directeur@branding.demo')
    const deleted = await inRolledBackTransaction(getDb().app, async (tx) => {
      await applyContext(tx, dir)
      return rows(await tx.execute(sql`delete from incidents where status = 'submitted' returning id`)).length
    })
    expect(deleted).toBe(0)
  })

  it('a leerkracht cannot register an incident in another’s name or for another school', async () => {
    const teacher = f.contextOf('leerkracht@branding.demo')
    const insert = (reportedBy: string, schoolId: string) =>
      attempt(() =>
        inRolledBackTransaction(getDb().app, async (tx) => {
          await applyContext(tx, teacher)
          await tx.execute(sql`insert into incidents (stichting_id, school_id, school_year, occurred_at, reported_by_id)
            values (${f.stichtingen.kompas}, ${schoolId}, ${schoolYearOfDate(localDate(new Date()))}, now(), ${reportedBy})`)
        }),
      )
    const forged = await insert(f.contextOf('directeur@branding.demo').userId!, f.schools.branding)
    expect(forged.ok).toBe(false)
    const foreign = await insert(teacher.userId!, f.schools.lyceum)
    expect(foreign.ok).toBe(false)
    const own = await insert(teacher.userId!, f.schools.branding)
    expect(own.ok).toBe(true)
  })

  it('finalise_incident cannot reach incidents the caller cannot see, nor lower confidentiality', async () => {
    const one = async (where: ReturnType<typeof sql>) =>
      rows<{ id: string; confidential: boolean }>(
        await getDb().owner.execute(sql`select id, confidential from incidents where ${where} limit 1`),
      )[0]!
    const call = (email: string, id: string, confidential: boolean, submit: boolean) =>
      attempt(() =>
        inRolledBackTransaction(getDb().app, async (tx) => {
          await applyContext(tx, f.contextOf(email))
          await tx.execute(sql`select finalise_incident(${id}::uuid, ${confidential}, ${submit})`)
        }),
      )
    const horizon = await one(sql`school_id = ${f.schools.horizon} and status = 'submitted'`)
    expect((await call('directeur@branding.demo', horizon.id, true, true)).ok).toBe(false)
    const secret = await one(sql`school_id = ${f.schools.branding} and confidential and status = 'submitted'`)
    const denied = await call('ib@branding.demo', secret.id, true, true)
    expect(denied.ok === false && denied.error.code).toBe('42501')
    const othersDraft = await one(sql`school_id = ${f.schools.branding} and status = 'draft' and reported_by_id <> ${f.contextOf('ib@branding.demo').userId}`)
    expect((await call('ib@branding.demo', othersDraft.id, false, true)).ok).toBe(false)
    // Lowering: passing false leaves a confidential incident confidential.
    await inRolledBackTransaction(getDb().app, async (tx) => {
      await applyContext(tx, f.contextOf('directeur@branding.demo'))
      await tx.execute(sql`select finalise_incident(${secret.id}::uuid, false, false)`)
      const [after] = rows<{ confidential: boolean }>(await tx.execute(sql`select confidential from incidents where id = ${secret.id}`))
      expect(after!.confidential).toBe(true)
    })
  })
})
