// The purge functions of migration 0021 on both drivers (PGlite and the Postgres server): only the
// privacyfunctionaris of a stichting runs them; the dry run (privacy_purge_report) and the purge
// (privacy_purge) agree; a changed plan touches nothing; afterwards nothing is due. Everything runs in
// a rolled-back transaction on the shared demo database.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import type { Tx } from '../src/client.ts'
import { applyContext } from '../src/context.ts'
import { demoDates } from '../src/demo-dates.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

interface Plan {
  leerlingdossier: { studentId: string; incidentsDeleted: string[]; incidentsAnonymised: string[] }[]
  administratie: { studentId: string }[]
  heldStudents: string[]
  months: Record<string, number>
}

describeEachDriver('privacy purge (0021)', (getDb) => {
  let f: DemoFixture
  /** The day the demo was seeded: its leavers' terms have run out by then. */
  let seededOn: string
  beforeAll(async () => {
    f = await loadDemoFixture(getDb().owner)
    const [seed] = rows<{ at: string }>(await getDb().owner.execute(sql`select min(created_at) as at from stichtingen`))
    seededOn = demoDates(new Date(seed!.at)).today
  })

  const asOwner = (tx: Tx) => tx.execute(sql`select set_config('role', 'none', true)`)
  const idOf = async (tx: Tx, ext: string) => rows<{ id: string }>(await tx.execute(sql`select id from students where external_id = ${ext}`))[0]!.id

  it('reports, purges exactly the report, and then reports nothing due', async () => {
    await inRolledBackTransaction(getDb().owner, async (tx) => {
      const [merel, thijs, noor, sem] = [await idOf(tx, 'OUD-9001'), await idOf(tx, 'OUD-9002'), await idOf(tx, 'OUD-9003'), await idOf(tx, 'OUD-9004')]
      // The parents' portal (0058): a release about Thijs and a guardian's link to him go with his file.
      await tx.execute(sql`insert into portal_items (stichting_id, school_id, student_id, kind, title, body, released_by_id)
        select stichting_id, school_id, id, 'student_file', 'Inzage', '{"student":{"name":"Thijs"}}'::jsonb, ${f.users['directeur@branding.demo']!} from students where id = ${thijs}`)
      await tx.execute(sql`insert into guardian_links (stichting_id, school_id, student_id, user_id, kind, relation)
        select stichting_id, school_id, id, ${f.users['ouder@branding.demo']!}, 'ouder', 'voogd' from students where id = ${thijs}`)
      await applyContext(tx, f.contextOf('privacy@kompas.demo'))
      const plan = rows<{ p: Plan }>(await tx.execute(sql`select privacy_purge_report(${seededOn}::date) as p`))[0]!.p
      expect(plan.months).toEqual({ leerlingdossier: 24, administratie: 60, gedeelde_gegevens: 12, toegangslog: 60 })
      expect(plan.leerlingdossier.map((e) => e.studentId)).toEqual(expect.arrayContaining([merel, thijs]))
      expect(plan.leerlingdossier.some((e) => e.studentId === noor)).toBe(false)
      expect(plan.heldStudents).toEqual([noor])
      expect(plan.administratie.map((a) => a.studentId)).toEqual([sem])
      const thijsIncident = plan.leerlingdossier.find((e) => e.studentId === thijs)!.incidentsAnonymised[0]!

      // A different expectation: nothing happens.
      const changed = rows<{ r: { changed: boolean } }>(await tx.execute(sql`select privacy_purge(${seededOn}::date, '{}'::jsonb) as r`))[0]!.r
      expect(changed.changed).toBe(true)
      const done = rows<{ r: { changed: boolean; plan: Plan } }>(
        await tx.execute(sql`select privacy_purge(${seededOn}::date, ${JSON.stringify(plan)}::jsonb) as r`),
      )[0]!.r
      expect(done.changed).toBe(false)
      expect(done.plan).toEqual(plan)
      const again = rows<{ p: Plan }>(await tx.execute(sql`select privacy_purge_report(${seededOn}::date) as p`))[0]!.p
      expect(again.leerlingdossier).toEqual([])
      expect(again.administratie).toEqual([])

      await asOwner(tx)
      expect(rows(await tx.execute(sql`select 1 from students where id = ${sem}`))).toEqual([])
      expect(rows(await tx.execute(sql`select 1 from incident_persons where student_id in (${merel}, ${thijs})`))).toEqual([])
      expect(rows(await tx.execute(sql`select 1 from portal_items where student_id = ${thijs}`))).toEqual([])
      expect(rows(await tx.execute(sql`select 1 from guardian_links where student_id = ${thijs}`))).toEqual([])
      const [kept] = rows<{ situation: string }>(await tx.execute(sql`select situation from incidents where id = ${thijsIncident}`))
      expect(kept!.situation).toMatch(/\[verwijderd\]/)
      expect(kept!.situation).not.toMatch(/Thijs|Vlasblom/)
    })
  })

  it.each(['directeur@branding.demo', 'bestuur@kompas.demo', 'beheer@kompas.demo'])('refuses %s', async (email) => {
    await expect(
      inRolledBackTransaction(getDb().owner, async (tx) => {
        await applyContext(tx, f.contextOf(email))
        await tx.execute(sql`select privacy_purge(${seededOn}::date, null)`)
      }),
    ).rejects.toThrow()
  })
})
