// Purpose-bound sharing enforced by RLS (migration 0020), with raw SQL as the app role: a police user
// (role politie, partner context) sees the items of an active share addressed to it and nothing
// else — no incidents, no students, no share_students, no other partner's shares, no expired or
// revoked shares, no shares named to someone else; a school cannot insert a share for another
// school; a partner cannot write shares; a share only changes by being revoked, once.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { withContext } from '../src/context.ts'
import { loadSharingRefs, seedDemoSharing, POLICE_AGREEMENT_TITLE, HALT_AGREEMENT_TITLE } from '../src/demo-sharing.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { attempt, describeEachDriver, rows } from './support/test-databases.ts'

describeEachDriver('sharing RLS (raw SQL as baken_app)', (getDb) => {
  let f: DemoFixture
  let active: string
  let portalShares: string[] = []
  let expired: string
  let revoked: string
  let haltShare: string
  let namedElsewhere: string
  let policeAgreement: string

  const as = <T>(email: string, fn: (q: (query: ReturnType<typeof sql>) => Promise<Record<string, unknown>[]>) => Promise<T>, schoolId?: string) =>
    withContext(getDb().app, f.contextOf(email, schoolId), (tx) => fn(async (query) => rows(await tx.execute(query))))
  const count = (email: string, query: ReturnType<typeof sql>) => as(email, async (q) => Number((await q(query))[0]!.n))
  const owner = async (query: ReturnType<typeof sql>) => rows<Record<string, unknown>>(await getDb().owner.execute(query))

  beforeAll(async () => {
    f = await loadDemoFixture(getDb().owner)
    // The demo sharing data, unless the demo seed already holds it.
    const [existing] = await owner(sql`select count(*)::int as n from sharing_agreements where title = ${POLICE_AGREEMENT_TITLE}`)
    if (Number(existing!.n) === 0) await getDb().owner.transaction(async (tx) => seedDemoSharing(tx, await loadSharingRefs(tx)))
    policeAgreement = String((await owner(sql`select id from sharing_agreements where title = ${POLICE_AGREEMENT_TITLE}`))[0]!.id)
    // The demo guardian's child's share (demo-portal.ts) is set apart: the portal's own suites test it.
    portalShares = (await owner(sql`select ss.share_id as id from share_students ss join guardian_links l on l.student_id = ss.student_id
      join users u on u.id = l.user_id where u.email = 'ouder@branding.demo'`)).map((r) => String(r.id))
    const shares = (await owner(sql`select id, expires_at > now() as live, revoked_at is not null as revoked from shares where agreement_id = ${policeAgreement}`)).filter(
      (r) => !portalShares.includes(String(r.id)),
    )
    active = String(shares.find((s) => s.live && !s.revoked)!.id)
    expired = String(shares.find((s) => !s.live)!.id)
    revoked = String(shares.find((s) => s.revoked)!.id)
    // A Halt share at the Vakcollege, and a police share named to somebody else.
    const [halt] = await owner(sql`select id from sharing_agreements where title = ${HALT_AGREEMENT_TITLE}`)
    const [vakIncident] = await owner(sql`select id from incidents where school_id = ${f.schools.vakcollege} and status = 'submitted' limit 1`)
    const [brandingIncident] = await owner(sql`select id from incidents where school_id = ${f.schools.branding} and status = 'submitted' and not confidential offset 3 limit 1`)
    const directeurVak = f.users['directeur@vakcollege.demo']!
    const directeur = f.users['directeur@branding.demo']!
    haltShare = ((await owner(sql`insert into shares (stichting_id, school_id, agreement_id, partner_id, purpose, legal_basis, fields, approved_by_id, expires_at, created_by_id, origin)
      values (${f.stichtingen.kompas}, ${f.schools.vakcollege}, ${halt!.id}, ${f.partners.haltNoord}, 'halt_spreekuur', 'convenant', array['datum'], ${directeurVak}, now() + interval '10 days', ${directeurVak}, 'halt_verwijzing') returning id`)) as { id: string }[])[0]!.id
    await owner(sql`insert into share_items (stichting_id, school_id, share_id, partner_id, incident_id, payload)
      values (${f.stichtingen.kompas}, ${f.schools.vakcollege}, ${haltShare}, ${f.partners.haltNoord}, ${vakIncident!.id}, '{"datum":"2026-11-01"}'::jsonb)`)
    namedElsewhere = ((await owner(sql`insert into shares (stichting_id, school_id, agreement_id, partner_id, recipient_user_ids, purpose, legal_basis, fields, approved_by_id, expires_at, created_by_id)
      values (${f.stichtingen.kompas}, ${f.schools.branding}, ${policeAgreement}, ${f.partners.wijkteam}, array[${directeur}::uuid], 'strafbare_feiten', 'convenant', array['datum'], ${directeur}, now() + interval '10 days', ${directeur}) returning id`)) as { id: string }[])[0]!.id
    await owner(sql`insert into share_items (stichting_id, school_id, share_id, partner_id, incident_id, payload)
      values (${f.stichtingen.kompas}, ${f.schools.branding}, ${namedElsewhere}, ${f.partners.wijkteam}, ${brandingIncident!.id}, '{"datum":"2026-11-02"}'::jsonb)`)
  })

  it('the police see the active share addressed to them and its items, nothing more', async () => {
    const seen = await as('politie@wijkteam.demo', (q) => q(sql`select id from shares`))
    expect(seen.map((r) => r.id).sort()).toEqual([active, ...portalShares].sort())
    const items = (await as('politie@wijkteam.demo', (q) => q(sql`select share_id, payload from share_items`))).filter((r) => !portalShares.includes(String(r.share_id)))
    expect(items.map((r) => r.share_id)).toEqual([active])
    expect(Object.keys(items[0]!.payload as object).sort()).toEqual(['datum', 'locatie', 'naam_dader', 'type'])
  })

  it('not expired, revoked or someone else’s shares, not even by id, nor their items', async () => {
    for (const id of [expired, revoked, haltShare, namedElsewhere]) {
      expect(await count('politie@wijkteam.demo', sql`select count(*)::int as n from shares where id = ${id}`)).toBe(0)
      expect(await count('politie@wijkteam.demo', sql`select count(*)::int as n from share_items where share_id = ${id}`)).toBe(0)
    }
  })

  it('no incidents, students, persons, share_students or measures at all', async () => {
    for (const table of ['incidents', 'incident_persons', 'incident_codes', 'students', 'guardians', 'share_students', 'measures']) {
      expect(await count('politie@wijkteam.demo', sql`select count(*)::int as n from ${sql.identifier(table)}`), table).toBe(0)
    }
  })

  it('the police read the approved agreements they are party to, not concepts nor others’', async () => {
    const seen = await as('politie@wijkteam.demo', (q) => q(sql`select status, partner_id from sharing_agreements`))
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((a) => a.status !== 'concept' && a.partner_id === f.partners.wijkteam)).toBe(true)
  })

  it('Halt sees its own active shares only (this one and the demo referrals\' shares), never the police\'s', async () => {
    const seen = (await as('halt@haltnoord.demo', (q) => q(sql`select id from shares`))).map((r) => r.id)
    expect(seen).toContain(haltShare)
    const expected = (
      await owner(sql`select id from shares where partner_id = ${f.partners.haltNoord} and revoked_at is null and expires_at > now()
        and (cardinality(recipient_user_ids) = 0 or ${f.users['halt@haltnoord.demo']!}::uuid = any(recipient_user_ids))`)
    ).map((r) => r.id)
    expect([...seen].sort()).toEqual([...expected].sort())
  })

  it('a named recipient limits the share to that person', async () => {
    expect(await count('politie@wijkteam.demo', sql`select count(*)::int as n from shares where id = ${namedElsewhere}`)).toBe(0)
    await getDb().owner.execute(sql`update shares set recipient_user_ids = array[${f.users['politie@wijkteam.demo']!}::uuid] where id = ${namedElsewhere}`)
    expect(await count('politie@wijkteam.demo', sql`select count(*)::int as n from shares where id = ${namedElsewhere}`)).toBe(1)
    await getDb().owner.execute(sql`update shares set recipient_user_ids = array[${f.users['directeur@branding.demo']!}::uuid] where id = ${namedElsewhere}`)
  })

  it('a partner cannot write shares, items or agreements', async () => {
    const politie = f.users['politie@wijkteam.demo']!
    const insert = await attempt(() =>
      as('politie@wijkteam.demo', (q) =>
        q(sql`insert into shares (stichting_id, school_id, agreement_id, partner_id, purpose, legal_basis, fields, approved_by_id, expires_at, created_by_id)
          values (${f.stichtingen.kompas}, ${f.schools.branding}, ${policeAgreement}, ${f.partners.wijkteam}, 'strafbare_feiten', 'x', array['datum','omschrijving'], ${politie}, now() + interval '1 year', ${politie})`),
      ),
    )
    expect(insert.ok).toBe(false)
    await as('politie@wijkteam.demo', (q) => q(sql`update shares set expires_at = now() + interval '5 years', fields = array['omschrijving'] where id = ${expired}`)).catch(() => undefined)
    const [after] = await owner(sql`select expires_at > now() as live from shares where id = ${expired}`)
    expect(after!.live).toBe(false)
    const item = await attempt(() =>
      as('politie@wijkteam.demo', (q) => q(sql`insert into share_items (stichting_id, school_id, share_id, partner_id, incident_id, payload) select stichting_id, school_id, share_id, partner_id, incident_id, '{}'::jsonb from share_items`)),
    )
    expect(item.ok).toBe(false)
  })

  it('a school cannot insert a share for another school', async () => {
    const directeur = f.users['directeur@branding.demo']!
    const other = await attempt(() =>
      as('directeur@branding.demo', (q) =>
        q(sql`insert into shares (stichting_id, school_id, agreement_id, partner_id, purpose, legal_basis, fields, approved_by_id, expires_at, created_by_id)
          values (${f.stichtingen.kompas}, ${f.schools.lyceum}, ${policeAgreement}, ${f.partners.wijkteam}, 'strafbare_feiten', 'x', array['datum'], ${directeur}, now() + interval '1 day', ${directeur})`),
      ),
    )
    expect(other.ok).toBe(false)
    // Nor under another's name.
    const forged = await attempt(() =>
      as('directeur@branding.demo', (q) =>
        q(sql`insert into shares (stichting_id, school_id, agreement_id, partner_id, purpose, legal_basis, fields, approved_by_id, expires_at, created_by_id)
          values (${f.stichtingen.kompas}, ${f.schools.branding}, ${policeAgreement}, ${f.partners.wijkteam}, 'strafbare_feiten', 'x', array['datum'], ${directeur}, now() + interval '1 day', ${f.users['ib@branding.demo']!})`),
      ),
    )
    expect(forged.ok).toBe(false)
  })

  it('another stichting sees none of Kompas’s shares or agreements', async () => {
    expect(await count('directeur@horizon.demo', sql`select count(*)::int as n from shares`)).toBe(0)
    expect(await count('directeur@horizon.demo', sql`select count(*)::int as n from sharing_agreements where stichting_id = ${f.stichtingen.kompas}`)).toBe(0)
    expect(await count('bestuur@horizon.demo', sql`select count(*)::int as n from share_items`)).toBe(0)
  })

  it('a revocation hides the share from the police at once; a share changes only by that, once', async () => {
    const directeur = f.users['directeur@branding.demo']!
    const widen = await attempt(() => as('directeur@branding.demo', (q) => q(sql`update shares set fields = array['datum','omschrijving'] where id = ${active}`)))
    expect(widen.ok).toBe(false)
    await as('directeur@branding.demo', (q) => q(sql`update shares set revoked_at = now(), revoked_by_id = ${directeur}, revoke_reason = 'test' where id = ${active}`))
    expect(await count('politie@wijkteam.demo', sql`select count(*)::int as n from shares where id = ${active}`)).toBe(0)
    expect(await count('politie@wijkteam.demo', sql`select count(*)::int as n from share_items where share_id = ${active}`)).toBe(0)
    const again = await attempt(() => as('directeur@branding.demo', (q) => q(sql`update shares set revoked_at = null, revoked_by_id = null where id = ${active}`)))
    expect(again.ok).toBe(false)
  })

  it('only the bestuurder approves an agreement; a new one starts as a concept', async () => {
    const privacy = f.users['privacy@kompas.demo']!
    const approvedDirect = await attempt(() =>
      as('privacy@kompas.demo', (q) =>
        q(sql`insert into sharing_agreements (stichting_id, partner_id, title, public_interest, partnership, purposes, data_categories, conditions, recipients, legal_basis, valid_from, valid_until, retention_days, status, approved_by_id, approved_at, created_by_id)
          values (${f.stichtingen.kompas}, ${f.partners.wijkteam}, 't', 'b', 'p', array['openbare_orde']::share_purpose[], array['datum'], 'c', 'r', 'l', current_date, current_date + 10, 10, 'goedgekeurd', ${privacy}, now(), ${privacy})`),
      ),
    )
    expect(approvedDirect.ok).toBe(false)
    const [concept] = await owner(sql`select id from sharing_agreements where status = 'concept' limit 1`)
    const byPrivacy = await attempt(() =>
      as('privacy@kompas.demo', (q) => q(sql`update sharing_agreements set status = 'goedgekeurd', approved_by_id = ${privacy}, approved_at = now() where id = ${concept!.id}`)),
    )
    expect(byPrivacy.ok).toBe(false)
    const bestuur = f.users['bestuur@kompas.demo']!
    await as('bestuur@kompas.demo', (q) => q(sql`update sharing_agreements set status = 'goedgekeurd', approved_by_id = ${bestuur}, approved_at = now() where id = ${concept!.id}`))
    const [after] = await owner(sql`select status from sharing_agreements where id = ${concept!.id}`)
    expect(after!.status).toBe('goedgekeurd')
    // The guard binds the board's own database role too (baken_board, ADR 028): approved is final.
    const rewrite = await attempt(() =>
      as('bestuur@kompas.demo', (q) => q(sql`update sharing_agreements set title = 'herschreven' where id = ${concept!.id}`)),
    )
    expect(rewrite.ok ? 'rewritten' : rewrite.error.message).toMatch(/cannot be changed/)
    expect((await owner(sql`select title from sharing_agreements where id = ${concept!.id}`))[0]!.title).not.toBe('herschreven')
  })

  it('recipient candidates: the partner’s users, for a linked school only', async () => {
    const forBranding = await as('directeur@branding.demo', (q) => q(sql`select user_id from share_recipient_candidates(${f.partners.wijkteam}::uuid)`))
    expect(forBranding.map((r) => r.user_id)).toEqual([f.users['politie@wijkteam.demo']])
    const forHorizon = await as('directeur@horizon.demo', (q) => q(sql`select user_id from share_recipient_candidates(${f.partners.wijkteam}::uuid)`))
    expect(forHorizon).toEqual([])
  })
})
