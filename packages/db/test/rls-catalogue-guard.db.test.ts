// Checklist for adding a tenant table (RLS, policies, grants, snapshot): packages/db/policies/README.md
// Guard: a table carrying tenant columns without forced RLS and an app policy fails the build,
// whoever adds it and however it is migrated. The second test proves the guard can fail.
import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { APP_ROLE, BOARD_ROLE } from '../src/context.ts'
import { tenantGuardFindings } from './support/catalogue.ts'
import { describeEachDriver, inRolledBackTransaction, rows } from './support/test-databases.ts'

describeEachDriver(
  'RLS catalogue guard',
  (getDb) => {
    it('every table in public with school_id or stichting_id has ENABLE + FORCE RLS and a policy for the app role', async () => {
      expect(await tenantGuardFindings(getDb().owner)).toEqual([])
    })

    it('reports throwaway tables and views that break the rule (rolled back)', async () => {
      const { owner } = getDb()
      const findings = await inRolledBackTransaction(owner, async (tx) => {
        // No RLS at all.
        await tx.execute(sql`create table guard_probe_plain (id uuid primary key, school_id uuid)`)
        // Enabled with an app policy, but not forced.
        await tx.execute(sql`create table guard_probe_not_forced (id uuid, stichting_id uuid)`)
        await tx.execute(sql`alter table guard_probe_not_forced enable row level security`)
        await tx.execute(sql.raw(`create policy p on guard_probe_not_forced to ${APP_ROLE} using (true)`))
        // Enabled and forced, but only an owner policy.
        await tx.execute(sql`create table guard_probe_owner_only (id uuid, school_id uuid)`)
        await tx.execute(sql`alter table guard_probe_owner_only enable row level security`)
        await tx.execute(sql`alter table guard_probe_owner_only force row level security`)
        await tx.execute(sql`create policy p on guard_probe_owner_only to current_user using (true)`)
        // Correct: a policy for the board's role alone (it is a member of the app role).
        await tx.execute(sql`create table guard_probe_board (id uuid, stichting_id uuid)`)
        await tx.execute(sql`alter table guard_probe_board enable row level security`)
        await tx.execute(sql`alter table guard_probe_board force row level security`)
        await tx.execute(sql.raw(`create policy p on guard_probe_board to ${BOARD_ROLE} using (true)`))
        // Correct: a PUBLIC policy applies to the app role too.
        await tx.execute(sql`create table guard_probe_ok (id uuid, school_id uuid)`)
        await tx.execute(sql`alter table guard_probe_ok enable row level security`)
        await tx.execute(sql`alter table guard_probe_ok force row level security`)
        await tx.execute(sql`create policy p on guard_probe_ok using (school_id is null)`)
        // A view reading students with its owner's rights, and a safe security_invoker one.
        await tx.execute(sql`create view guard_probe_view as select id, school_id from students`)
        await tx.execute(sql`create view guard_probe_invoker_view with (security_invoker = true) as select id, school_id from students`)
        await tx.execute(sql.raw(`grant select on guard_probe_view, guard_probe_invoker_view to ${APP_ROLE}`))
        return tenantGuardFindings(tx)
      })
      expect(findings).toEqual([
        { relation: 'guard_probe_not_forced', problem: 'row level security not forced' },
        { relation: 'guard_probe_owner_only', problem: `no policy applies to ${APP_ROLE} or ${BOARD_ROLE}` },
        { relation: 'guard_probe_plain', problem: `no policy applies to ${APP_ROLE} or ${BOARD_ROLE}` },
        { relation: 'guard_probe_plain', problem: 'row level security not enabled' },
        { relation: 'guard_probe_plain', problem: 'row level security not forced' },
        { relation: 'guard_probe_view', problem: `view readable by ${APP_ROLE} is not security_invoker` },
      ])
      // And the rollback left nothing behind.
      expect(rows(await owner.execute(sql`select to_regclass('public.guard_probe_plain') as t`))).toEqual([{ t: null }])
    })
  },
  { seed: false },
)
