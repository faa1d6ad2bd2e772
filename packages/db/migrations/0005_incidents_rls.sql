-- Hand-written: row-level security for incidents. Incident content is visible only inside a school
-- context, to the school's staff roles; a draft only to its author; a confidential incident only to
-- the directeur and the vertrouwenspersoon (and to its author while it is a draft). The child tables
-- inherit exactly the visibility of their incident through EXISTS on incidents (itself under RLS).
GRANT SELECT, INSERT, UPDATE, DELETE ON incidents, incident_codes, incident_persons TO baken_app;
--> statement-breakpoint
-- Versions are append-only for the application.
GRANT SELECT, INSERT ON incident_versions TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incidents','incident_codes','incident_persons','incident_versions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION ctx_is_school_staff() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(ctx_role() IN ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon'), false)
          AND ctx_school_id() IS NOT NULL $$;
--> statement-breakpoint
CREATE POLICY incidents_read ON incidents FOR SELECT TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND (SELECT ctx_is_school_staff())
  AND (status = 'submitted' OR reported_by_id = (SELECT ctx_user_id()))
  AND (NOT confidential
       OR (SELECT ctx_role()) IN ('directeur','vertrouwenspersoon')
       OR (status = 'draft' AND reported_by_id = (SELECT ctx_user_id())))
);
--> statement-breakpoint
CREATE POLICY incidents_insert ON incidents FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND (SELECT ctx_is_school_staff())
  AND reported_by_id = (SELECT ctx_user_id())
);
--> statement-breakpoint
-- Update what one can read; the new row must stay in the same school.
CREATE POLICY incidents_update ON incidents FOR UPDATE TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND (SELECT ctx_is_school_staff())
  AND (status = 'submitted' OR reported_by_id = (SELECT ctx_user_id()))
  AND (NOT confidential
       OR (SELECT ctx_role()) IN ('directeur','vertrouwenspersoon')
       OR (status = 'draft' AND reported_by_id = (SELECT ctx_user_id())))
) WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND (SELECT ctx_is_school_staff())
);
--> statement-breakpoint
-- Only a draft can be deleted, by its author; submitted incidents are kept (versions instead).
CREATE POLICY incidents_delete_draft ON incidents FOR DELETE TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND status = 'draft' AND reported_by_id = (SELECT ctx_user_id())
);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_codes','incident_persons','incident_versions']
  LOOP
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
