-- Hand-written: data-subject requests, retention, legal holds and purge runs
-- (issue 5; reporting-duty cases are in 0023). The privacyfunctionaris works stichting-wide; the directeur for the own school.
GRANT SELECT, INSERT, UPDATE ON subject_requests, retention_settings, legal_holds TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON purge_runs TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['subject_requests','retention_settings','legal_holds','purge_runs']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION ctx_privacy_scope(p_stichting uuid, p_school uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT p_stichting = ctx_stichting_id()
     AND (ctx_role() = 'privacyfunctionaris' AND ctx_school_id() IS NULL
          OR ctx_role() = 'directeur' AND p_school = ctx_school_id())
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['subject_requests','legal_holds']
  LOOP
    EXECUTE format($p$
      CREATE POLICY privacy_scope ON %I TO baken_app
      USING (ctx_privacy_scope(stichting_id, school_id)) WITH CHECK (ctx_privacy_scope(stichting_id, school_id))
    $p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY retention_read ON retention_settings FOR SELECT TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_school_id()) IS NULL
  AND (SELECT ctx_role()) IN ('privacyfunctionaris','bestuurder','stichtingbeheerder')
);
--> statement-breakpoint
CREATE POLICY retention_insert ON retention_settings FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'privacyfunctionaris' AND (SELECT ctx_school_id()) IS NULL
);
--> statement-breakpoint
CREATE POLICY retention_update ON retention_settings FOR UPDATE TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'privacyfunctionaris' AND (SELECT ctx_school_id()) IS NULL)
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()));
--> statement-breakpoint
CREATE POLICY purge_runs_access ON purge_runs TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'privacyfunctionaris' AND (SELECT ctx_school_id()) IS NULL)
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'privacyfunctionaris' AND (SELECT ctx_school_id()) IS NULL);
