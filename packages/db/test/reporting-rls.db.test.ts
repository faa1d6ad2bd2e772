// Reporting-duty cases under RLS (migration 0023), with raw SQL as baken_app on both drivers: a zeden
// case exists only for the bestuurder of its stichting, the school's vertrouwenspersoon and the staff
// member who reported it (who sees only the 'melding' step); a Meldcode case for the school's
// directeur, IB and vertrouwenspersoon and its opener; steps follow their case; only handlers change
// a case; the board is notified once, only by the reporter.
import { randomUUID } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { withContext } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { affectedRows, attempt, describeEachDriver, rows } from './support/test-databases.ts'

describeEachDriver('reporting-duty cases (raw SQL as baken_app)', (getDb) => {
  let f: DemoFixture
  const zeden = randomUUID()
  const meldcode = randomUUID()
  const lyceumZeden = randomUUID()

  const as = <T>(email: string, fn: Parameters<typeof withContext<T>>[2]) => withContext(getDb().app, f.contextOf(email), fn)
  const count = (email: string, table: 'report_cases' | 'report_case_steps', where: SQL) =>
    as(email, async (tx) => rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`))[0]!.n)
  const cases = (email: string, id: string) => count(email, 'report_cases', sql`id = ${id}`)
  const steps = (email: string, id: string) => count(email, 'report_case_steps', sql`case_id = ${id}`)
  const ownerRows = async <T>(q: SQL) => rows<T>(await getDb().owner.execute(q))

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    const u = f.users
    const b = { st: f.stichtingen.kompas, sc: f.schools.branding }
    await owner.execute(sql`insert into report_cases (id, stichting_id, school_id, kind, state, summary, opened_by_id) values
      (${zeden}, ${b.st}, ${b.sc}, 'zedendelict_medewerker', 'overleg_gevoerd', 'Vermoeden', ${u['leerkracht@branding.demo']}),
      (${meldcode}, ${b.st}, ${b.sc}, 'meldcode', 'stap_2', 'Signalen', ${u['leerkracht@branding.demo']}),
      (${lyceumZeden}, ${b.st}, ${f.schools.lyceum}, 'zedendelict_medewerker', 'bestuur_geinformeerd', 'Vermoeden Lyceum', ${u['mentor@lyceum.demo']})`)
    await owner.execute(sql`insert into report_case_steps (stichting_id, school_id, case_id, step, by_id, note) values
      (${b.st}, ${b.sc}, ${zeden}, 'melding', ${u['leerkracht@branding.demo']}, 'Bestuur geïnformeerd'),
      (${b.st}, ${b.sc}, ${zeden}, 'overleg_vertrouwensinspecteur', ${u['bestuur@kompas.demo']}, 'Advies: aangifte'),
      (${b.st}, ${b.sc}, ${meldcode}, 'signalen', ${u['leerkracht@branding.demo']}, 'Blauwe plekken'),
      (${b.st}, ${b.sc}, ${meldcode}, 'consultatie', ${u['ib@branding.demo']}, 'Advies collega')`)
  })

  describe('a zeden case', () => {
    it('is visible to the bestuurder of the stichting, the vertrouwenspersoon of the school and the reporter', async () => {
      for (const who of ['bestuur@kompas.demo', 'vertrouwenspersoon@branding.demo', 'leerkracht@branding.demo']) expect(await cases(who, zeden), who).toBe(1)
    })

    it('is invisible to the directeur, the IB, other teachers, other schools, the other stichting, partners and the other stichting roles', async () => {
      for (const who of [
        'directeur@branding.demo',
        'ib@branding.demo',
        'leerkracht2@branding.demo',
        'directeur@lyceum.demo',
        'mentor@lyceum.demo',
        'bestuur@horizon.demo',
        'directeur@horizon.demo',
        'politie@wijkteam.demo',
        'halt@haltnoord.demo',
        'beheer@kompas.demo',
        'privacy@kompas.demo',
        'platform@baken.demo',
      ]) {
        expect(await cases(who, zeden), who).toBe(0)
        expect(await steps(who, zeden), who).toBe(0)
      }
    })

    it('the Lyceum vertrouwenspersoon of another school does not see it: a VP sees only their own school (Lyceum case hidden from Branding VP)', async () => {
      expect(await cases('vertrouwenspersoon@branding.demo', lyceumZeden)).toBe(0)
      expect(await cases('bestuur@kompas.demo', lyceumZeden)).toBe(1)
    })

    it('steps: the board and the vertrouwenspersoon see all; the reporter only the melding', async () => {
      expect(await steps('bestuur@kompas.demo', zeden)).toBe(2)
      expect(await steps('vertrouwenspersoon@branding.demo', zeden)).toBe(2)
      expect(await steps('leerkracht@branding.demo', zeden)).toBe(1)
      expect(await count('leerkracht@branding.demo', 'report_case_steps', sql`case_id = ${zeden} and step = 'melding'`)).toBe(1)
    })

    it('only the board and the vertrouwenspersoon change the case; not the reporter, not the directeur', async () => {
      const update = (who: string) => as(who, async (tx) => affectedRows(await tx.execute(sql`update report_cases set updated_at = now() where id = ${zeden}`)))
      expect(await update('leerkracht@branding.demo')).toBe(0)
      expect(await update('directeur@branding.demo')).toBe(0)
      expect(await update('bestuur@kompas.demo')).toBe(1)
      expect(await update('vertrouwenspersoon@branding.demo')).toBe(1)
    })

    it('the reporter cannot add the board’s steps; others cannot add any; the board can (as itself)', async () => {
      const add = (who: string, step: string, byId = f.users[who]) =>
        attempt(() =>
          as(who, (tx) =>
            tx.execute(sql`insert into report_case_steps (stichting_id, school_id, case_id, step, by_id, note)
              values (${f.stichtingen.kompas}, ${f.schools.branding}, ${zeden}, ${step}, ${byId}, 'x')`),
          ),
        )
      for (const [who, step] of [
        ['leerkracht@branding.demo', 'aangifte'],
        ['leerkracht2@branding.demo', 'melding'],
        ['directeur@branding.demo', 'overleg_vertrouwensinspecteur'],
        ['bestuur@horizon.demo', 'aangifte'],
      ] as const) {
        const r = await add(who, step)
        expect(r.ok, `${who} ${step}`).toBe(false)
        if (!r.ok) expect(r.error.code).toBe('42501')
      }
      expect((await add('bestuur@kompas.demo', 'aangifte', f.users['leerkracht@branding.demo'])).ok).toBe(false)
      expect((await add('bestuur@kompas.demo', 'vervolg')).ok).toBe(true)
    })

    it('steps are append-only for the app role', async () => {
      for (const stmt of [sql`update report_case_steps set note = 'anders' where case_id = ${zeden}`, sql`delete from report_case_steps where case_id = ${zeden}`]) {
        const r = await attempt(() => as('bestuur@kompas.demo', (tx) => tx.execute(stmt)))
        expect(r.ok).toBe(false)
        if (!r.ok) expect(r.error.code).toBe('42501')
      }
      const del = await attempt(() => as('bestuur@kompas.demo', (tx) => tx.execute(sql`delete from report_cases where id = ${zeden}`)))
      expect(del.ok).toBe(false)
    })

    it('the board is notified once, by the reporter only, at the stichting level (not in the school outbox)', async () => {
      const notify = (who: string, id = zeden) =>
        as(who, async (tx) => rows<{ n: number }>(await tx.execute(sql`select report_case_notify_board(${id}::uuid, 'Onderwerp', 'Tekst') as n`))[0]!.n)
      expect(await notify('leerkracht2@branding.demo')).toBe(0)
      expect(await notify('directeur@branding.demo')).toBe(0)
      expect(await notify('vertrouwenspersoon@branding.demo')).toBe(0)
      expect(await notify('leerkracht@branding.demo', meldcode)).toBe(0)
      expect(await notify('leerkracht@branding.demo')).toBe(1)
      expect(await notify('leerkracht@branding.demo')).toBe(0)
      const sent = await ownerRows<{ to_address: string; school_id: string | null }>(sql`select to_address, school_id from outbox where subject_ref = ${`report_case:${zeden}`}`)
      expect(sent).toEqual([{ to_address: 'bestuur@kompas.demo', school_id: null }])
      // The school's directeur reads the school's outbox: the notification is not there.
      const seen = await as('directeur@branding.demo', async (tx) => rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from outbox where subject_ref = ${`report_case:${zeden}`}`))[0]!.n)
      expect(seen).toBe(0)
    })
  })

  describe('a Meldcode case', () => {
    it('is visible to the directeur, the IB, the vertrouwenspersoon and the opener', async () => {
      for (const who of ['directeur@branding.demo', 'ib@branding.demo', 'vertrouwenspersoon@branding.demo', 'leerkracht@branding.demo']) {
        expect(await cases(who, meldcode), who).toBe(1)
        expect(await steps(who, meldcode), who).toBe(2)
      }
    })

    it('is invisible to the bestuurder, other teachers, other schools and partners', async () => {
      for (const who of ['bestuur@kompas.demo', 'leerkracht2@branding.demo', 'directeur@lyceum.demo', 'bestuur@horizon.demo', 'politie@wijkteam.demo', 'halt@haltnoord.demo', 'privacy@kompas.demo']) {
        expect(await cases(who, meldcode), who).toBe(0)
        expect(await steps(who, meldcode), who).toBe(0)
      }
    })

    it('the opener may add signals but not change the case or take other steps', async () => {
      const add = (who: string, step: string) =>
        attempt(() =>
          as(who, (tx) =>
            tx.execute(sql`insert into report_case_steps (stichting_id, school_id, case_id, step, by_id, note)
              values (${f.stichtingen.kompas}, ${f.schools.branding}, ${meldcode}, ${step}, ${f.users[who]}, 'x')`),
          ),
        )
      expect((await add('leerkracht@branding.demo', 'signalen')).ok).toBe(true)
      expect((await add('leerkracht@branding.demo', 'gesprek')).ok).toBe(false)
      expect((await add('ib@branding.demo', 'gesprek')).ok).toBe(true)
      const update = (who: string) => as(who, async (tx) => affectedRows(await tx.execute(sql`update report_cases set state = 'stap_3' where id = ${meldcode}`)))
      expect(await update('leerkracht@branding.demo')).toBe(0)
      expect(await update('directeur@branding.demo')).toBe(1)
    })
  })

  describe('opening', () => {
    const open = (who: string, school: string, openedBy: string, kind = 'meldcode') =>
      attempt(() =>
        as(who, (tx) =>
          tx.execute(sql`insert into report_cases (stichting_id, school_id, kind, state, summary, opened_by_id)
            values (${f.stichtingen.kompas}, ${school}, ${kind}, 'stap_1', 'x', ${openedBy})`),
        ),
      )
    it('any staff member of the school may open a case, as themselves, in their own school', async () => {
      for (const who of ['leerkracht2@branding.demo', 'directeur@branding.demo', 'ib@branding.demo', 'vertrouwenspersoon@branding.demo']) {
        expect((await open(who, f.schools.branding, f.users[who]!, 'zedendelict_medewerker')).ok, who).toBe(true)
      }
      expect((await open('leerkracht2@branding.demo', f.schools.lyceum, f.users['leerkracht2@branding.demo']!)).ok).toBe(false)
      expect((await open('leerkracht2@branding.demo', f.schools.branding, f.users['leerkracht@branding.demo']!)).ok).toBe(false)
      expect((await open('bestuur@kompas.demo', f.schools.branding, f.users['bestuur@kompas.demo']!)).ok).toBe(false)
    })
  })
})
