-- Hand-written: row-level security for follow-up tasks and the parents' acknowledgements. Both are
-- children of an incident and inherit exactly its visibility (migration 0005): tenant match AND the
-- incident itself is visible (EXISTS on incidents, which is under RLS). Which role may create or
-- change a task is CASL's job (packages/permissions, subject IncidentTask).
GRANT SELECT, INSERT, UPDATE ON incident_tasks TO baken_app;
--> statement-breakpoint
-- The "voor gezien" record is evidence: append-only for the application (a correction is a new row).
GRANT SELECT, INSERT ON incident_acknowledgements TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_tasks','incident_acknowledgements']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
    EXECUTE format($p$
      CREATE POLICY incident_visible ON %I TO baken_app
      USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
             AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = incident_id))
      WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
             AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = incident_id))
    $p$, t);
  END LOOP;
END
$$;
