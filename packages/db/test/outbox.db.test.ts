// The e-mail outbox under RLS (migration 0011), with raw SQL: the app role may queue mail inside the
// tenant it acts for, only the directeur (school) and the stichtingbeheerder and bestuurder
// (stichting) may read it, nobody as baken_app may change or remove it, and the worker's own role
// baken_mailer reads and updates every row and nothing else.
import { type SQL, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database, Tx } from '../src/client.ts'
import { applyContext, withContext } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

const MAILER = 'baken_mailer'

/** A transaction as the worker's role, on a connection that may become it (the migration owner). */
function asMailer<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', ${MAILER}, true)`)
    return fn(tx)
  })
}

const count = async (tx: Tx, where: SQL = sql`true`, table = 'outbox') =>
  rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0]!.n

describeEachDriver('outbox (raw SQL as baken_app and baken_mailer)', (getDb, driver) => {
  let f: DemoFixture
  const ownerCount = async (where: SQL) => rows<{ n: number }>(await getDb().owner.execute(sql`select count(*)::int as n from outbox where ${where}`))[0]!.n
  const countAs = (email: string, where: SQL = sql`true`, schoolId?: string) =>
    withContext(getDb().app, f.contextOf(email, schoolId), (tx) => count(tx, where))
  const insertAs = (email: string, stichtingId: string, schoolId: string | null, to = 'ouder@example.nl') =>
    attempt(() =>
      withContext(getDb().app, f.contextOf(email), (tx) =>
        tx.execute(sql`insert into outbox (stichting_id, school_id, to_address, subject, text)
          values (${stichtingId}, ${schoolId}, ${to}, 'Bericht', 'Tekst')`),
      ),
    )

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    // A stichting-level message (no school): only stichting roles may see it.
    await owner.execute(sql`insert into outbox (stichting_id, school_id, to_address, subject, text)
      values (${f.stichtingen.kompas}, null, 'bestuur@example.nl', 'Overzicht schorsingen', 'Stichtingsbericht')`)
  })

  it('the demo seed has sent and pending mail at every demo school', async () => {
    for (const school of Object.values(f.schools)) {
      expect(await ownerCount(sql`school_id = ${school} and status = 'sent'`)).toBeGreaterThanOrEqual(2)
      expect(await ownerCount(sql`school_id = ${school} and status = 'pending'`)).toBeGreaterThanOrEqual(1)
    }
  })

  describe('a leerkracht', () => {
    const TEACHER = 'leerkracht@branding.demo'

    it('can queue mail for its own school, but cannot read the outbox (not even what it queued)', async () => {
      const to = `leerkracht-queued-${driver.kind}@example.nl`
      const outcome = await insertAs(TEACHER, f.stichtingen.kompas, f.schools.branding, to)
      expect(outcome.ok).toBe(true)
      expect(await ownerCount(sql`to_address = ${to} and school_id = ${f.schools.branding} and status = 'pending'`)).toBe(1)
      expect(await countAs(TEACHER)).toBe(0)
      expect(await countAs(TEACHER, sql`to_address = ${to}`)).toBe(0)
    })

    it('cannot queue mail for another school, another stichting, or the stichting as a whole', async () => {
      for (const [stichting, school] of [
        [f.stichtingen.kompas, f.schools.lyceum],
        [f.stichtingen.horizon, f.schools.horizon],
        [f.stichtingen.kompas, null],
      ] as const) {
        const outcome = await insertAs(TEACHER, stichting, school)
        expect(outcome.ok, `${stichting} / ${school}`).toBe(false)
        if (!outcome.ok) {
          expect(outcome.error.code).toBe('42501')
          expect(outcome.error.message).toMatch(/row-level security/)
        }
      }
    })

    it('INSERT … RETURNING is refused (the row must pass the SELECT policy): enqueue makes its id itself', async () => {
      const outcome = await attempt(() =>
        withContext(getDb().app, f.contextOf(TEACHER), (tx) =>
          tx.execute(sql`insert into outbox (stichting_id, school_id, to_address, subject, text)
            values (${f.stichtingen.kompas}, ${f.schools.branding}, 'x@example.nl', 'Bericht', 'Tekst') returning id`),
        ),
      )
      expect(outcome.ok).toBe(false)
    })
  })

  describe('who reads what', () => {
    it("a directeur reads its own school's rows only, all of them", async () => {
      for (const [email, school] of [
        ['directeur@branding.demo', f.schools.branding],
        ['directeur@lyceum.demo', f.schools.lyceum],
        ['directeur@lyceum.demo', f.schools.vakcollege],
        ['directeur@horizon.demo', f.schools.horizon],
      ] as const) {
        const own = await ownerCount(sql`school_id = ${school}`)
        expect(own).toBeGreaterThan(0)
        expect(await countAs(email, sql`true`, school), `${email} in ${school}`).toBe(own)
        expect(await countAs(email, sql`school_id = ${school}`, school)).toBe(own)
      }
    })

    it('the stichtingbeheerder and the bestuurder read every row of their stichting, including stichting-level mail', async () => {
      const kompas = await ownerCount(sql`stichting_id = ${f.stichtingen.kompas}`)
      expect(await ownerCount(sql`stichting_id = ${f.stichtingen.kompas} and school_id is null`)).toBeGreaterThan(0)
      expect(await countAs('beheer@kompas.demo')).toBe(kompas)
      expect(await countAs('bestuur@kompas.demo')).toBe(kompas)
      // The directeur does not see stichting-level mail.
      expect(await countAs('directeur@branding.demo', sql`school_id is null`)).toBe(0)
    })

    it.each([
      'ib@branding.demo',
      'vertrouwenspersoon@branding.demo',
      'leerkracht2@branding.demo',
      'mentor@lyceum.demo',
      'privacy@kompas.demo',
      'halt@haltnoord.demo',
      'politie@wijkteam.demo',
      'platform@baken.demo',
    ])('%s reads nothing', async (email) => {
      expect(await countAs(email)).toBe(0)
    })

    it('Horizon sees nothing of Kompas (directeur and bestuurder), and Kompas nothing of Horizon', async () => {
      const horizon = await ownerCount(sql`stichting_id = ${f.stichtingen.horizon}`)
      expect(horizon).toBeGreaterThan(0)
      for (const email of ['directeur@horizon.demo', 'bestuur@horizon.demo']) {
        expect(await countAs(email, sql`stichting_id <> ${f.stichtingen.horizon}`)).toBe(0)
        expect(await countAs(email)).toBe(horizon)
      }
      for (const email of ['bestuur@kompas.demo', 'beheer@kompas.demo', 'directeur@branding.demo']) {
        expect(await countAs(email, sql`stichting_id = ${f.stichtingen.horizon}`)).toBe(0)
      }
    })

    it('a stichting role cannot queue mail for another stichting', async () => {
      const outcome = await insertAs('bestuur@kompas.demo', f.stichtingen.horizon, f.schools.horizon)
      expect(outcome.ok).toBe(false)
      // …but may queue for its own stichting and any of its schools.
      expect((await insertAs('bestuur@kompas.demo', f.stichtingen.kompas, f.schools.lyceum)).ok).toBe(true)
      expect((await insertAs('beheer@kompas.demo', f.stichtingen.kompas, null)).ok).toBe(true)
    })
  })

  describe('nobody as baken_app changes or removes mail', () => {
    it.each(['directeur@branding.demo', 'bestuur@kompas.demo', 'beheer@kompas.demo', 'leerkracht@branding.demo'])(
      '%s: UPDATE and DELETE are refused (no grant)',
      async (email) => {
        const before = await ownerCount(sql`true`)
        for (const statement of [
          sql`update outbox set status = 'sent', to_address = 'aanvaller@example.nl'`,
          sql`update outbox set attempts = 0 where status = 'failed'`,
          sql`delete from outbox`,
        ]) {
          const outcome = await attempt(() => withContext(getDb().app, f.contextOf(email), (tx) => tx.execute(statement)))
          expect(outcome.ok).toBe(false)
          if (!outcome.ok) {
            expect(outcome.error.code).toBe('42501')
            expect(outcome.error.message).toMatch(/permission denied/)
          }
        }
        expect(await ownerCount(sql`true`)).toBe(before)
        expect(await ownerCount(sql`to_address = 'aanvaller@example.nl'`)).toBe(0)
      },
    )
  })

  describe('the worker role baken_mailer', () => {
    it('sees every row of every tenant, without any tenant context', async () => {
      const all = await ownerCount(sql`true`)
      expect(await asMailer(getDb().owner, (tx) => count(tx))).toBe(all)
      expect(await asMailer(getDb().owner, (tx) => count(tx, sql`stichting_id = ${f.stichtingen.horizon}`))).toBeGreaterThan(0)
    })

    it('may update a row (rolled back), but not insert or delete', async () => {
      const touched = await inRolledBackTransaction(getDb().owner, async (tx) => {
        await tx.execute(sql`select set_config('role', ${MAILER}, true)`)
        const result = await tx.execute(sql`update outbox set locked_until = now() where status = 'pending' returning id`)
        return rows(result).length
      })
      expect(touched).toBeGreaterThan(0)
      for (const statement of [
        sql`delete from outbox`,
        sql`insert into outbox (stichting_id, to_address, subject, text) values (${f.stichtingen.kompas}, 'a@example.nl', 'x', 'y')`,
      ]) {
        const outcome = await attempt(() => asMailer(getDb().owner, (tx) => tx.execute(statement)))
        expect(outcome.ok).toBe(false)
        if (!outcome.ok) expect(outcome.error.code).toBe('42501')
      }
    })

    it.each(['students', 'guardians', 'users', 'incidents', 'schools', 'memberships'])('cannot read %s', async (table) => {
      const outcome = await attempt(() => asMailer(getDb().owner, (tx) => count(tx, sql`true`, table)))
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('42501')
        expect(outcome.error.message).toMatch(/permission denied/)
      }
    })

    // A separate login role exists only on the server (PGlite has one superuser session).
    if (driver.kind === 'postgres') it('the application login role, which may only become baken_app, cannot become baken_mailer', async () => {
      const { app, separateLoginRole } = getDb()
      expect(separateLoginRole).toBe(true)
      const outcome = await attempt(() =>
        inRolledBackTransaction(app, async (tx) => {
          await applyContext(tx, f.contextOf('bestuur@kompas.demo'))
          await tx.execute(sql`select set_config('role', ${MAILER}, true)`)
          return count(tx)
        }),
      )
      expect(outcome.ok).toBe(false)
      if (!outcome.ok) expect(outcome.error.message).toMatch(/permission denied to set role/)
    })
  })
})
