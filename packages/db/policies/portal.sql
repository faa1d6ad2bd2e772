-- GENERATED FILE - do not edit. Row-level security of the "portal" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table guardian_invitations
-- -------------------------------------------------------------------------------------------------
ALTER TABLE guardian_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardian_invitations FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON guardian_invitations TO baken_app;

CREATE POLICY guardian_invitations_lead ON guardian_invitations AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text]))
    AND (EXISTS ( SELECT 1
           FROM invitations i
          WHERE i.id = guardian_invitations.invitation_id AND i.invited_by = (( SELECT ctx_user_id() AS ctx_user_id)) AND i.accepted_at IS NULL))
  );

CREATE POLICY guardian_invitations_staff ON guardian_invitations AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
  );

CREATE POLICY owner_all ON guardian_invitations AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table guardian_links
-- -------------------------------------------------------------------------------------------------
ALTER TABLE guardian_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE guardian_links FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON guardian_links TO baken_app;
GRANT UPDATE (ended_at, ended_by_id, ended_reason) ON guardian_links TO baken_app;
GRANT SELECT ON guardian_links TO baken_family;

CREATE POLICY guardian_links_lead_end ON guardian_links AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text]))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
  );

CREATE POLICY guardian_links_lead_insert ON guardian_links AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text]))
    AND ended_at IS NULL
  );

CREATE POLICY guardian_links_own ON guardian_links AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    ( SELECT ctx_is_family() AS ctx_is_family)
    AND user_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND ended_at IS NULL
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
  );

CREATE POLICY guardian_links_staff ON guardian_links AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
  );

CREATE POLICY owner_all ON guardian_links AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table measure_acknowledgements
-- -------------------------------------------------------------------------------------------------
ALTER TABLE measure_acknowledgements ENABLE ROW LEVEL SECURITY;
ALTER TABLE measure_acknowledgements FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON measure_acknowledgements TO baken_app;
GRANT SELECT, INSERT ON measure_acknowledgements TO baken_family;

CREATE POLICY family_acknowledge ON measure_acknowledgements AS PERMISSIVE FOR INSERT TO baken_family
  WITH CHECK (
    method = 'digitaal'::text
    AND recorded_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (EXISTS ( SELECT 1
           FROM portal_items p
          WHERE p.id = measure_acknowledgements.portal_item_id AND p.measure_id = measure_acknowledgements.measure_id AND p.student_id = measure_acknowledgements.student_id AND p.school_id = measure_acknowledgements.school_id))
  );

CREATE POLICY family_own_acknowledgements ON measure_acknowledgements AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    recorded_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (student_id IN ( SELECT l.student_id
           FROM guardian_links l))
  );

CREATE POLICY measure_acknowledgements_staff ON measure_acknowledgements AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_acknowledgements.measure_id))
  );

CREATE POLICY measure_acknowledgements_staff_record ON measure_acknowledgements AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    method <> 'digitaal'::text
    AND reaction IS NULL
    AND recorded_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND (EXISTS ( SELECT 1
           FROM portal_items p
          WHERE p.id = measure_acknowledgements.portal_item_id AND p.measure_id = measure_acknowledgements.measure_id AND p.student_id = measure_acknowledgements.student_id AND p.school_id = measure_acknowledgements.school_id))
    AND (EXISTS ( SELECT 1
           FROM measures m
          WHERE m.id = measure_acknowledgements.measure_id))
  );

CREATE POLICY owner_all ON measure_acknowledgements AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table portal_items
-- -------------------------------------------------------------------------------------------------
ALTER TABLE portal_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE portal_items FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON portal_items TO baken_app;
GRANT UPDATE (withdrawn_at, withdrawn_by_id) ON portal_items TO baken_app;
GRANT SELECT ON portal_items TO baken_family;

CREATE POLICY family_released ON portal_items AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    withdrawn_at IS NULL
    AND (student_id IN ( SELECT l.student_id
           FROM guardian_links l))
  );

CREATE POLICY owner_all ON portal_items AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY portal_items_release ON portal_items AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text]))
    AND released_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND withdrawn_at IS NULL
  );

CREATE POLICY portal_items_staff ON portal_items AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text, 'vertrouwenspersoon'::text]))
    AND (
      NOT confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
    )
  );

CREATE POLICY portal_items_withdraw ON portal_items AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text]))
    AND withdrawn_at IS NULL
  )
  WITH CHECK (withdrawn_by_id = (( SELECT ctx_user_id() AS ctx_user_id)));
