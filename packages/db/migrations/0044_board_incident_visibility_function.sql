-- Hand-written: the board's branch of the incident policies (incidents_read_board of 0013, and the
-- parts' incident_visible_board of 0042) asked EXISTS on measure_incidents, itself under RLS with an
-- EXISTS on measures under RLS: every staff query on incidents planned those nested policies too
-- (a few ms of planning per query), though a staff context never takes that branch. The question
-- is now one narrow security-definer function, board_sees_incident(id): true only when the caller
-- acts as the board of the incident's stichting and the incident is linked to a measure the board
-- sees (the measures policy of 0013, ctx_measure_visible); it answers nothing else. The branch tests
-- the context first, so staff contexts never call it. Visibility is unchanged.
CREATE FUNCTION board_sees_incident(p_incident_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT ctx_role() = 'bestuurder' AND ctx_school_id() IS NULL
     AND EXISTS (SELECT 1 FROM measure_incidents mi JOIN measures m ON m.id = mi.measure_id
                  WHERE mi.incident_id = p_incident_id
                    AND mi.stichting_id = ctx_stichting_id()
                    AND ctx_measure_visible(m.stichting_id, m.school_id, m.kind))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION board_sees_incident(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION board_sees_incident(uuid) TO baken_app;
--> statement-breakpoint
DROP POLICY incidents_read_board ON incidents;
--> statement-breakpoint
CREATE POLICY incidents_read_board ON incidents FOR SELECT TO baken_app USING (
  (SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
  AND stichting_id = (SELECT ctx_stichting_id()) AND status = 'submitted'
  AND board_sees_incident(id)
);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['incident_codes','incident_persons']
  LOOP
    EXECUTE format('DROP POLICY incident_visible_board ON %I', t);
    EXECUTE format($p$
      CREATE POLICY incident_visible_board ON %I FOR SELECT TO baken_app
      USING ((SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
             AND stichting_id = (SELECT ctx_stichting_id()) AND incident_status = 'submitted'
             AND board_sees_incident(incident_id))
    $p$, t);
  END LOOP;
END
$$;
