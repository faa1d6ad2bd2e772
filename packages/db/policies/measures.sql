-- GENERATED FILE - do not edit. Row-level security of the "measures" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table bezwaren
-- -------------------------------------------------------------------------------------------------
ALTER TABLE bezwaren ENABLE ROW LEVEL SECURITY;
ALTER TABLE bezwaren FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON bezwaren TO baken_app;
GRANT SELECT (created_at, decided_on, decision_due_on, id, late, measure_id, outcome, portal_item_id, received_on, received_via, recorded_by_id, state) ON bezwaren TO baken_family;

CREATE POLICY family_own_bezwaren ON bezwaren AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    ( SELECT ctx_is_family() AS ctx_is_family)
    AND received_via = 'portaal'::text
    AND recorded_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (portal_item_id IN ( SELECT p.id
           FROM portal_items p))
  );

CREATE POLICY measure_visible ON bezwaren AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = bezwaren.measure_id))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = bezwaren.measure_id))
  );

CREATE POLICY owner_all ON bezwaren AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table letter_templates
-- -------------------------------------------------------------------------------------------------
ALTER TABLE letter_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE letter_templates FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON letter_templates TO baken_app;

CREATE POLICY letter_templates_read ON letter_templates AS PERMISSIVE FOR SELECT TO baken_app
  USING (stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id)));

CREATE POLICY letter_templates_write ON letter_templates AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['stichtingbeheerder'::text, 'bestuurder'::text]))
  );

CREATE POLICY owner_all ON letter_templates AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table measure_incidents
-- -------------------------------------------------------------------------------------------------
ALTER TABLE measure_incidents ENABLE ROW LEVEL SECURITY;
ALTER TABLE measure_incidents FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, DELETE ON measure_incidents TO baken_app;

CREATE POLICY measure_visible ON measure_incidents AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_incidents.measure_id))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_incidents.measure_id))
  );

CREATE POLICY owner_all ON measure_incidents AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table measure_letters
-- -------------------------------------------------------------------------------------------------
ALTER TABLE measure_letters ENABLE ROW LEVEL SECURITY;
ALTER TABLE measure_letters FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON measure_letters TO baken_app;

CREATE POLICY measure_visible ON measure_letters AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_letters.measure_id))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_letters.measure_id))
  );

CREATE POLICY owner_all ON measure_letters AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table measure_tasks
-- -------------------------------------------------------------------------------------------------
ALTER TABLE measure_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE measure_tasks FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON measure_tasks TO baken_app;

CREATE POLICY measure_visible ON measure_tasks AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_tasks.measure_id))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_tasks.measure_id))
  );

CREATE POLICY owner_all ON measure_tasks AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table measure_transitions
-- -------------------------------------------------------------------------------------------------
ALTER TABLE measure_transitions ENABLE ROW LEVEL SECURITY;
ALTER TABLE measure_transitions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON measure_transitions TO baken_app;

CREATE POLICY measure_visible ON measure_transitions AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_transitions.measure_id))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_transitions.measure_id))
  );

CREATE POLICY owner_all ON measure_transitions AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table measures
-- -------------------------------------------------------------------------------------------------
ALTER TABLE measures ENABLE ROW LEVEL SECURITY;
ALTER TABLE measures FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON measures TO baken_app;

CREATE POLICY measures_board ON measures AS PERMISSIVE FOR ALL TO baken_board
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND (kind = ANY (ARRAY['time_out'::measure_kind, 'schorsing'::measure_kind, 'verwijdering'::measure_kind]))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND (kind = ANY (ARRAY['time_out'::measure_kind, 'schorsing'::measure_kind, 'verwijdering'::measure_kind]))
  );

CREATE POLICY measures_staff ON measures AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
  );

CREATE POLICY owner_all ON measures AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table removal_hearings
-- -------------------------------------------------------------------------------------------------
ALTER TABLE removal_hearings ENABLE ROW LEVEL SECURITY;
ALTER TABLE removal_hearings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON removal_hearings TO baken_app;

CREATE POLICY measure_visible ON removal_hearings AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = removal_hearings.measure_id))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = removal_hearings.measure_id))
  );

CREATE POLICY owner_all ON removal_hearings AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table removal_search_attempts
-- -------------------------------------------------------------------------------------------------
ALTER TABLE removal_search_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE removal_search_attempts FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON removal_search_attempts TO baken_app;

CREATE POLICY measure_visible ON removal_search_attempts AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = removal_search_attempts.measure_id))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = removal_search_attempts.measure_id))
  );

CREATE POLICY owner_all ON removal_search_attempts AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
