-- Hand-written: reporting-duty cases (issue 5, BRIEF §5): the zeden route and the Meldcode.
GRANT SELECT, INSERT, UPDATE ON report_cases TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON report_case_steps TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['report_cases','report_case_steps']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Reporting duties. A sexual offence by a staff member against a minor: the bestuurder (stichting-
-- wide), the school's vertrouwenspersoon, and the staff member who reported it. The Meldcode: the
-- directeur, the IB and the vertrouwenspersoon of the school, and the staff member who opened it.
CREATE FUNCTION ctx_report_case_visible(p_stichting uuid, p_school uuid, p_kind text, p_opened_by uuid)
RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT p_stichting = ctx_stichting_id() AND (
    (ctx_is_school_staff() AND p_school = ctx_school_id() AND (
       p_opened_by = ctx_user_id()
       OR ctx_role() = 'vertrouwenspersoon'
       OR (p_kind = 'meldcode' AND ctx_role() IN ('directeur','intern_begeleider'))))
    OR (p_kind = 'zedendelict_medewerker' AND ctx_role() = 'bestuurder' AND ctx_school_id() IS NULL))
$$;
--> statement-breakpoint
CREATE POLICY report_cases_read ON report_cases FOR SELECT TO baken_app
  USING (ctx_report_case_visible(stichting_id, school_id, kind, opened_by_id));
--> statement-breakpoint
CREATE POLICY report_cases_insert ON report_cases FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND (SELECT ctx_is_school_staff()) AND opened_by_id = (SELECT ctx_user_id())
);
--> statement-breakpoint
CREATE POLICY report_cases_update ON report_cases FOR UPDATE TO baken_app
  USING (ctx_report_case_visible(stichting_id, school_id, kind, opened_by_id))
  WITH CHECK (ctx_report_case_visible(stichting_id, school_id, kind, opened_by_id));
--> statement-breakpoint
CREATE POLICY report_case_steps_access ON report_case_steps TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND EXISTS (SELECT 1 FROM report_cases c WHERE c.id = case_id))
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND by_id = (SELECT ctx_user_id())
              AND EXISTS (SELECT 1 FROM report_cases c WHERE c.id = case_id));
