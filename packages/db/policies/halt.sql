-- GENERATED FILE - do not edit. Row-level security of the "halt" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table halt_appointments
-- -------------------------------------------------------------------------------------------------
ALTER TABLE halt_appointments ENABLE ROW LEVEL SECURITY;
ALTER TABLE halt_appointments FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON halt_appointments TO baken_app;

CREATE POLICY halt_only ON halt_appointments AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id));

CREATE POLICY owner_all ON halt_appointments AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table halt_components
-- -------------------------------------------------------------------------------------------------
ALTER TABLE halt_components ENABLE ROW LEVEL SECURITY;
ALTER TABLE halt_components FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON halt_components TO baken_app;

CREATE POLICY halt_only ON halt_components AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id));

CREATE POLICY owner_all ON halt_components AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table halt_jims
-- -------------------------------------------------------------------------------------------------
ALTER TABLE halt_jims ENABLE ROW LEVEL SECURITY;
ALTER TABLE halt_jims FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON halt_jims TO baken_app;

CREATE POLICY halt_only ON halt_jims AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id));

CREATE POLICY owner_all ON halt_jims AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table halt_notes
-- -------------------------------------------------------------------------------------------------
ALTER TABLE halt_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE halt_notes FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON halt_notes TO baken_app;

CREATE POLICY halt_only ON halt_notes AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id));

CREATE POLICY owner_all ON halt_notes AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table halt_referrals
-- -------------------------------------------------------------------------------------------------
ALTER TABLE halt_referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE halt_referrals FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON halt_referrals TO baken_app;

CREATE POLICY halt_referrals_insert ON halt_referrals AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND created_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND halt_linked(partner_id, stichting_id, school_id)
    AND status = 'aangemeld'::text
    AND closed_at IS NULL
    AND decided_at IS NULL
    AND closing_report IS NULL
  );

CREATE POLICY halt_referrals_read ON halt_referrals AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
      AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
      AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    OR ctx_is_halt(partner_id) AND halt_linked(partner_id, stichting_id, school_id)
  );

CREATE POLICY halt_referrals_update ON halt_referrals AS PERMISSIVE FOR UPDATE TO baken_app
  USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id));

CREATE POLICY owner_all ON halt_referrals AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table halt_restorative_steps
-- -------------------------------------------------------------------------------------------------
ALTER TABLE halt_restorative_steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE halt_restorative_steps FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON halt_restorative_steps TO baken_app;

CREATE POLICY halt_only ON halt_restorative_steps AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id));

CREATE POLICY owner_all ON halt_restorative_steps AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table halt_slots
-- -------------------------------------------------------------------------------------------------
ALTER TABLE halt_slots ENABLE ROW LEVEL SECURITY;
ALTER TABLE halt_slots FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON halt_slots TO baken_app;

CREATE POLICY halt_only ON halt_slots AS PERMISSIVE FOR ALL TO baken_app
  USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id) AND halt_linked(partner_id, stichting_id, school_id));

CREATE POLICY owner_all ON halt_slots AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
