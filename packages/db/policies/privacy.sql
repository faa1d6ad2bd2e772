-- GENERATED FILE - do not edit. Row-level security of the "privacy" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table access_log
-- -------------------------------------------------------------------------------------------------
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON access_log TO baken_app;

CREATE POLICY access_log_insert ON access_log AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    user_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND role::text = (( SELECT ctx_role() AS ctx_role))
    AND NOT partner_id IS DISTINCT FROM (( SELECT ctx_partner_id() AS ctx_partner_id))
    AND (
      stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
      OR (( SELECT ctx_partner_id() AS ctx_partner_id)) IS NOT NULL
           AND (EXISTS ( SELECT 1
                  FROM partner_links pl
                 WHERE pl.partner_id = (( SELECT ctx_partner_id() AS ctx_partner_id)) AND pl.stichting_id = access_log.stichting_id))
    )
    AND (
      school_id IS NULL
      OR (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

CREATE POLICY access_log_read ON access_log AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'privacyfunctionaris'::text
  );

CREATE POLICY owner_all ON access_log AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table access_log_checkpoints
-- -------------------------------------------------------------------------------------------------
ALTER TABLE access_log_checkpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log_checkpoints FORCE ROW LEVEL SECURITY;
-- no grants to other roles

CREATE POLICY owner_all ON access_log_checkpoints AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table access_log_digests
-- -------------------------------------------------------------------------------------------------
ALTER TABLE access_log_digests ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log_digests FORCE ROW LEVEL SECURITY;
-- no grants to other roles

CREATE POLICY owner_all ON access_log_digests AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table access_log_heads
-- -------------------------------------------------------------------------------------------------
ALTER TABLE access_log_heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log_heads FORCE ROW LEVEL SECURITY;
-- no grants to other roles

CREATE POLICY owner_all ON access_log_heads AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table legal_holds
-- -------------------------------------------------------------------------------------------------
ALTER TABLE legal_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE legal_holds FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON legal_holds TO baken_app;

CREATE POLICY owner_all ON legal_holds AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY privacy_scope ON legal_holds AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_privacy_scope(stichting_id, school_id))
  WITH CHECK (ctx_privacy_scope(stichting_id, school_id));

-- -------------------------------------------------------------------------------------------------
-- Table purge_runs
-- -------------------------------------------------------------------------------------------------
ALTER TABLE purge_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE purge_runs FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON purge_runs TO baken_app;

CREATE POLICY owner_all ON purge_runs AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY purge_runs_access ON purge_runs AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'privacyfunctionaris'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'privacyfunctionaris'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  );

-- -------------------------------------------------------------------------------------------------
-- Table retention_settings
-- -------------------------------------------------------------------------------------------------
ALTER TABLE retention_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE retention_settings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON retention_settings TO baken_app;

CREATE POLICY owner_all ON retention_settings AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY retention_insert ON retention_settings AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'privacyfunctionaris'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  );

CREATE POLICY retention_read ON retention_settings AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['privacyfunctionaris'::text, 'bestuurder'::text, 'stichtingbeheerder'::text]))
  );

CREATE POLICY retention_update ON retention_settings AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'privacyfunctionaris'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  )
  WITH CHECK (stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id)));

-- -------------------------------------------------------------------------------------------------
-- Table subject_requests
-- -------------------------------------------------------------------------------------------------
ALTER TABLE subject_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE subject_requests FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON subject_requests TO baken_app;
GRANT SELECT, INSERT ON subject_requests TO baken_family;

CREATE POLICY family_own_requests ON subject_requests AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    created_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (student_id IN ( SELECT l.student_id
           FROM guardian_links l))
  );

CREATE POLICY family_request ON subject_requests AS PERMISSIVE FOR INSERT TO baken_family
  WITH CHECK (
    created_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND status = 'open'::text
    AND handled_by_id IS NULL
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND (student_id IN ( SELECT l.student_id
           FROM guardian_links l))
  );

CREATE POLICY owner_all ON subject_requests AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY privacy_scope ON subject_requests AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_privacy_scope(stichting_id, school_id))
  WITH CHECK (ctx_privacy_scope(stichting_id, school_id));
