// The application role cannot switch RLS off, drop or add policies, create objects or become
// another role. Attempts run on the application's connection inside a school context and are
// always rolled back.
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/client.ts'
import { APP_ROLE, BOARD_ROLE, type ContextSettings, applyContext } from '../src/context.ts'
import { loadDemoFixture } from './support/demo-fixture.ts'
import { type Outcome, attempt, describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

/** Runs the statements as the app role in ctx, then counts other schools' students: what was gained. */
async function tryEscape(app: Database, ctx: ContextSettings, statements: string[]): Promise<Outcome<number>> {
  return attempt(() =>
    inRolledBackTransaction(app, async (tx) => {
      await applyContext(tx, ctx)
      // Attack strings are fixed literals of this file, not data: sql.raw is the point here.
      for (const statement of statements) await tx.execute(sql.raw(statement))
      const [row] = rows<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from students where school_id <> ${ctx.schoolId!}`),
      )
      return row!.n
    }),
  )
}

/** Row security on students as the owner sees it, to show an attempt left nothing behind. */
async function studentsProtection(owner: Database) {
  const [row] = rows<{ enabled: boolean; forced: boolean; policies: string[] }>(
    await owner.execute(sql`select c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        array(select polname::text from pg_policy where polrelid = c.oid order by 1) as policies
      from pg_class c where c.oid = 'public.students'::regclass`),
  )
  return row!
}

describeEachDriver('app role cannot escape row-level security', (getDb, driver) => {
  let ctx: ContextSettings
  let tableOwner: string
  let before: Awaited<ReturnType<typeof studentsProtection>>

  beforeAll(async () => {
    const { owner } = getDb()
    ctx = (await loadDemoFixture(owner)).contextOf('directeur@branding.demo')
    const [row] = rows<{ tableowner: string }>(
      await owner.execute(sql`select tableowner from pg_tables where schemaname = 'public' and tablename = 'students'`),
    )
    tableOwner = row!.tableowner
    before = await studentsProtection(owner)
    expect(before).toMatchObject({ enabled: true, forced: true })
    expect(before.policies).toContain('tenant_isolation')
  })

  it('control: the same probe without an attack succeeds and sees no other school', async () => {
    expect(await tryEscape(getDb().app, ctx, [])).toEqual({ ok: true, value: 0 })
  })

  const refused: [string, string[], RegExp][] = [
    ['ALTER TABLE students DISABLE ROW LEVEL SECURITY', ['ALTER TABLE students DISABLE ROW LEVEL SECURITY'], /must be owner/],
    ['ALTER TABLE students NO FORCE ROW LEVEL SECURITY', ['ALTER TABLE students NO FORCE ROW LEVEL SECURITY'], /must be owner/],
    ['DROP POLICY tenant_isolation ON students', ['DROP POLICY tenant_isolation ON students'], /must be owner/],
    ['CREATE POLICY … USING (true) ON students', [`CREATE POLICY escape ON students TO ${APP_ROLE} USING (true)`], /must be owner/],
    [
      'SET row_security = off, then select students',
      ['SET row_security = off'],
      /query would be affected by row-level security policy for table "students"/,
    ],
    ['CREATE TABLE in public', ['CREATE TABLE public.escape_probe (id int, school_id uuid)'], /permission denied for schema public/],
  ]

  it.each(refused)('%s fails with 42501', async (_title, statements, message) => {
    const outcome = await tryEscape(getDb().app, ctx, statements)
    expect(outcome.ok ? outcome : outcome.error.code).toBe('42501')
    expect(outcome.ok ? '' : outcome.error.message).toMatch(message)
    expect(await studentsProtection(getDb().owner)).toEqual(before)
  })

  // Becoming another role is checked against the *session* user. On the server the app logs in as a
  // role that may only become baken_app, so each attempt is refused or lands on a role without
  // rights. In PGlite the one session is a superuser: the switch cannot be refused there (ADR 003/004);
  // the PGlite variant pins that known limit so any change in it is noticed.
  const roleSwitches: [string, (owner: string) => string[]][] = [
    ['RESET ROLE', () => ['RESET ROLE']],
    ['SET ROLE <table owner>', (owner) => [`SET ROLE "${owner}"`]],
    ["set_config('role', <table owner>)", (owner) => [`SELECT set_config('role', '${owner}', true)`]],
    ['SET SESSION AUTHORIZATION <table owner>', (owner) => [`SET SESSION AUTHORIZATION "${owner}"`]],
  ]

  if (driver.kind === 'postgres') {
    it('runs on a separate login role (as production with DATABASE_OWNER_URL)', () => {
      expect(getDb().separateLoginRole).toBe(true)
    })

    it.each(roleSwitches)('%s fails with 42501 (directly or on the next select)', async (_title, statements) => {
      const outcome = await tryEscape(getDb().app, ctx, statements(tableOwner))
      expect(outcome.ok ? `escaped: sees ${outcome.value} students of other schools` : outcome.error.code).toBe('42501')
      expect(outcome.ok ? '' : outcome.error.message).toMatch(/permission denied/)
    })
  } else {
    it('runs in the single superuser session (no separate login role possible)', () => {
      expect(getDb().separateLoginRole).toBe(false)
    })

    it.each(roleSwitches)('known limit (ADR 004): %s succeeds in PGlite', async (_title, statements) => {
      const outcome = await tryEscape(getDb().app, ctx, statements(tableOwner))
      expect(outcome.ok && outcome.value).toBeGreaterThan(0)
    })
  }

  describe('catalogue', () => {
    it(`${APP_ROLE} is neither superuser nor BYPASSRLS, and cannot create roles or databases`, async () => {
      const found = rows(
        await getDb().owner.execute(sql`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb
          from pg_roles where rolname = ${APP_ROLE}`),
      )
      expect(found).toEqual([{ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false }])
    })

    it(`${APP_ROLE} owns no table (pg_tables) nor any other relation or schema`, async () => {
      const { owner } = getDb()
      expect(rows(await owner.execute(sql`select tablename from pg_tables where tableowner = ${APP_ROLE}`))).toEqual([])
      expect(
        rows(
          await owner.execute(sql`select relname from pg_class where relowner = (select oid from pg_roles where rolname = ${APP_ROLE})
            union all select nspname from pg_namespace where nspowner = (select oid from pg_roles where rolname = ${APP_ROLE})`),
        ),
      ).toEqual([])
    })

    it(`${BOARD_ROLE} cannot log in, is neither superuser nor BYPASSRLS, and owns nothing`, async () => {
      const { owner } = getDb()
      const found = rows(
        await owner.execute(sql`select rolcanlogin, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb
          from pg_roles where rolname = ${BOARD_ROLE}`),
      )
      expect(found).toEqual([{ rolcanlogin: false, rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false }])
      expect(
        rows(
          await owner.execute(sql`select relname from pg_class where relowner = (select oid from pg_roles where rolname = ${BOARD_ROLE})
            union all select nspname from pg_namespace where nspowner = (select oid from pg_roles where rolname = ${BOARD_ROLE})`),
        ),
      ).toEqual([])
    })

    it(`${BOARD_ROLE} is a member of ${APP_ROLE} only, inheriting its grants and policies`, async () => {
      const memberOf = rows(
        await getDb().owner.execute(sql`select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
          where m.member = (select oid from pg_roles where rolname = ${BOARD_ROLE})`),
      )
      expect(memberOf).toEqual([{ rolname: APP_ROLE }])
      const [inherits] = rows(
        await getDb().owner.execute(sql`select has_table_privilege(${BOARD_ROLE}, 'public.incidents', 'SELECT') as incidents,
          pg_has_role(${APP_ROLE}, ${BOARD_ROLE}, 'MEMBER') as app_may_become_board`),
      )
      expect(inherits).toEqual({ incidents: true, app_may_become_board: false })
    })

    it('no function exempts baken_board from a guard that binds baken_app (current_user compared with one role)', async () => {
      const found = rows(
        await getDb().owner.execute(sql`select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.prosrc ~* 'current_user\s*(<>|!=|=)\s*''baken_app'''`),
      )
      expect(found).toEqual([])
    })

    it(`${APP_ROLE} is a member of no other role (nothing to SET ROLE to)`, async () => {
      const memberOf = rows(
        await getDb().owner.execute(sql`select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
          where m.member = (select oid from pg_roles where rolname = ${APP_ROLE})`),
      )
      expect(memberOf).toEqual([])
    })
  })
})
