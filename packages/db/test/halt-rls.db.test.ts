// Halt spreekuur under RLS (migration 0022), raw SQL as baken_app on both drivers: Halt reads only
// referrals to its region from linked schools and the shared items, never incidents or students;
// the school reads its referrals but none of Halt's workspace; a school not linked to the region
// cannot insert a referral; Halt cannot rewrite the school's part; the closing mail is the only mail
// Halt can queue.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { withContext } from '../src/context.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, rows } from './support/test-databases.ts'

describeEachDriver('Halt referrals and workspace (raw SQL as baken_app)', (getDb) => {
  let f: DemoFixture
  let ref: { id: string; stichting_id: string; school_id: string; student_id: string; share_id: string }
  let lyceumRef: string
  const HALT = 'halt@haltnoord.demo'
  const DIR = 'directeur@vakcollege.demo'

  const as = <T>(email: string, fn: Parameters<typeof withContext<T>>[2], schoolId?: string) => withContext(getDb().app, f.contextOf(email, schoolId), fn)
  const count = (email: string, table: string, schoolId?: string) =>
    as(email, async (tx) => rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n, schoolId)

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    const dir = f.users[DIR]!
    const insertReferral = async (school: string, partner: string) => {
      const [inc] = rows<{ id: string; stichting_id: string; student_id: string }>(
        await owner.execute(sql`select i.id, i.stichting_id, p.student_id from incidents i join incident_persons p on p.incident_id = i.id
          where i.school_id = ${school} and i.status = 'submitted' and p.student_id is not null limit 1`),
      )
      const [agr] = rows<{ id: string }>(
        await owner.execute(sql`insert into sharing_agreements (stichting_id, school_id, partner_id, title, public_interest, partnership, purposes,
            data_categories, conditions, recipients, legal_basis, valid_from, valid_until, retention_days, status, approved_by_id, approved_at, created_by_id)
          values (${inc!.stichting_id}, ${school}, ${partner}, 'Test Halt', 'Veiligheid', 'Halt-spreekuur', '{halt_spreekuur}', '{datum,type}',
            'n.v.t.', 'Halt', 'AVG 6.1.e', current_date - 30, current_date + 730, 365, 'goedgekeurd', ${dir}, now(), ${dir}) returning id`),
      )
      const [share] = rows<{ id: string }>(
        await owner.execute(sql`insert into shares (stichting_id, school_id, agreement_id, partner_id, purpose, legal_basis, fields, origin, approved_by_id, expires_at, created_by_id)
          values (${inc!.stichting_id}, ${school}, ${agr!.id}, ${partner}, 'halt_spreekuur', 'AVG 6.1.e', '{datum,type}', 'halt_verwijzing', ${dir}, now() + interval '200 days', ${dir}) returning id`),
      )
      await owner.execute(sql`insert into share_items (stichting_id, school_id, share_id, partner_id, incident_id, payload)
        values (${inc!.stichting_id}, ${school}, ${share!.id}, ${partner}, ${inc!.id}, '{"datum":"2026-11-02T09:00:00.000Z","type":["Bedreiging"]}')`)
      const [r] = rows<typeof ref>(
        await owner.execute(sql`insert into halt_referrals (stichting_id, school_id, partner_id, student_id, share_id, reason, incident_types, school_actions,
            contact_name, contact_email, student_consent_on, report_fields, created_by_id)
          values (${inc!.stichting_id}, ${school}, ${partner}, ${inc!.student_id}, ${share!.id}, 'Bedreiging in de klas', '{bedreiging}', 'Gesprek',
            'Wendy', 'wendy@vakcollege.demo', '2026-11-02', '{uitkomst}', ${dir})
          returning id, stichting_id, school_id, student_id, share_id`),
      )
      return r!
    }
    ref = await insertReferral(f.schools.vakcollege, f.partners.haltNoord)
    // A referral (inserted behind RLS's back) from the Lyceum, which is not linked to Halt Noord.
    lyceumRef = (await insertReferral(f.schools.lyceum, f.partners.haltNoord)).id
    const halt = f.users[HALT]!
    await owner.execute(sql`insert into halt_notes (partner_id, referral_id, body, by_id) values (${f.partners.haltNoord}, ${ref.id}, 'Geheime notitie', ${halt})`)
    await owner.execute(sql`insert into halt_components (partner_id, referral_id, component, done, note) values (${f.partners.haltNoord}, ${ref.id}, 'reflectie', true, 'notitie')`)
    await owner.execute(sql`insert into halt_jims (partner_id, referral_id, name, relation, contact, agreements) values (${f.partners.haltNoord}, ${ref.id}, 'Tante', 'tante', '06', 'helpt')`)
    await owner.execute(sql`insert into halt_appointments (partner_id, referral_id, kind, starts_at, created_by_id) values (${f.partners.haltNoord}, ${ref.id}, 'intake', now(), ${halt})`)
  })

  it('Halt sees its referral from the linked school, not one from an unlinked school, and no incidents or students', async () => {
    const ids = await as(HALT, async (tx) => rows<{ id: string }>(await tx.execute(sql`select id from halt_referrals`)).map((r) => r.id))
    expect(ids).toContain(ref.id)
    expect(ids).not.toContain(lyceumRef)
    expect(await count(HALT, 'share_items')).toBeGreaterThanOrEqual(1)
    for (const t of ['incidents', 'incident_persons', 'students', 'guardians']) expect(await count(HALT, t), t).toBe(0)
    // All of Halt Noord's workspace rows (this test's and the demo's), as the owner counts them.
    const { owner } = getDb()
    for (const t of ['halt_notes', 'halt_components', 'halt_jims', 'halt_appointments']) {
      const [all] = rows<{ n: number }>(await owner.execute(sql`select count(*)::int as n from ${sql.identifier(t)} where partner_id = ${f.partners.haltNoord}`))
      expect(all!.n, t).toBeGreaterThanOrEqual(1)
      expect(await count(HALT, t), t).toBe(all!.n)
    }
  })

  it('the school sees its referral but none of Halt’s workspace; other schools and the police see nothing', async () => {
    const ids = await as(DIR, async (tx) => rows<{ id: string }>(await tx.execute(sql`select id from halt_referrals`)).map((r) => r.id))
    // Exactly the Vakcollege's referrals: this test's and the demo's three.
    const own = rows<{ id: string }>(
      await getDb().owner.execute(sql`select id from halt_referrals where school_id = (select school_id from halt_referrals where id = ${ref.id})`),
    ).map((r) => r.id)
    expect(ids).toContain(ref.id)
    expect([...ids].sort()).toEqual([...own].sort())
    for (const email of [DIR, 'docent@vakcollege.demo', 'bestuur@kompas.demo', 'politie@wijkteam.demo', 'directeur@horizon.demo']) {
      for (const t of ['halt_notes', 'halt_components', 'halt_jims', 'halt_appointments', 'halt_restorative_steps', 'halt_slots']) {
        expect(await count(email, t), `${email} ${t}`).toBe(0)
      }
    }
    expect(await count('directeur@horizon.demo', 'halt_referrals')).toBe(0)
    expect(await count('politie@wijkteam.demo', 'halt_referrals')).toBe(0)
    expect(await count('bestuur@kompas.demo', 'halt_referrals')).toBe(0)
  })

  it('a school not linked to the Halt region cannot insert a referral; a linked one can only as itself and as new', async () => {
    const insert = (email: string, school: string, status = 'aangemeld') =>
      attempt(() =>
        as(
          email,
          (tx) =>
            tx.execute(sql`insert into halt_referrals (stichting_id, school_id, partner_id, student_id, share_id, reason, incident_types, school_actions,
              contact_name, contact_email, student_consent_on, report_fields, created_by_id, status)
            values (${ref.stichting_id}, ${school}, ${f.partners.haltNoord}, ${ref.student_id}, ${ref.share_id}, 'x', '{bedreiging}', 'x', 'x', 'x@x.nl', '2026-11-02', '{uitkomst}',
              ${f.users[email]!}, ${status})`),
          school,
        ),
      )
    const lyceum = await insert('directeur@lyceum.demo', f.schools.lyceum)
    expect(lyceum.ok).toBe(false)
    if (!lyceum.ok) expect(lyceum.error.code).toMatch(/42501|23503/)
    const ok = await insert(DIR, f.schools.vakcollege)
    expect(ok.ok).toBe(true)
    const closed = await insert(DIR, f.schools.vakcollege, 'geaccepteerd')
    expect(closed.ok).toBe(false)
  })

  it('Halt cannot rewrite the school’s part and cannot update as the school', async () => {
    const rewrite = await attempt(() => as(HALT, (tx) => tx.execute(sql`update halt_referrals set reason = 'anders' where id = ${ref.id}`)))
    expect(rewrite.ok).toBe(false)
    const status = await attempt(() => as(HALT, (tx) => tx.execute(sql`update halt_referrals set status = 'geaccepteerd', decided_at = now() where id = ${ref.id}`)))
    expect(status.ok).toBe(true)
    const byDir = await as(DIR, async (tx) => tx.execute(sql`update halt_referrals set status = 'afgesloten' where id = ${ref.id} returning id`))
    expect(rows(byDir)).toHaveLength(0)
  })

  it('Halt queues mail only for a closed referral, to its contact', async () => {
    const mail = (to: string) =>
      attempt(() =>
        as(HALT, (tx) =>
          tx.execute(sql`insert into outbox (id, stichting_id, school_id, subject_ref, to_address, subject, text)
            values (gen_random_uuid(), ${ref.stichting_id}, ${ref.school_id}, ${`halt_referral:${ref.id}`}, ${to}, 'Eindverslag', 'tekst')`),
        ),
      )
    expect((await mail('wendy@vakcollege.demo')).ok).toBe(false) // not closed yet
    await getDb().owner.execute(sql`update halt_referrals set status = 'afgesloten', closed_at = now(), outcome = 'afgerond' where id = ${ref.id}`)
    expect((await mail('iemand@elders.nl')).ok).toBe(false)
    expect((await mail('wendy@vakcollege.demo')).ok).toBe(true)
  })
})
