-- GENERATED FILE - do not edit. Row-level security of the "reporting" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table report_case_steps
-- -------------------------------------------------------------------------------------------------
ALTER TABLE report_case_steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_case_steps FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON report_case_steps TO baken_app;

CREATE POLICY owner_all ON report_case_steps AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY report_case_steps_insert ON report_case_steps AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (EXISTS ( SELECT 1
           FROM report_cases c
          WHERE c.id = report_case_steps.case_id AND c.school_id = report_case_steps.school_id AND (ctx_report_case_handler(c.stichting_id, c.school_id, c.kind) OR c.opened_by_id = (( SELECT ctx_user_id() AS ctx_user_id)) AND report_case_steps.step =
                CASE c.kind
                    WHEN 'meldcode'::text THEN 'signalen'::text
                    ELSE 'melding'::text
                END)))
  );

CREATE POLICY report_case_steps_read ON report_case_steps AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM report_cases c
          WHERE c.id = report_case_steps.case_id AND c.school_id = report_case_steps.school_id AND (c.kind = 'meldcode'::text OR report_case_steps.step = 'melding'::text OR ctx_report_case_handler(c.stichting_id, c.school_id, c.kind))))
  );

-- -------------------------------------------------------------------------------------------------
-- Table report_cases
-- -------------------------------------------------------------------------------------------------
ALTER TABLE report_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_cases FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON report_cases TO baken_app;

CREATE POLICY owner_all ON report_cases AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY report_cases_insert ON report_cases AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND opened_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
  );

CREATE POLICY report_cases_read ON report_cases AS PERMISSIVE FOR SELECT TO baken_app
  USING (ctx_report_case_visible(stichting_id, school_id, kind, opened_by_id));

CREATE POLICY report_cases_update ON report_cases AS PERMISSIVE FOR UPDATE TO baken_app
  USING (ctx_report_case_handler(stichting_id, school_id, kind))
  WITH CHECK (ctx_report_case_handler(stichting_id, school_id, kind));
