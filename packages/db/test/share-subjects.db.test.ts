// What a share names (ADR 013), on both drivers: after seeding, no share payload — nor a Halt
// referral's own text — names a pupil the share is not about; and migration 0027's data step
// rewrites shares made under the earlier rule (every pupil of a chosen role named) to that form,
// keeping the labels already in the text, hiding such a share from its partner until it has.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import type { DatabaseHandle } from '../src/client.ts'
import { withContext } from '../src/context.ts'
import { runMigrations } from '../src/migrate.ts'
import { minimiseStoredShares } from '../src/migrate-share-subjects.ts'
import { fullName, isPupilLabel, SHARE_NAME_FIELD_ROLE, type NameParts } from '../src/pseudonyms.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { describeEachDriver, rows } from './support/test-databases.ts'

type Pupil = NameParts & { id: string; school_id: string }

describeEachDriver('what a share names', (getDb) => {
  let f: DemoFixture
  const q = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => rows<T>(await getDb().owner.execute(query))

  beforeAll(async () => {
    f = await loadDemoFixture(getDb().owner)
  })

  /** Every name a share discloses that belongs to a pupil it is not about, as "item: form". */
  async function leaks(): Promise<string[]> {
    const items = await q<{ id: string; share_id: string; school_id: string; incident_id: string; payload: Record<string, unknown>; referred: string | null; reason: string | null; school_actions: string | null }>(sql`
      select i.id, i.share_id, s.school_id, i.incident_id, i.payload, r.student_id as referred, r.reason, r.school_actions
        from share_items i join shares s on s.id = i.share_id left join halt_referrals r on r.share_id = s.id`)
    const students = await q<Pupil>(sql`select id, school_id, first_name as "firstName", infix, last_name as "lastName" from students`)
    const shareStudents = await q<{ share_id: string; student_id: string }>(sql`select share_id, student_id from share_students`)
    const persons = await q<{ incident_id: string; student_id: string }>(sql`select incident_id, student_id from incident_persons where student_id is not null`)
    const found: string[] = []
    for (const item of items) {
      const about = item.referred ? [item.referred] : shareStudents.filter((x) => x.share_id === item.share_id).map((x) => x.student_id)
      const aboutPupils = students.filter((p) => about.includes(p.id))
      const aboutNames = new Set(aboutPupils.map(fullName))
      const aboutParts = new Set(aboutPupils.flatMap((p) => [p.firstName, p.lastName, `${p.firstName} ${p.lastName}`, fullName(p)]))
      const inIncident = new Set(persons.filter((p) => p.incident_id === item.incident_id).map((p) => p.student_id))
      const text = [JSON.stringify(item.payload), item.reason ?? '', item.school_actions ?? ''].join('\n')
      for (const p of students.filter((s) => s.school_id === item.school_id && !about.includes(s.id))) {
        // Full names of every other pupil of the school; first and last names of the incident's own.
        const forms = [fullName(p), `${p.firstName} ${p.lastName}`, ...(inIncident.has(p.id) ? [p.firstName, p.lastName] : [])]
        for (const form of new Set(forms)) {
          if (aboutParts.has(form)) continue
          if (new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text)) found.push(`${item.id}: ${form}`)
        }
      }
      for (const field of Object.keys(SHARE_NAME_FIELD_ROLE)) {
        for (const v of (item.payload[field] as unknown[] | undefined) ?? []) {
          if (!isPupilLabel(v) && !aboutNames.has(String(v))) found.push(`${item.id}: ${field} lists ${String(v)}`)
        }
      }
    }
    return found
  }

  it('the seeded demo: every share is in the new form and names no pupil it is not about', async () => {
    expect(await q(sql`select id from shares where not subjects_only`)).toEqual([])
    const items = await q<{ n: number }>(sql`select count(*)::int as n from share_items`)
    expect(items[0]!.n).toBeGreaterThan(3)
    expect(await leaks()).toEqual([])
    // The fight after the sports day had four perpetrators; its referral's share names one.
    const [fight] = await q<{ payload: { naam_dader: string[] }; students: number }>(sql`
      select i.payload, (select count(*)::int from share_students ss where ss.share_id = s.id) as students
        from halt_referrals r join shares s on s.id = r.share_id join share_items i on i.share_id = s.id
       where i.payload->>'locatie' = 'Sportveld'`)
    expect(fight!.payload.naam_dader).toHaveLength(4)
    expect(fight!.payload.naam_dader.slice(1)).toEqual(['leerling A', 'leerling B', 'leerling C'])
    expect(fight!.students).toBe(1)
  })

  it('0027 rewrites a share made under the earlier rule: only the referred pupil named, labels kept, hidden from Halt until then', async () => {
    const { owner, kind } = getDb()
    // The fight's referral, turned back into what the earlier rule wrote: all four perpetrators named,
    // in the list, the description, the groups and the referral's reason, and all four as subjects.
    const [ref] = await q<{ id: string; share_id: string; student_id: string; incident_id: string; item_id: string }>(sql`
      select r.id, r.share_id, r.student_id, i.incident_id, i.id as item_id
        from halt_referrals r join share_items i on i.share_id = r.share_id where i.payload->>'locatie' = 'Sportveld'`)
    const daders = await q<Pupil>(sql`select s.id, s.school_id, s.first_name as "firstName", s.infix, s.last_name as "lastName"
        from incident_persons p join students s on s.id = p.student_id where p.incident_id = ${ref!.incident_id} order by p.position`)
    expect(daders.map((d) => d.id)[0]).toBe(ref!.student_id)
    const [bystander] = await q<Pupil>(sql`select id, school_id, first_name as "firstName", infix, last_name as "lastName" from students
        where school_id = ${daders[0]!.school_id} and id not in (select student_id from incident_persons where incident_id = ${ref!.incident_id} and student_id is not null)
          and first_name not in (${sql.join(daders.map((d) => sql`${d.firstName}`), sql`, `)}) limit 1`)
    const [n0, n1, n2, n3] = daders.map(fullName)
    // A first or last name alone, unless another of the four shares it (then it is ambiguous).
    const short = (d: Pupil, form: string) => (daders.some((o) => o.id !== d.id && (o.firstName === form || o.lastName === form)) ? fullName(d) : form)
    const oldPayload = {
      datum: '2026-09-01T13:30:00.000Z',
      type: ['groepsknokpartij'],
      locatie: 'Sportveld',
      naam_dader: [n0, n1, n2, n3],
      omschrijving: `${n0} en ${n1} begonnen; ${short(daders[2]!, daders[2]!.firstName)} en ${short(daders[3]!, daders[3]!.lastName)} sloegen mee. Daarna kwam ${fullName(bystander!)} kijken.`,
      groep: daders.map((d) => ({ rol: 'dader', naam: fullName(d), value: 'TE2B (Techniek)' })),
    }
    await owner.execute(sql`update shares set fields = '{datum,type,locatie,naam_dader,omschrijving,groep}', subjects_only = false where id = ${ref!.share_id}`)
    await owner.execute(sql`update share_items set payload = ${JSON.stringify(oldPayload)}::jsonb where id = ${ref!.item_id}`)
    for (const d of daders) {
      await owner.execute(sql`insert into share_students (stichting_id, school_id, share_id, student_id)
        select stichting_id, school_id, id, ${d.id} from shares where id = ${ref!.share_id} on conflict do nothing`)
    }
    await owner.execute(sql`update halt_referrals set reason = ${`Vocht samen met ${n1} en ${short(daders[3]!, daders[3]!.firstName)}.`} where id = ${ref!.id}`)
    expect(await leaks()).not.toEqual([])

    // Until the data step has run, Halt does not see the share at all.
    const haltSees = () =>
      withContext(getDb().app, f.contextOf('halt@haltnoord.demo'), async (tx) =>
        rows<{ payload: Record<string, unknown> }>(await tx.execute(sql`select payload from share_items where share_id = ${ref!.share_id}`)),
      )
    expect(await haltSees()).toEqual([])

    // The real path: runMigrations applies nothing new and runs the data step.
    const handle: DatabaseHandle = { kind, db: owner, close: async () => {} }
    await runMigrations(handle)

    const [item] = await q<{ payload: typeof oldPayload }>(sql`select payload from share_items where id = ${ref!.item_id}`)
    expect(item!.payload).toEqual({
      ...oldPayload,
      naam_dader: [n0, 'leerling A', 'leerling B', 'leerling C'],
      omschrijving: `${n0} en leerling A begonnen; leerling B en leerling C sloegen mee. Daarna kwam een andere leerling kijken.`,
      groep: [{ rol: 'dader', naam: n0, value: 'TE2B (Techniek)' }],
    })
    const [referral] = await q<{ reason: string }>(sql`select reason from halt_referrals where id = ${ref!.id}`)
    expect(referral!.reason).toBe('Vocht samen met leerling A en leerling C.')
    expect(await q(sql`select id from shares where not subjects_only`)).toEqual([])
    expect(await leaks()).toEqual([])
    // Who received whose data stays recorded (AVG art. 15(1)(c)): the subjects of the share are kept.
    expect((await q(sql`select student_id from share_students where share_id = ${ref!.share_id}`)).length).toBe(4)
    expect((await haltSees()).map((r) => r.payload.naam_dader)).toEqual([[n0, 'leerling A', 'leerling B', 'leerling C']])

    // Idempotent: nothing left to do, nothing changed.
    expect(await minimiseStoredShares(owner)).toEqual({ shares: 0, items: 0, referrals: 0 })
  })

  it('0027 on a police share: names outside its subjects become labels after those already in the text', async () => {
    const { owner } = getDb()
    const [share] = await q<{ id: string; item_id: string; incident_id: string }>(sql`
      select s.id, i.id as item_id, i.incident_id from shares s join share_items i on i.share_id = s.id
       where s.partner_id = ${f.partners.wijkteam} and s.revoked_at is null and s.expires_at > now() limit 1`)
    const [subject] = await q<{ student_id: string }>(sql`select student_id from share_students where share_id = ${share!.id}`)
    const pupils = await q<Pupil & { role: string }>(sql`select s.id, s.school_id, s.first_name as "firstName", s.infix, s.last_name as "lastName", p.role::text as role
        from incident_persons p join students s on s.id = p.student_id where p.incident_id = ${share!.incident_id} order by p.position`)
    const me = pupils.find((p) => p.id === subject!.student_id)!
    // A pupil of the school whom the share is not about and whose name the earlier rule listed
    // (as if a dader then, no longer a person of the incident now), and one it left unnamed.
    const strangers = await q<Pupil>(sql`select id, school_id, first_name as "firstName", infix, last_name as "lastName" from students
        where school_id = ${me.school_id} and id not in (select student_id from incident_persons where incident_id = ${share!.incident_id} and student_id is not null)
          and first_name <> ${me.firstName} order by external_id limit 1`)
    const named = fullName(strangers[0]!)
    const labelsBefore = pupils.filter((p) => p.id !== me.id).length
    const oldPayload = { datum: '2026-10-01T08:00:00.000Z', naam_dader: [fullName(me), named], omschrijving: `${named} en ${fullName(me)} bekladden de muur; leerling A keek toe.` }
    await owner.execute(sql`update shares set fields = '{datum,naam_dader,omschrijving}', subjects_only = false where id = ${share!.id}`)
    await owner.execute(sql`update share_items set payload = ${JSON.stringify(oldPayload)}::jsonb where id = ${share!.item_id}`)
    expect(await minimiseStoredShares(owner)).toMatchObject({ shares: 1, items: 1 })
    const [item] = await q<{ payload: typeof oldPayload }>(sql`select payload from share_items where id = ${share!.item_id}`)
    const next = `leerling ${String.fromCharCode(65 + labelsBefore)}`
    expect(item!.payload.naam_dader).toEqual([fullName(me), next])
    expect(item!.payload.omschrijving).toBe(`${next[0]!.toUpperCase()}${next.slice(1)} en ${fullName(me)} bekladden de muur; leerling A keek toe.`)
    expect(await leaks()).toEqual([])
  })
})
