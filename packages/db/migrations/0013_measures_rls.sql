-- Hand-written: RLS for measures. School staff see their school's measures; the bestuurder, acting
-- for the stichting, sees the measures that need the bevoegd gezag (time-out notices, schorsingen,
-- verwijderingen) of all its schools, and may decide them. Child tables follow their measure.
GRANT SELECT, INSERT, UPDATE ON measures, measure_tasks TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON measure_incidents TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON measure_transitions TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON stichting_settings TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measures','measure_incidents','measure_transitions','measure_tasks','stichting_settings']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION ctx_measure_visible(p_stichting uuid, p_school uuid, p_kind measure_kind) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT p_stichting = ctx_stichting_id()
     AND ((ctx_is_school_staff() AND p_school = ctx_school_id())
          OR (ctx_role() = 'bestuurder' AND ctx_school_id() IS NULL AND p_kind IN ('time_out','schorsing','verwijdering')))
$$;
--> statement-breakpoint
CREATE POLICY measures_access ON measures TO baken_app
  USING (ctx_measure_visible(stichting_id, school_id, kind))
  WITH CHECK (ctx_measure_visible(stichting_id, school_id, kind));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measure_incidents','measure_transitions','measure_tasks']
  LOOP
    EXECUTE format($p$
      CREATE POLICY measure_visible ON %I TO baken_app
      USING (stichting_id = (SELECT ctx_stichting_id()) AND EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_id))
      WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_id))
    $p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY stichting_settings_read ON stichting_settings FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()));
--> statement-breakpoint
CREATE POLICY stichting_settings_write ON stichting_settings FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) IN ('bestuurder', 'stichtingbeheerder'));
--> statement-breakpoint
CREATE POLICY stichting_settings_update ON stichting_settings FOR UPDATE TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) IN ('bestuurder', 'stichtingbeheerder'))
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) IN ('bestuurder', 'stichtingbeheerder'));
--> statement-breakpoint
-- The bestuurder sees the incidents behind a measure that needs the board (BRIEF §1: details only
-- of incidents linked to such a measure). measure_incidents is read through its own policy, which
-- requires the measure to be visible, i.e. of a kind the board decides.
CREATE POLICY incidents_read_board ON incidents FOR SELECT TO baken_app USING (
  (SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
  AND stichting_id = (SELECT ctx_stichting_id()) AND status = 'submitted'
  AND EXISTS (SELECT 1 FROM measure_incidents mi WHERE mi.incident_id = incidents.id)
);
--> statement-breakpoint
-- The incident's parts follow the incident itself, for the board too (it acts without a school).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_codes','incident_persons']
  LOOP
    EXECUTE format('DROP POLICY incident_visible ON %I', t);
    EXECUTE format($p$
      CREATE POLICY incident_visible ON %I TO baken_app
      USING (stichting_id = (SELECT ctx_stichting_id())
             AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))
             AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = incident_id))
      WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
             AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = incident_id))
    $p$, t);
  END LOOP;
END
$$;
