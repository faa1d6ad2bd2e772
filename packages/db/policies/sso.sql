-- GENERATED FILE - do not edit. Row-level security of the "sso" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table sso_identities
-- -------------------------------------------------------------------------------------------------
ALTER TABLE sso_identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE sso_identities FORCE ROW LEVEL SECURITY;
-- no grants to other roles

CREATE POLICY owner_all ON sso_identities AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table sso_providers
-- -------------------------------------------------------------------------------------------------
ALTER TABLE sso_providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE sso_providers FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON sso_providers TO baken_app;

CREATE POLICY owner_all ON sso_providers AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY sso_providers_beheer ON sso_providers AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  );
