// Tenant isolation as the application role (baken_app), with raw SQL inside withContext, on every
// table that has a school_id column. The tables are discovered from the catalogue: a new
// school-owned table is checked without editing this file (the fixture test below then asks for
// rows in it, so the checks cannot pass vacuously).
import { type SQL, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database, Tx } from '../src/client.ts'
import { APP_ROLE, BOARD_ROLE, type ContextSettings, applyContext, withContext } from '../src/context.ts'
import { localDate, schoolYearOfDate } from '../src/calendar/index.ts'
import { type TenantTable, tablesWithColumn } from './support/catalogue.ts'
import { generatedSigner } from '../src/access-log-signing.ts'
import { type DemoFixture, loadDemoFixture } from './support/demo-fixture.ts'
import { sealUntilDone } from './support/seal.ts'
import { affectedRows, attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

type SchoolKey = keyof DemoFixture['schools']

// Inserted rows copy a real row of the target, so they claim its school and its stichting.
const TARGETS: { label: string; school: SchoolKey }[] = [
  { label: 'Kompas Lyceum (same stichting)', school: 'lyceum' },
  { label: 'CBS De Horizon (other stichting)', school: 'horizon' },
]
/** Schools every school-owned table must have rows in, so each check has something to hide. */
const REQUIRED_SCHOOLS: SchoolKey[] = ['branding', 'lyceum', 'horizon']
const KOMPAS_SCHOOLS: SchoolKey[] = ['branding', 'lyceum', 'vakcollege']
/**
 * Tables whose write rule differs from their read rule, so "a blanket write touches exactly the rows
 * it can see" does not hold by design. calendar_entries: everyone in the stichting reads the region
 * rows (school_id null, shared by its schools) and the own school's rows, but only the
 * stichtingbeheerder writes (migration 0011); its own suite is calendar.db.test.ts.
 */
const READ_WIDER_THAN_WRITE = new Set([
  'calendar_entries',
  // School staff read the stichting-wide agreements too; the directeur writes only the school's own.
  'sharing_agreements',
  // The school reads its referrals; only Halt moves them along (migration 0022).
  'halt_referrals',
  // School staff read the links of their school and stichting; only the stichtingbeheerder links
  // and unlinks (migration 0032).
  'partner_links',
])

/**
 * Tables whose rows a trigger lets change in one way only: any other UPDATE is refused outright
 * (42501) rather than touching the visible rows. shares: only a revocation, once (migration 0020).
 */
const UPDATE_GUARDED: Record<string, RegExp> = { shares: /a share can only be revoked/ }

const t = (name: string) => sql.identifier(name)

async function countAs(app: Database, ctx: ContextSettings, table: string, where: SQL): Promise<number> {
  return withContext(app, ctx, async (tx) => {
    const [row] = rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${t(table)} where ${where}`))
    return row!.n
  })
}

async function ownerCount(owner: Database, table: string, where: SQL): Promise<number> {
  const [row] = rows<{ n: number }>(await owner.execute(sql`select count(*)::int as n from ${t(table)} where ${where}`))
  return row!.n
}

async function visibleCount(tx: Tx, table: string): Promise<number> {
  const [row] = rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${t(table)}`))
  return row!.n
}

/** Count and digest of a school's rows, read as the owner, to prove nothing changed. */
async function ownerSnapshot(owner: Database, table: string, schoolId: string): Promise<{ n: number; digest: string }> {
  const [row] = rows<{ n: number; digest: string }>(
    await owner.execute(sql`select count(*)::int as n,
        coalesce(md5(string_agg(to_jsonb(x)::text, '|' order by to_jsonb(x)::text)), '') as digest
      from ${t(table)} x where school_id = ${schoolId}`),
  )
  return row!
}

/** Rows the seed lacks, added as the owner so every school-owned table has rows in every school. */
async function addIsolationFixtures(owner: Database, f: DemoFixture): Promise<void> {
  // The seed gives CBS De Horizon no group teacher and no partner link.
  await owner.execute(sql`insert into group_teachers (stichting_id, school_id, group_id, user_id)
    select g.stichting_id, g.school_id, g.id, ${f.users['directeur@horizon.demo']!}
    from groups g where g.school_id = ${f.schools.horizon} and g.name = 'groep 4'`)
  await owner.execute(sql`insert into partner_links (partner_id, stichting_id, school_id)
    values (${f.partners.haltNoord}, ${f.stichtingen.horizon}, ${f.schools.horizon})`)
  // A leerkracht's draft about a Branding pupil: the seed has drafts only among the last fortnight's
  // incidents, and none when that fortnight fell in a holiday.
  await owner.execute(sql`with d as (
      insert into incidents (stichting_id, school_id, school_year, occurred_at, reported_by_id)
      values (${f.stichtingen.kompas}, ${f.schools.branding}, ${schoolYearOfDate(localDate(new Date()))}, now(), ${f.users['leerkracht@branding.demo']!})
      returning id, stichting_id, school_id)
    insert into incident_persons (stichting_id, school_id, incident_id, role, kind, student_id, position)
    select d.stichting_id, d.school_id, d.id, 'dader', 'leerling', (select id from students where school_id = d.school_id order by id limit 1), 0 from d`)
  // Auth and rate-limit rows, so "no context, no rows" is checked on non-empty tables.
  const henk = f.users['directeur@branding.demo']!
  const membership = f.memberships.find((m) => m.userId === henk)!
  await owner.execute(sql`insert into sessions (id, user_id, membership_id, expires_at)
    values ('isolation-session', ${henk}, ${membership.id}, now() + interval '1 day')`)
  await owner.execute(sql`insert into api_tokens (user_id, membership_id, name, token_hash, expires_at)
    values (${henk}, ${membership.id}, 'isolation token', 'isolation-token-hash', now() + interval '30 days')`)
  await owner.execute(sql`insert into login_failures (key) values ('isolation-failure-key')`)
  // An open invitation of a leerkracht at each fixture school, made by its directeur (migration 0046).
  await owner.execute(sql`insert into invitations (token_hash, email, invited_by, stichting_id, school_id, expires_at)
    select 'isolation-invitation-' || s.id, lower('uitgenodigd-' || s.brin || '@isolatie.demo'), m.user_id, s.stichting_id, s.id, now() + interval '1 day'
    from schools s join memberships m on m.school_id = s.id and m.role = 'directeur'
    where s.id in (${f.schools.branding}, ${f.schools.lyceum}, ${f.schools.horizon})`)
  await owner.execute(sql`insert into invitation_memberships (invitation_id, role, stichting_id, school_id)
    select i.id, 'leerkracht', i.stichting_id, i.school_id from invitations i where i.token_hash like 'isolation-invitation-%'`)
  // The parents' portal (0058): an invitation of a guardian, a guardian link and a released item at
  // each fixture school (the demo seed has them only at De Branding and the Vakcollege).
  await owner.execute(sql`insert into guardian_invitations (invitation_id, stichting_id, school_id, student_id, kind, relation)
    select i.id, i.stichting_id, i.school_id, (select id from students s where s.school_id = i.school_id order by id limit 1), 'ouder', 'voogd'
    from invitations i where i.token_hash like 'isolation-invitation-%'`)
  await owner.execute(sql`insert into guardian_links (stichting_id, school_id, student_id, user_id, kind, relation)
    select s.stichting_id, s.id, (select id from students x where x.school_id = s.id order by id limit 1), ${henk}, 'ouder', 'voogd'
    from schools s where s.id in (${f.schools.lyceum}, ${f.schools.horizon})`)
  await owner.execute(sql`insert into portal_items (stichting_id, school_id, student_id, kind, title, body, released_by_id)
    select s.stichting_id, s.id, (select id from students x where x.school_id = s.id order by id limit 1), 'student_file', 'Inzage', '{}'::jsonb, ${henk}
    from schools s where s.id in (${f.schools.lyceum}, ${f.schools.horizon})`)
  // Admin audit rows: one of a stichting (by its directeur's user, as the owner may) and one of the platform.
  await owner.execute(sql`insert into admin_audit (stichting_id, actor_user_id, actor_role, action, subject_type, after)
    select s.stichting_id, ${henk}, 'stichtingbeheerder', 'school.updated', 'school', '{}'::jsonb from schools s where s.id = ${f.schools.branding}`)
  await owner.execute(sql`insert into admin_audit (stichting_id, actor_user_id, actor_role, action, subject_type, after)
    values (null, ${henk}, 'platform_beheerder', 'partner.created', 'partner', '{}'::jsonb)`)
  // Second factors (0035): the demo accounts have none.
  await owner.execute(sql`insert into mfa_totp (user_id, secret_encrypted, confirmed_at) values (${henk}, 'isolation-sealed-secret', now())`)
  await owner.execute(sql`insert into mfa_recovery_codes (user_id, code_hash) values (${henk}, 'isolation-recovery-hash')`)
  await owner.execute(sql`insert into mfa_events (user_id, kind) values (${henk}, 'totp_enrolled')`)
  await owner.execute(sql`insert into webauthn_credentials (id, user_id, public_key, name) values ('isolation-credential', ${henk}, '\\x00'::bytea, 'isolation key')`)
  // A passkey sign-in challenge (0050): bound to a browser, reached only through SECURITY DEFINER functions.
  await owner.execute(sql`insert into webauthn_challenges (challenge, purpose, browser_key, expires_at) values ('isolation-challenge', 'sign_in', 'isolation-browser', now() + interval '5 minutes')`)
  // A password-reset link (0047): no application role reads it, only SECURITY DEFINER functions.
  await owner.execute(sql`insert into password_resets (user_id, token_hash, expires_at) values (${henk}, 'isolation-reset-hash', now() + interval '30 minutes')`)
  // A family sign-in link (0069): likewise reached only through SECURITY DEFINER functions.
  await owner.execute(sql`insert into sign_in_links (user_id, token_hash, expires_at) values (${henk}, 'isolation-link-hash', now() + interval '10 minutes')`)
  // A request-limit bucket (0066): the application reaches it only through rate_limit_take.
  await owner.execute(sql`insert into rate_limit_buckets (key, tokens, at) values ('write:isolation', 3, now())`)
  // A letter, a bezwaar and a search attempt on one measure of every school that has a measure.
  await owner.execute(sql`insert into measure_letters (stichting_id, school_id, measure_id, kind, version, pdf_base64, created_by_id)
    select distinct on (m.school_id) m.stichting_id, m.school_id, m.id, 'schorsing', 1, 'JVBERi0xLjQK', m.proposed_by_id
    from measures m order by m.school_id, m.created_at`)
  // A "voor gezien" on a measure (0059) of every school that has a measure, as on paper.
  await owner.execute(sql`insert into measure_acknowledgements (stichting_id, school_id, measure_id, student_id, guardian_name, acknowledged_on, method, recorded_by_id)
    select distinct on (m.school_id) m.stichting_id, m.school_id, m.id, m.student_id, 'Ouder', current_date, 'op school getekend', m.proposed_by_id
    from measures m order by m.school_id, m.created_at`)
  await owner.execute(sql`insert into bezwaren (stichting_id, school_id, measure_id, received_on, decision_due_on, recorded_by_id)
    select distinct on (m.school_id) m.stichting_id, m.school_id, m.id, date '2026-11-19', date '2027-01-28', m.proposed_by_id
    from measures m order by m.school_id, m.created_at`)
  await owner.execute(sql`insert into removal_search_attempts (stichting_id, school_id, measure_id, contacted_on, school_name, result, recorded_by_id)
    select distinct on (m.school_id) m.stichting_id, m.school_id, m.id, date '2026-11-18', 'Testschool', 'geen plaats', m.proposed_by_id
    from measures m order by m.school_id, m.created_at`)
  await owner.execute(sql`insert into removal_hearings (stichting_id, school_id, measure_id, party, heard_on, summary, recorded_by_id)
    select distinct on (m.school_id) m.stichting_id, m.school_id, m.id, 'ouders', date '2026-11-18', 'Gehoord', m.proposed_by_id
    from measures m order by m.school_id, m.created_at`)
  // A mandate for schorsingen at every school (granted by the stichting's bestuurder, migration 0029).
  await owner.execute(sql`insert into school_mandates (stichting_id, school_id, version, action, max_school_days, starts_on, besluit_on)
    select s.stichting_id, s.id, 1, 'verleend', 3, date '2026-11-18', date '2026-11-18'
    from schools s where s.id in (${f.schools.branding}, ${f.schools.lyceum}, ${f.schools.horizon})`)
  // A single sign-on provider for each stichting, and one linked subject (migrations 0038–0039).
  await owner.execute(sql`insert into sso_providers (stichting_id, display_name, issuer, client_id, client_secret_enc)
    values (${f.stichtingen.kompas}, 'Kompas', 'https://idp.kompas.test', 'kompas', 'v1.x.y.z'),
           (${f.stichtingen.horizon}, 'Horizon', 'https://idp.horizon.test', 'horizon', 'v1.x.y.z')`)
  await owner.execute(sql`insert into sso_identities (provider_id, subject, user_id)
    select p.id, 'henk', ${henk} from sso_providers p where p.stichting_id = ${f.stichtingen.kompas}`)
  await addIssue5And6Fixtures(owner, f)
}

/**
 * Sharing, the access log, privacy, reporting duties and Halt: a row in every new
 * table for each of the three schools, independent of what the demo seed holds. Every share goes to
 * Wijkteam Centrum (also Horizon's, so the partner test sees shares of two stichtingen).
 */
async function addIssue5And6Fixtures(owner: Database, f: DemoFixture): Promise<void> {
  const schools = [f.schools.branding, f.schools.lyceum, f.schools.horizon]
  const by = f.users['directeur@branding.demo']!
  const opener = f.users['ib@branding.demo']!
  const inSchools = sql.join(schools.map((id) => sql`${id}`), sql`, `)
  await owner.execute(sql`insert into sharing_agreements (stichting_id, school_id, partner_id, title, public_interest, partnership,
      purposes, data_categories, conditions, recipients, legal_basis, valid_from, valid_until, retention_days, status,
      approved_by_id, approved_at, created_by_id)
    select s.stichting_id, s.id, ${f.partners.wijkteam}, 'Isolatie ' || s.name, 'Veiligheid', 'Samenwerking',
      '{strafbare_feiten}', '{datum,type}', 'Voorwaarden', 'Wijkagent', 'Wpg art. 20', current_date - 30, current_date + 730, 365,
      'goedgekeurd', ${by}, now(), ${by}
    from schools s where s.id in (${inSchools})`)
  await owner.execute(sql`insert into shares (stichting_id, school_id, agreement_id, partner_id, purpose, legal_basis, fields,
      approved_by_id, expires_at, created_by_id)
    select a.stichting_id, a.school_id, a.id, a.partner_id, 'strafbare_feiten', 'Wpg art. 20', '{datum,type}', ${by},
      now() + interval '30 days', ${by}
    from sharing_agreements a where a.title like 'Isolatie %'`)
  // Items and students for these shares only: a demo share may already hold the row picked here.
  await owner.execute(sql`insert into share_items (stichting_id, school_id, share_id, partner_id, incident_id, payload)
    select distinct on (sh.id) sh.stichting_id, sh.school_id, sh.id, sh.partner_id, i.id, jsonb_build_object('datum', i.occurred_at)
    from shares sh join incidents i on i.school_id = sh.school_id and i.status = 'submitted'
    where sh.school_id in (${inSchools}) and sh.agreement_id in (select id from sharing_agreements where title like 'Isolatie %')
    order by sh.id, i.occurred_at`)
  await owner.execute(sql`insert into share_students (stichting_id, school_id, share_id, student_id)
    select distinct on (sh.id) sh.stichting_id, sh.school_id, sh.id, st.id
    from shares sh join students st on st.school_id = sh.school_id
    where sh.school_id in (${inSchools}) and sh.agreement_id in (select id from sharing_agreements where title like 'Isolatie %')
    order by sh.id, st.id`)
  await owner.execute(sql`insert into access_log (chain_key, seq, user_id, user_name, role, stichting_id, school_id, action,
      subject_type, subject_id, student_id, prev_hash, hash)
    select distinct on (st.school_id) st.stichting_id, 0, ${by}, 'Isolatie', 'directeur', st.stichting_id, st.school_id, 'read',
      'student', st.id, st.id, '', ''
    from students st where st.school_id in (${inSchools}) order by st.school_id, st.id`)
  // The sealer fills the access log's heads and signed checkpoints (ADR 021); one digest beside them.
  await sealUntilDone(owner, generatedSigner())
  await owner.execute(sql`insert into access_log_digests (chain_key, day, checkpoint_id, recipients)
    select chain_key, (at at time zone 'Europe/Amsterdam')::date, id, 0 from access_log_checkpoints order by id limit 1`)
  await owner.execute(sql`insert into subject_requests (stichting_id, school_id, student_id, kind, requested_by, requester_name,
      received_on, due_on, details, created_by_id)
    select distinct on (st.school_id) st.stichting_id, st.school_id, st.id, 'inzage', 'ouders', 'Ouder', date '2026-11-01',
      date '2026-12-01', 'Inzage in het dossier', ${by}
    from students st where st.school_id in (${inSchools}) order by st.school_id, st.id`)
  await owner.execute(sql`insert into legal_holds (stichting_id, school_id, student_id, reason, set_by_id)
    select distinct on (st.school_id) st.stichting_id, st.school_id, st.id, 'Lopende procedure', ${by}
    from students st where st.school_id in (${inSchools}) order by st.school_id, st.id`)
  await owner.execute(sql`insert into report_cases (stichting_id, school_id, kind, state, summary, opened_by_id)
    select s.stichting_id, s.id, k.kind, 'gemeld', 'Isolatie', ${opener}
    from schools s cross join (values ('zedendelict_medewerker'), ('meldcode')) as k(kind) where s.id in (${inSchools})`)
  await owner.execute(sql`insert into report_case_steps (stichting_id, school_id, case_id, step, by_id, note)
    select c.stichting_id, c.school_id, c.id, 'gemeld', ${opener}, 'Isolatie' from report_cases c where c.summary = 'Isolatie'`)
  await owner.execute(sql`insert into halt_referrals (stichting_id, school_id, partner_id, student_id, share_id, reason,
      incident_types, school_actions, contact_name, contact_email, student_consent_on, parent_consent_on, report_fields, created_by_id)
    select sh.stichting_id, sh.school_id, ${f.partners.haltNoord}, ss.student_id, sh.id, 'Isolatie', '{bedreiging}', 'Gesprek',
      'Contact', 'contact@school.demo', date '2026-11-01', date '2026-11-01', '{uitkomst}', ${by}
    from shares sh join share_students ss on ss.share_id = sh.id where sh.school_id in (${inSchools})`)
  await owner.execute(sql`insert into halt_slots (partner_id, stichting_id, school_id, location, weekday, starts_at, ends_at, valid_from)
    select ${f.partners.haltNoord}, s.stichting_id, s.id, 'Lokaal 1', 3, '13:00', '15:00', date '2026-08-17'
    from schools s where s.id in (${inSchools})`)
  // Halt's workspace (no school_id: only the no-context test reads them) and stichting-level tables.
  const halt = f.users['halt@haltnoord.demo']!
  await owner.execute(sql`insert into halt_appointments (partner_id, referral_id, kind, starts_at, created_by_id)
    select partner_id, id, 'intake', now(), ${halt} from halt_referrals where reason = 'Isolatie'`)
  await owner.execute(sql`insert into halt_components (partner_id, referral_id, component, note)
    select partner_id, id, 'reflectie', 'Isolatie' from halt_referrals where reason = 'Isolatie'`)
  await owner.execute(sql`insert into halt_jims (partner_id, referral_id, name, relation, contact, agreements)
    select partner_id, id, 'Mentor', 'Oom', '06', 'Afspraken' from halt_referrals where reason = 'Isolatie'`)
  await owner.execute(sql`insert into halt_restorative_steps (partner_id, referral_id, kind, "on", created_by_id)
    select partner_id, id, 'gesprek_slachtoffer', date '2026-11-10', ${halt} from halt_referrals where reason = 'Isolatie'`)
  await owner.execute(sql`insert into halt_notes (partner_id, referral_id, body, by_id)
    select partner_id, id, 'Notitie', ${halt} from halt_referrals where reason = 'Isolatie'`)
  await owner.execute(sql`insert into retention_settings (stichting_id, category, months) values (${f.stichtingen.kompas}, 'administratie', 60)
    on conflict do nothing`)
  await owner.execute(sql`insert into purge_runs (stichting_id, dry_run, as_of, report) values (${f.stichtingen.kompas}, true, date '2026-11-01', '{}')`)
}

describeEachDriver('tenant isolation', (getDb) => {
  let f: DemoFixture
  let tables: TenantTable[]

  beforeAll(async () => {
    const { owner } = getDb()
    f = await loadDemoFixture(owner)
    await addIsolationFixtures(owner, f)
    tables = await tablesWithColumn(owner, 'school_id')
  })

  it('discovers the school-owned tables from information_schema', () => {
    // A floor, not the list: discovery must at least find today's tables.
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining(['group_teachers', 'groups', 'guardians', 'memberships', 'partner_links', 'student_guardians', 'students']),
    )
  })

  it('fixture: every school-owned table has rows in De Branding, Kompas Lyceum and CBS De Horizon', async () => {
    const { owner } = getDb()
    const missing: string[] = []
    for (const table of tables) {
      for (const key of REQUIRED_SCHOOLS) {
        if ((await ownerCount(owner, table.name, sql`school_id = ${f.schools[key]}`)) === 0) missing.push(`${table.name} in ${key}`)
      }
    }
    // If this fails for a new table, add rows for it in addIsolationFixtures (or the demo seed).
    expect(missing).toEqual([])
  })

  // Incident content has rules of its own inside a school (migration 0005): drafts only for their
  // author, and nothing for stichting-level roles. Other rows follow the plain tenant rule.
  const INCIDENT_FAMILY = new Set([
    'incidents',
    'incident_codes',
    'incident_persons',
    'incident_versions',
    'incident_tasks',
    'incident_acknowledgements',
  ])
  /**
   * Tables with rules of their own for a directeur inside the school (null: none of its rows):
   * the access log is the privacyfunctionaris' (0019), Halt's slots are Halt's (0022), and of the
   * reporting-duty cases a directeur sees the Meldcode and what they opened, never a zeden case (0023);
   * the board's incident counts are the board's (0043, 0052).
   */
  const DIRECTEUR_VISIBLE = (userId: string): Record<string, SQL | null> => ({
    access_log: null,
    board_incident_summary: null,
    board_incident_type_summary: null,
    board_incident_type_year: null,
    halt_slots: null,
    report_cases: sql`(kind = 'meldcode' or opened_by_id = ${userId})`,
    report_case_steps: sql`case_id in (select id from report_cases where kind = 'meldcode' or opened_by_id = ${userId})`,
  })
  const visibleToSchoolMember = (table: string, userId: string) =>
    INCIDENT_FAMILY.has(table)
      ? sql` and ${sql.raw(table === 'incidents' ? 'id' : 'incident_id')} in
          (select id from incidents where status = 'submitted' or reported_by_id = ${userId})`
      : DIRECTEUR_VISIBLE(userId)[table] !== undefined
        ? DIRECTEUR_VISIBLE(userId)[table] === null
          ? sql` and false`
          : sql` and ${DIRECTEUR_VISIBLE(userId)[table]!}`
        : sql``

  describe('school member (directeur of OBS De Branding)', () => {
    const ctx = () => f.contextOf('directeur@branding.demo')

    it('sees every row of its own school', async () => {
      const { app, owner } = getDb()
      const wrong: string[] = []
      for (const table of tables) {
        const where = sql`school_id = ${f.schools.branding}`
        const [own, expected] = [
          await countAs(app, ctx(), table.name, where),
          await ownerCount(owner, table.name, sql`${where}${visibleToSchoolMember(table.name, ctx().userId!)}`),
        ]
        const none = DIRECTEUR_VISIBLE(ctx().userId!)[table.name] === null
        if (own !== expected || (own === 0 && !none)) wrong.push(`${table.name}: sees ${own} of ${expected}`)
      }
      expect(wrong).toEqual([])
    })

    it.each(TARGETS)('cannot SELECT rows of $label', async ({ school }) => {
      const { app } = getDb()
      const leaks: string[] = []
      for (const table of tables) {
        const target = await countAs(app, ctx(), table.name, sql`school_id = ${f.schools[school]}`)
        if (target > 0) leaks.push(`${table.name}: ${target} rows of ${school}`)
        // And nothing of any other school either.
        const foreign = await countAs(app, ctx(), table.name, sql`school_id is not null and school_id <> ${f.schools.branding}`)
        if (foreign > 0) leaks.push(`${table.name}: ${foreign} rows of other schools`)
      }
      expect(leaks).toEqual([])
    })

    it.each(TARGETS)('cannot INSERT a row claiming $label (SQLSTATE 42501)', async ({ school }) => {
      const { app, owner } = getDb()
      const wrong: string[] = []
      for (const table of tables) {
        // A real row of the target school as template, with a fresh id where the key allows it.
        const [template] = rows<{ row: unknown }>(
          await owner.execute(sql`select to_jsonb(x) as row from ${t(table.name)} x where school_id = ${f.schools[school]} limit 1`),
        )
        const patch = table.hasUuidId ? sql`jsonb_build_object('id', gen_random_uuid())` : sql`'{}'::jsonb`
        const outcome = await attempt(() =>
          withContext(app, ctx(), (tx) =>
            tx.execute(sql`insert into ${t(table.name)}
              select * from jsonb_populate_record(null::${t(table.name)}, ${JSON.stringify(template!.row)}::jsonb || ${patch})`),
          ),
        )
        // Without the INSERT grant Postgres refuses before RLS (also 42501); with it, RLS must.
        const expected = table.canInsert ? /new row violates row-level security policy/ : /permission denied/
        if (outcome.ok) wrong.push(`${table.name}: insert succeeded`)
        else if (outcome.error.code !== '42501' || !expected.test(outcome.error.message)) {
          wrong.push(`${table.name}: ${outcome.error.code} ${outcome.error.message}`)
        }
      }
      expect(wrong).toEqual([])
    })

    it.each(TARGETS)('UPDATE of rows of $label affects 0 rows and changes nothing', async ({ school }) => {
      const { app, owner } = getDb()
      const wrong: string[] = []
      for (const table of tables) {
        const before = await ownerSnapshot(owner, table.name, f.schools[school])
        // The attack: move the other school's rows into one's own school.
        const outcome = await attempt(() =>
          withContext(app, ctx(), async (tx) =>
            rows(
              await tx.execute(sql`update ${t(table.name)}
                set stichting_id = ${f.stichtingen.kompas}, school_id = ${f.schools.branding}
                where school_id = ${f.schools[school]} returning 1`),
            ).length,
          ),
        )
        if (outcome.ok && outcome.value !== 0) wrong.push(`${table.name}: updated ${outcome.value} rows`)
        if (!outcome.ok && (table.canUpdate || outcome.error.code !== '42501')) {
          wrong.push(`${table.name}: ${outcome.error.code} ${outcome.error.message}`)
        }
        if (outcome.ok && !table.canUpdate) wrong.push(`${table.name}: update allowed without UPDATE grant`)
        expect(await ownerSnapshot(owner, table.name, f.schools[school]), table.name).toEqual(before)
      }
      expect(wrong).toEqual([])
    })

    it.each(TARGETS)('DELETE of rows of $label affects 0 rows and removes nothing', async ({ school }) => {
      const { app, owner } = getDb()
      const wrong: string[] = []
      for (const table of tables) {
        const before = await ownerSnapshot(owner, table.name, f.schools[school])
        const outcome = await attempt(() =>
          withContext(app, ctx(), async (tx) =>
            rows(await tx.execute(sql`delete from ${t(table.name)} where school_id = ${f.schools[school]} returning 1`)).length,
          ),
        )
        if (outcome.ok && outcome.value !== 0) wrong.push(`${table.name}: deleted ${outcome.value} rows`)
        if (!outcome.ok && (table.canDelete || outcome.error.code !== '42501')) {
          wrong.push(`${table.name}: ${outcome.error.code} ${outcome.error.message}`)
        }
        if (outcome.ok && !table.canDelete) wrong.push(`${table.name}: delete allowed without DELETE grant`)
        expect(await ownerSnapshot(owner, table.name, f.schools[school]), table.name).toEqual(before)
      }
      expect(wrong).toEqual([])
    })

    // Without WHERE or RETURNING only the UPDATE/DELETE policies decide (SELECT policies are not
    // applied), so a too-wide write policy shows up here and not in the targeted tests above.
    it('a blanket UPDATE touches exactly the rows it can see (rolled back)', async () => {
      const { app } = getDb()
      const wrong: string[] = []
      for (const table of tables.filter((x) => x.canUpdate && !READ_WIDER_THAN_WRITE.has(x.name))) {
        const outcome = await attempt(() =>
          inRolledBackTransaction(app, async (tx) => {
            await applyContext(tx, ctx())
            const visible = await visibleCount(tx, table.name)
            const result = await tx.execute(
              sql`update ${t(table.name)} set stichting_id = ${f.stichtingen.kompas}, school_id = ${f.schools.branding}`,
            )
            return { visible, touched: affectedRows(result) }
          }),
        )
        const guarded = UPDATE_GUARDED[table.name]
        if (!outcome.ok && guarded && outcome.error.code === '42501' && guarded.test(outcome.error.message)) continue
        if (!outcome.ok) wrong.push(`${table.name}: ${outcome.error.code} ${outcome.error.message}`)
        else if (outcome.value.touched !== outcome.value.visible) {
          wrong.push(`${table.name}: updated ${outcome.value.touched} rows, sees ${outcome.value.visible}`)
        }
      }
      expect(wrong).toEqual([])
    })

    it('a blanket DELETE touches exactly the rows it can see (rolled back)', async () => {
      const { app } = getDb()
      const wrong: string[] = []
      // Incidents themselves: only one's own drafts can be deleted (incident-visibility.db.test.ts).
      const pending = tables.filter((x) => x.canDelete && x.name !== 'incidents' && !READ_WIDER_THAN_WRITE.has(x.name))
      await inRolledBackTransaction(app, async (tx) => {
        await applyContext(tx, ctx())
        // Children before parents: a delete refused by a foreign key (23503) is retried after the
        // referencing tables are emptied. Each attempt runs in a savepoint.
        for (let progress = true; progress && pending.length > 0; ) {
          progress = false
          for (const table of [...pending]) {
            const outcome = await attempt(() =>
              tx.transaction(async (sp) => {
                const visible = await visibleCount(sp, table.name)
                return { visible, touched: affectedRows(await sp.execute(sql`delete from ${t(table.name)}`)) }
              }),
            )
            if (!outcome.ok && outcome.error.code === '23503') continue
            pending.splice(pending.indexOf(table), 1)
            progress = true
            if (!outcome.ok) wrong.push(`${table.name}: ${outcome.error.code} ${outcome.error.message}`)
            else if (outcome.value.touched !== outcome.value.visible) {
              wrong.push(`${table.name}: deleted ${outcome.value.touched} rows, sees ${outcome.value.visible}`)
            }
          }
        }
      })
      // Rows of other schools still referencing a table mean the delete reached beyond the context.
      // One exception by design: other authors' draft incidents of the same school stay invisible,
      // and their persons keep referencing pupils (and pupils their groups).
      const { owner } = getDb()
      const hiddenDrafts = await ownerCount(
        owner,
        'incidents',
        sql`school_id = ${f.schools.branding} and status = 'draft' and reported_by_id <> ${ctx().userId!}`,
      )
      expect(hiddenDrafts).toBeGreaterThan(0)
      for (const table of pending) {
        if (['students', 'groups'].includes(table.name)) continue
        wrong.push(`${table.name}: cannot be emptied (foreign keys from rows it cannot see)`)
      }
      expect(wrong).toEqual([])
    })
  })

  describe('stichting context (bestuurder of Kompas: stichting set, no school)', () => {
    const ctx = () => f.contextOf('bestuur@kompas.demo')

    it('has no school in its context', () => {
      expect(ctx()).toMatchObject({ stichtingId: f.stichtingen.kompas, schoolId: null, role: 'bestuurder' })
    })

    const BOARD_KINDS = sql`('time_out', 'schorsing', 'verwijdering')`
    const BOARD_INCIDENTS = sql`(select mi.incident_id from measure_incidents mi join measures m on m.id = mi.measure_id
      where m.kind in ${BOARD_KINDS})`
    const BOARD_MEASURES = sql`(select id from measures where kind in ${BOARD_KINDS})`
    /** Per table: the rows the board sees (null: none); tables not listed follow the tenant rule. */
    const BOARD_VISIBLE: Record<string, ReturnType<typeof sql> | null> = {
      incidents: sql`status = 'submitted' and id in ${BOARD_INCIDENTS}`,
      incident_codes: sql`incident_id in (select id from incidents where status = 'submitted' and id in ${BOARD_INCIDENTS})`,
      incident_persons: sql`incident_id in (select id from incidents where status = 'submitted' and id in ${BOARD_INCIDENTS})`,
      incident_versions: null,
      incident_tasks: null,
      incident_acknowledgements: null,
      measures: sql`kind in ${BOARD_KINDS}`,
      measure_incidents: sql`measure_id in ${BOARD_MEASURES}`,
      measure_transitions: sql`measure_id in ${BOARD_MEASURES}`,
      measure_tasks: sql`measure_id in ${BOARD_MEASURES}`,
      measure_letters: sql`measure_id in ${BOARD_MEASURES}`,
      measure_acknowledgements: sql`measure_id in ${BOARD_MEASURES}`,
      bezwaren: sql`measure_id in ${BOARD_MEASURES}`,
      removal_search_attempts: sql`measure_id in ${BOARD_MEASURES}`,
      removal_hearings: sql`measure_id in ${BOARD_MEASURES}`,
      // Sharing, privacy, reporting and Halt: the log is the FG's; requests and holds the FG's and the directeur's; Halt's own
      // tables Halt's; of the reporting duties the board sees the zeden route only.
      access_log: null,
      subject_requests: null,
      legal_holds: null,
      // The parents' portal is the school's (0058): the board sees no links, invitations or releases.
      guardian_links: null,
      guardian_invitations: null,
      portal_items: null,
      halt_referrals: null,
      halt_slots: null,
      // Invitations are the stichtingbeheerder's and the inviting directeur's (migration 0046).
      invitations: null,
      invitation_memberships: null,
      report_cases: sql`kind = 'zedendelict_medewerker'`,
      report_case_steps: sql`case_id in (select id from report_cases where kind = 'zedendelict_medewerker')`,
    }
    void INCIDENT_FAMILY

    it('sees all rows of all three Kompas schools, except incident content', async () => {
      const { app, owner } = getDb()
      const wrong: string[] = []
      for (const table of tables) {
        for (const key of KOMPAS_SCHOOLS) {
          const where = sql`school_id = ${f.schools[key]}`
          // The board sees counts of incidents, and content only of incidents behind a measure it
          // decides or is told of (migration 0013); of measures only those kinds.
          const boardWhere = BOARD_VISIBLE[table.name]
          const expected =
            boardWhere !== undefined
              ? boardWhere === null
                ? 0
                : await ownerCount(owner, table.name, sql`${where} and ${boardWhere}`)
              : await ownerCount(owner, table.name, where)
          const seen = await countAs(app, ctx(), table.name, where)
          if (seen !== expected) wrong.push(`${table.name} in ${key}: sees ${seen} of ${expected}`)
        }
      }
      expect(wrong).toEqual([])
    })

    // The board's transactions run as baken_board (ADR 028). Neither the database role nor the
    // context settings alone open the board's rows: staff transactions never carry the board's
    // policies, and the board's policies still ask for the bestuurder's context.
    const countAsRole = (role: string, context: ContextSettings, table: string, where: SQL) =>
      inRolledBackTransaction(getDb().app, async (tx) => {
        await applyContext(tx, context)
        await tx.execute(sql`select set_config('role', ${role}, true)`)
        const [row] = rows<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${t(table)} where ${where}`))
        return row!.n
      })
    const BOARD_CONTENT = ['incidents', 'incident_codes', 'incident_persons', 'board_incident_summary', 'board_incident_type_summary', 'board_incident_type_year']

    it(`runs as ${BOARD_ROLE}; a staff transaction (${APP_ROLE}) with the bestuurder's settings sees no incident content nor counts`, async () => {
      const { app } = getDb()
      const kompas = sql`stichting_id = ${f.stichtingen.kompas}`
      const roleSeen = await withContext(app, ctx(), async (tx) => rows<{ r: string }>(await tx.execute(sql`select current_user as r`))[0]!.r)
      expect(roleSeen).toBe(BOARD_ROLE)
      const seen: Record<string, [number, number]> = {}
      for (const table of BOARD_CONTENT) {
        seen[table] = [await countAs(app, ctx(), table, kompas), await countAsRole(APP_ROLE, ctx(), table, kompas)]
      }
      for (const table of BOARD_CONTENT) expect(seen[table]![0], `${table} as the board`).toBeGreaterThan(0)
      expect(Object.values(seen).map(([, asApp]) => asApp)).toEqual(BOARD_CONTENT.map(() => 0))
    })

    it(`${BOARD_ROLE} with a school's staff context sees exactly what that staff member sees`, async () => {
      const directeur = f.contextOf('directeur@branding.demo')
      const differ: string[] = []
      for (const table of BOARD_CONTENT) {
        const where = sql`stichting_id = ${f.stichtingen.kompas}`
        const asStaff = await countAs(getDb().app, directeur, table, where)
        const asBoardRole = await countAsRole(BOARD_ROLE, directeur, table, where)
        if (asStaff !== asBoardRole) differ.push(`${table}: ${asBoardRole} as ${BOARD_ROLE}, ${asStaff} as ${APP_ROLE}`)
      }
      expect(differ).toEqual([])
    })

    it("sees none of Horizon's rows (nor any school outside Kompas)", async () => {
      const { app } = getDb()
      const kompas = sql.join(KOMPAS_SCHOOLS.map((k) => sql`${f.schools[k]}`), sql`, `)
      const leaks: string[] = []
      for (const table of tables) {
        const n = await countAs(app, ctx(), table.name, sql`school_id is not null and school_id not in (${kompas})`)
        if (n > 0) leaks.push(`${table.name}: ${n} rows`)
      }
      expect(leaks).toEqual([])
    })
  })

  describe('partner context (politie of Wijkteam Centrum)', () => {
    const ctx = () => f.contextOf('politie@wijkteam.demo')

    it('has a partner and no stichting or school in its context', () => {
      expect(ctx()).toMatchObject({ partnerId: f.partners.wijkteam, stichtingId: null, schoolId: null, role: 'politie' })
    })

    it.each(['students', 'guardians', 'groups', 'student_guardians', 'group_teachers'])('sees no %s at all', async (table) => {
      const { app, owner } = getDb()
      expect(await ownerCount(owner, table, sql`true`)).toBeGreaterThan(0)
      expect(await countAs(app, ctx(), table, sql`true`)).toBe(0)
    })

    // What a school shared with the unit, while active (migration 0020): the shares, their items
    // (the minimised payload) and the approved agreements it is party to. Nothing else.
    const partnerVisible = (partner: string, user: string): Record<string, SQL> => {
      const active = sql`(select id from shares where partner_id = ${partner} and revoked_at is null and expires_at > now()
        and (cardinality(recipient_user_ids) = 0 or ${user}::uuid = any(recipient_user_ids)))`
      return {
        shares: sql`id in ${active}`,
        share_items: sql`share_id in ${active}`,
        sharing_agreements: sql`partner_id = ${partner} and status <> 'concept'`,
      }
    }

    it('sees no school-bound row of any school-owned table except its links and what was shared with it', async () => {
      const { app, owner } = getDb()
      const leaks: string[] = []
      const shared = partnerVisible(f.partners.wijkteam, ctx().userId)
      for (const table of tables.filter((x) => x.name !== 'partner_links')) {
        const n = await countAs(app, ctx(), table.name, sql`school_id is not null`)
        const expected = shared[table.name] ? await ownerCount(owner, table.name, sql`school_id is not null and ${shared[table.name]!}`) : 0
        if (n !== expected) leaks.push(`${table.name}: ${n} rows, expected ${expected}`)
      }
      expect(leaks).toEqual([])
      // The shared rows exist (the fixture shares with Wijkteam Centrum in three schools, two stichtingen).
      expect(await countAs(app, ctx(), 'share_items', sql`true`)).toBeGreaterThanOrEqual(3)
      const links = await withContext(app, ctx(), async (tx) =>
        rows<{ partner_id: string }>(await tx.execute(sql`select partner_id from partner_links`)),
      )
      expect(links.length).toBeGreaterThan(0)
      expect(new Set(links.map((l) => l.partner_id))).toEqual(new Set([f.partners.wijkteam]))
    })

    it('sees exactly the schools linked through partner_links (Branding and Lyceum)', async () => {
      const { app, owner } = getDb()
      const linked = rows<{ id: string }>(
        await owner.execute(sql`select s.id from schools s join partner_links pl on pl.stichting_id = s.stichting_id
          and (pl.school_id is null or pl.school_id = s.id) where pl.partner_id = ${f.partners.wijkteam} order by 1`),
      ).map((r) => r.id)
      const seen = await withContext(app, ctx(), async (tx) =>
        rows<{ id: string }>(await tx.execute(sql`select id from schools order by 1`)).map((r) => r.id),
      )
      expect(seen).toEqual(linked)
      expect([...seen].sort()).toEqual([f.schools.branding, f.schools.lyceum].sort())
    })
  })

  describe('single sign-on', () => {
    it('a stichtingbeheerder sees only its own stichting’s provider; other roles none; nobody the subject links', async () => {
      const { app } = getDb()
      const beheer = f.contextOf('beheer@kompas.demo')
      const own = await withContext(app, beheer, async (tx) =>
        rows<{ stichting_id: string }>(await tx.execute(sql`select stichting_id from sso_providers`)).map((r) => r.stichting_id),
      )
      expect(own).toEqual([f.stichtingen.kompas])
      // Writing a provider for another stichting is refused by the policy's WITH CHECK.
      const forged = await attempt(() =>
        withContext(app, beheer, (tx) =>
          tx.execute(sql`insert into sso_providers (stichting_id, display_name, issuer, client_id, client_secret_enc)
            values (${f.stichtingen.horizon}, 'X', 'https://x.test', 'x', 'v1.x.y.z')`),
        ),
      )
      expect(forged.ok).toBe(false)
      for (const who of ['bestuur@kompas.demo', 'directeur@branding.demo', 'privacy@kompas.demo']) {
        expect(await countAs(app, f.contextOf(who), 'sso_providers', sql`true`), who).toBe(0)
      }
      const links = await attempt(() => countAs(app, beheer, 'sso_identities', sql`true`))
      expect(links.ok ? links.value : 0).toBe(0)
    })
  })

  describe('no context', () => {
    it('every table in public returns 0 rows to the app role (users, memberships, sessions, students included)', async () => {
      const { app, owner } = getDb()
      const all = rows<{ name: string; rls: boolean; readable: boolean }>(
        await owner.execute(sql`select c.relname as name, c.relrowsecurity as rls,
            has_table_privilege('baken_app', c.oid, 'SELECT') as readable
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`),
      )
      expect(all.map((x) => x.name)).toEqual(expect.arrayContaining(['users', 'memberships', 'sessions', 'students']))
      const empty: string[] = []
      const visible: string[] = []
      for (const table of all) {
        // Each table needs rows, or "0 rows" would prove nothing.
        if ((await ownerCount(owner, table.name, sql`true`)) === 0) empty.push(table.name)
        // A table the app cannot read at all (permission denied) shows it nothing either.
        const outcome = await attempt(() => countAs(app, {}, table.name, sql`true`))
        if (outcome.ok && outcome.value > 0) visible.push(`${table.name}: ${outcome.value} rows${table.rls ? '' : ' (no RLS)'}`)
        if (!outcome.ok && (table.readable || outcome.error.code !== '42501')) visible.push(`${table.name}: ${outcome.error.message}`)
      }
      expect(empty, 'tables without fixture rows').toEqual([])
      expect(visible).toEqual([])
    })
  })
})
