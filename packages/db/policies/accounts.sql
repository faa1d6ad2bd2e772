-- GENERATED FILE - do not edit. Row-level security of the "accounts" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table admin_audit
-- -------------------------------------------------------------------------------------------------
ALTER TABLE admin_audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE admin_audit FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON admin_audit TO baken_app;

CREATE POLICY admin_audit_read_platform ON admin_audit AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id IS NULL
    AND (( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text
  );

CREATE POLICY admin_audit_read_stichting ON admin_audit AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['stichtingbeheerder'::text, 'privacyfunctionaris'::text]))
  );

CREATE POLICY admin_audit_write ON admin_audit AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    actor_user_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND actor_role::text = (( SELECT ctx_role() AS ctx_role))
    AND (
      stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
      OR (( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text
    )
  );

CREATE POLICY owner_all ON admin_audit AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
