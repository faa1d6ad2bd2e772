-- GENERATED FILE - do not edit. Row-level security of the "sharing" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table share_items
-- -------------------------------------------------------------------------------------------------
ALTER TABLE share_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE share_items FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON share_items TO baken_app;

CREATE POLICY owner_all ON share_items AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY share_items_insert ON share_items AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND (EXISTS ( SELECT 1
           FROM shares s
          WHERE s.id = share_items.share_id AND s.partner_id = share_items.partner_id))
  );

CREATE POLICY share_items_read ON share_items AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    (EXISTS ( SELECT 1
       FROM shares s
      WHERE s.id = share_items.share_id))
  );

-- -------------------------------------------------------------------------------------------------
-- Table share_students
-- -------------------------------------------------------------------------------------------------
ALTER TABLE share_students ENABLE ROW LEVEL SECURITY;
ALTER TABLE share_students FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON share_students TO baken_app;
GRANT SELECT ON share_students TO baken_family;

CREATE POLICY family_own_child ON share_students AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    (student_id IN ( SELECT l.student_id
       FROM guardian_links l))
  );

CREATE POLICY owner_all ON share_students AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY share_students_insert ON share_students AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND (EXISTS ( SELECT 1
           FROM shares s
          WHERE s.id = share_students.share_id))
  );

CREATE POLICY share_students_read ON share_students AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (EXISTS ( SELECT 1
           FROM shares s
          WHERE s.id = share_students.share_id))
  );

-- -------------------------------------------------------------------------------------------------
-- Table shares
-- -------------------------------------------------------------------------------------------------
ALTER TABLE shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE shares FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON shares TO baken_app;
GRANT SELECT ON shares TO baken_family;

CREATE POLICY family_child_shares ON shares AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    (id IN ( SELECT ss.share_id
       FROM share_students ss))
  );

CREATE POLICY owner_all ON shares AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY shares_insert ON shares AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text, 'leerkracht'::text]))
    AND created_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
  );

CREATE POLICY shares_read ON shares AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
      AND (
        ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
          AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
        OR ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['bestuurder'::text, 'privacyfunctionaris'::text]))
             AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      )
    OR subjects_only
         AND ctx_share_active(partner_id, recipient_user_ids, expires_at, revoked_at)
  );

CREATE POLICY shares_update ON shares AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'intern_begeleider'::text]))
        AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
      OR (( SELECT ctx_role() AS ctx_role)) = 'privacyfunctionaris'::text
           AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    )
  )
  WITH CHECK (stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id)));

-- -------------------------------------------------------------------------------------------------
-- Table sharing_agreements
-- -------------------------------------------------------------------------------------------------
ALTER TABLE sharing_agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE sharing_agreements FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON sharing_agreements TO baken_app;

CREATE POLICY owner_all ON sharing_agreements AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY sharing_agreements_read ON sharing_agreements AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
      AND (
        (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
        OR school_id IS NULL
        OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
      )
    OR ( SELECT ctx_is_partner() AS ctx_is_partner)
         AND partner_id = (( SELECT ctx_partner_id() AS ctx_partner_id))
         AND status <> 'concept'::text
  );

CREATE POLICY sharing_agreements_update ON sharing_agreements AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['bestuurder'::text, 'privacyfunctionaris'::text]))
        AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR (( SELECT ctx_role() AS ctx_role)) = 'directeur'::text
           AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  )
  WITH CHECK (stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id)));

CREATE POLICY sharing_agreements_write ON sharing_agreements AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND status = 'concept'::text
    AND created_by_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND (
      ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['bestuurder'::text, 'privacyfunctionaris'::text]))
        AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR (( SELECT ctx_role() AS ctx_role)) = 'directeur'::text
           AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );
