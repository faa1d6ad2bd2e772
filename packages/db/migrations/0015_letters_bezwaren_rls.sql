-- Hand-written: letters, bezwaren and search attempts follow their measure's visibility (0013);
-- letters and attempts are append-only; letter templates are the stichting's.
GRANT SELECT, INSERT ON measure_letters, removal_search_attempts TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON bezwaren TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON letter_templates TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measure_letters','bezwaren','removal_search_attempts','letter_templates']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measure_letters','bezwaren','removal_search_attempts']
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
-- Everyone in the stichting may read its templates (letters are made at the schools); the
-- stichtingbeheerder and the bestuurder add versions.
CREATE POLICY letter_templates_read ON letter_templates FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()));
--> statement-breakpoint
CREATE POLICY letter_templates_write ON letter_templates FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) IN ('stichtingbeheerder', 'bestuurder'));
