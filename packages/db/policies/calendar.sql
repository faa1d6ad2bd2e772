-- GENERATED FILE - do not edit. Row-level security of the "calendar" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table calendar_entries
-- -------------------------------------------------------------------------------------------------
ALTER TABLE calendar_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_entries FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_entries TO baken_app;

CREATE POLICY calendar_read ON calendar_entries AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      school_id IS NULL
      OR (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

CREATE POLICY calendar_write ON calendar_entries AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
  );

CREATE POLICY owner_all ON calendar_entries AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
