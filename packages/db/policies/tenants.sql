-- GENERATED FILE - do not edit. Row-level security of the "tenants" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table memberships
-- -------------------------------------------------------------------------------------------------
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, DELETE ON memberships TO baken_app;
GRANT UPDATE (role) ON memberships TO baken_app;

CREATE POLICY memberships_change ON memberships AS PERMISSIVE FOR UPDATE TO baken_app
  USING (ctx_may_grant(role::text, stichting_id, school_id, partner_id))
  WITH CHECK (ctx_may_grant(role::text, stichting_id, school_id, partner_id));

CREATE POLICY memberships_end ON memberships AS PERMISSIVE FOR DELETE TO baken_app
  USING (ctx_may_grant(role::text, stichting_id, school_id, partner_id));

CREATE POLICY memberships_grant ON memberships AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (ctx_may_grant(role::text, stichting_id, school_id, partner_id));

CREATE POLICY memberships_read ON memberships AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    user_id = (( SELECT ctx_user_id() AS ctx_user_id))
    OR stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
         AND (
           (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
           OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
         )
    OR partner_id = (( SELECT ctx_partner_id() AS ctx_partner_id))
  );

CREATE POLICY owner_all ON memberships AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table partner_links
-- -------------------------------------------------------------------------------------------------
ALTER TABLE partner_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_links FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, DELETE ON partner_links TO baken_app;

CREATE POLICY owner_all ON partner_links AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY partner_links_beheer_delete ON partner_links AS PERMISSIVE FOR DELETE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
  );

CREATE POLICY partner_links_beheer_insert ON partner_links AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
  );

CREATE POLICY partner_links_read ON partner_links AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    partner_id = (( SELECT ctx_partner_id() AS ctx_partner_id))
    OR stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
         AND (
           (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
           OR school_id IS NULL
           OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
         )
  );

-- -------------------------------------------------------------------------------------------------
-- Table partner_organisations
-- -------------------------------------------------------------------------------------------------
ALTER TABLE partner_organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_organisations FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON partner_organisations TO baken_app;
GRANT SELECT ON partner_organisations TO baken_family;

CREATE POLICY family_recipients ON partner_organisations AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    (id IN ( SELECT s.partner_id
       FROM shares s))
  );

CREATE POLICY owner_all ON partner_organisations AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY partner_organisations_platform_insert ON partner_organisations AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK ((( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text);

CREATE POLICY partner_organisations_read ON partner_organisations AS PERMISSIVE FOR SELECT TO baken_app
  USING ((( SELECT ctx_user_id() AS ctx_user_id)) IS NOT NULL);

-- -------------------------------------------------------------------------------------------------
-- Table school_mandates
-- -------------------------------------------------------------------------------------------------
ALTER TABLE school_mandates ENABLE ROW LEVEL SECURITY;
ALTER TABLE school_mandates FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON school_mandates TO baken_app;

CREATE POLICY owner_all ON school_mandates AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY school_mandates_read ON school_mandates AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['bestuurder'::text, 'stichtingbeheerder'::text]))
      OR ( SELECT ctx_is_school_staff() AS ctx_is_school_staff)
           AND school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

CREATE POLICY school_mandates_write ON school_mandates AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'bestuurder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  );

-- -------------------------------------------------------------------------------------------------
-- Table school_years
-- -------------------------------------------------------------------------------------------------
ALTER TABLE school_years ENABLE ROW LEVEL SECURITY;
ALTER TABLE school_years FORCE ROW LEVEL SECURITY;
GRANT SELECT ON school_years TO baken_app;

CREATE POLICY owner_all ON school_years AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY school_years_read ON school_years AS PERMISSIVE FOR SELECT TO baken_app
  USING ((( SELECT ctx_user_id() AS ctx_user_id)) IS NOT NULL);

-- -------------------------------------------------------------------------------------------------
-- Table schools
-- -------------------------------------------------------------------------------------------------
ALTER TABLE schools ENABLE ROW LEVEL SECURITY;
ALTER TABLE schools FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON schools TO baken_app;
GRANT UPDATE (brin, holiday_region, name, place, postcode, sector, street) ON schools TO baken_app;
GRANT SELECT ON schools TO baken_family;

CREATE POLICY family_own_school ON schools AS PERMISSIVE FOR SELECT TO baken_family
  USING (
    ( SELECT ctx_is_family() AS ctx_is_family)
    AND id = (( SELECT ctx_school_id() AS ctx_school_id))
  );

CREATE POLICY owner_all ON schools AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY schools_beheer_insert ON schools AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
  );

CREATE POLICY schools_beheer_update ON schools AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
  );

CREATE POLICY schools_member_of ON schools AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    (( SELECT ctx_stichting_id() AS ctx_stichting_id)) IS NULL
    AND (( SELECT ctx_partner_id() AS ctx_partner_id)) IS NULL
    AND (EXISTS ( SELECT 1
           FROM memberships m
          WHERE m.user_id = (( SELECT ctx_user_id() AS ctx_user_id)) AND m.school_id = schools.id))
  );

CREATE POLICY schools_read ON schools AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
      AND (
        (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
        OR id = (( SELECT ctx_school_id() AS ctx_school_id))
      )
    OR (( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text
    OR (EXISTS ( SELECT 1
          FROM partner_links pl
         WHERE pl.partner_id = (( SELECT ctx_partner_id() AS ctx_partner_id)) AND pl.stichting_id = schools.stichting_id AND (pl.school_id IS NULL OR pl.school_id = schools.id)))
  );

-- -------------------------------------------------------------------------------------------------
-- Table stichting_settings
-- -------------------------------------------------------------------------------------------------
ALTER TABLE stichting_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE stichting_settings FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON stichting_settings TO baken_app;

CREATE POLICY owner_all ON stichting_settings AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY stichting_settings_read ON stichting_settings AS PERMISSIVE FOR SELECT TO baken_app
  USING (stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id)));

CREATE POLICY stichting_settings_update ON stichting_settings AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['bestuurder'::text, 'stichtingbeheerder'::text]))
  )
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['bestuurder'::text, 'stichtingbeheerder'::text]))
  );

CREATE POLICY stichting_settings_write ON stichting_settings AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['bestuurder'::text, 'stichtingbeheerder'::text]))
  );

-- -------------------------------------------------------------------------------------------------
-- Table stichtingen
-- -------------------------------------------------------------------------------------------------
ALTER TABLE stichtingen ENABLE ROW LEVEL SECURITY;
ALTER TABLE stichtingen FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON stichtingen TO baken_app;
GRANT UPDATE (bevoegd_gezag_number, kvk_number, name, suspended_at) ON stichtingen TO baken_app;

CREATE POLICY owner_all ON stichtingen AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY stichtingen_member_of ON stichtingen AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    (( SELECT ctx_stichting_id() AS ctx_stichting_id)) IS NULL
    AND (( SELECT ctx_partner_id() AS ctx_partner_id)) IS NULL
    AND (EXISTS ( SELECT 1
           FROM memberships m
          WHERE m.user_id = (( SELECT ctx_user_id() AS ctx_user_id)) AND m.stichting_id = stichtingen.id))
  );

CREATE POLICY stichtingen_platform_insert ON stichtingen AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK ((( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text);

CREATE POLICY stichtingen_platform_update ON stichtingen AS PERMISSIVE FOR UPDATE TO baken_app
  USING ((( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text)
  WITH CHECK ((( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text);

CREATE POLICY stichtingen_read ON stichtingen AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    OR (( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text
    OR (EXISTS ( SELECT 1
          FROM partner_links pl
         WHERE pl.stichting_id = stichtingen.id AND pl.partner_id = (( SELECT ctx_partner_id() AS ctx_partner_id))))
  );
