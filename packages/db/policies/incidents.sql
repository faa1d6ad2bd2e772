-- GENERATED FILE - do not edit. Row-level security of the "incidents" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table board_incident_summary
-- -------------------------------------------------------------------------------------------------
ALTER TABLE board_incident_summary ENABLE ROW LEVEL SECURITY;
ALTER TABLE board_incident_summary FORCE ROW LEVEL SECURITY;
GRANT SELECT ON board_incident_summary TO baken_app;

CREATE POLICY board_read ON board_incident_summary AS PERMISSIVE FOR SELECT TO baken_board
  USING (
    (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
  );

CREATE POLICY owner_all ON board_incident_summary AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table board_incident_type_summary
-- -------------------------------------------------------------------------------------------------
ALTER TABLE board_incident_type_summary ENABLE ROW LEVEL SECURITY;
ALTER TABLE board_incident_type_summary FORCE ROW LEVEL SECURITY;
GRANT SELECT ON board_incident_type_summary TO baken_app;

CREATE POLICY board_read ON board_incident_type_summary AS PERMISSIVE FOR SELECT TO baken_board
  USING (
    (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
  );

CREATE POLICY owner_all ON board_incident_type_summary AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table board_incident_type_year
-- -------------------------------------------------------------------------------------------------
ALTER TABLE board_incident_type_year ENABLE ROW LEVEL SECURITY;
ALTER TABLE board_incident_type_year FORCE ROW LEVEL SECURITY;
GRANT SELECT ON board_incident_type_year TO baken_app;

CREATE POLICY board_read ON board_incident_type_year AS PERMISSIVE FOR SELECT TO baken_board
  USING (
    (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
  );

CREATE POLICY owner_all ON board_incident_type_year AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table incident_acknowledgements
-- -------------------------------------------------------------------------------------------------
ALTER TABLE incident_acknowledgements ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_acknowledgements FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON incident_acknowledgements TO baken_app;
GRANT SELECT, INSERT ON incident_acknowledgements TO baken_family;

CREATE POLICY family_acknowledge ON incident_acknowledgements AS PERMISSIVE FOR INSERT TO baken_family
  WITH CHECK (
    method = 'digitaal'::text
    AND recorded_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (EXISTS ( SELECT 1
           FROM portal_items p
          WHERE p.id = incident_acknowledgements.portal_item_id AND p.incident_id = incident_acknowledgements.incident_id AND p.student_id = incident_acknowledgements.student_id AND p.school_id = incident_acknowledgements.school_id))
  );

CREATE POLICY family_own_acknowledgements ON incident_acknowledgements AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    portal_item_id IS NOT NULL
    AND recorded_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (student_id IN ( SELECT l.student_id
           FROM guardian_links l))
  );

CREATE POLICY incident_visible ON incident_acknowledgements AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  );

CREATE POLICY owner_all ON incident_acknowledgements AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table incident_codes
-- -------------------------------------------------------------------------------------------------
ALTER TABLE incident_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_codes FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON incident_codes TO baken_app;

CREATE POLICY incident_visible ON incident_codes AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  );

CREATE POLICY incident_visible_board ON incident_codes AS PERMISSIVE FOR SELECT TO baken_board
  USING (
    (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND incident_status = 'submitted'::incident_status
    AND board_sees_incident(incident_id)
  );

CREATE POLICY owner_all ON incident_codes AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table incident_persons
-- -------------------------------------------------------------------------------------------------
ALTER TABLE incident_persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_persons FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON incident_persons TO baken_app;

CREATE POLICY incident_visible ON incident_persons AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  );

CREATE POLICY incident_visible_board ON incident_persons AS PERMISSIVE FOR SELECT TO baken_board
  USING (
    (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND incident_status = 'submitted'::incident_status
    AND board_sees_incident(incident_id)
  );

CREATE POLICY owner_all ON incident_persons AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table incident_tasks
-- -------------------------------------------------------------------------------------------------
ALTER TABLE incident_tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_tasks FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON incident_tasks TO baken_app;

CREATE POLICY incident_visible ON incident_tasks AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  );

CREATE POLICY owner_all ON incident_tasks AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table incident_versions
-- -------------------------------------------------------------------------------------------------
ALTER TABLE incident_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_versions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON incident_versions TO baken_app;

CREATE POLICY incident_visible ON incident_versions AS PERMISSIVE FOR ALL TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      incident_status = 'submitted'::incident_status
      OR incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT incident_confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR incident_status = 'draft'::incident_status
           AND incident_reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  );

CREATE POLICY owner_all ON incident_versions AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table incidents
-- -------------------------------------------------------------------------------------------------
ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
ALTER TABLE incidents FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON incidents TO baken_app;

CREATE POLICY incidents_delete_draft ON incidents AS PERMISSIVE FOR DELETE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND status = 'draft'::incident_status
    AND reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
  );

CREATE POLICY incidents_insert ON incidents AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
  );

CREATE POLICY incidents_read ON incidents AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      status = 'submitted'::incident_status
      OR reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR status = 'draft'::incident_status
           AND reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  );

CREATE POLICY incidents_read_board ON incidents AS PERMISSIVE FOR SELECT TO baken_board
  USING (
    (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND status = 'submitted'::incident_status
    AND board_sees_incident(id)
  );

CREATE POLICY incidents_update ON incidents AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
    AND (
      status = 'submitted'::incident_status
      OR reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
    AND (
      NOT confidential
      OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'vertrouwenspersoon'::text]))
      OR status = 'draft'::incident_status
           AND reported_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    )
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
  );

CREATE POLICY owner_all ON incidents AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
