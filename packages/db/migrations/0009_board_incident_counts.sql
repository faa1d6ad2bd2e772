-- Hand-written: the bestuurder sees counts of incidents across the stichting's schools, never their
-- content (BRIEF §3; issue 3 "bestuurder: counts across the stichting"). Incident rows are invisible
-- in a stichting context (0005), so the counts come from this function, which aggregates only and
-- answers nothing unless the caller acts as bestuurder of that stichting.
CREATE FUNCTION board_incident_counts(p_school_year text)
RETURNS TABLE (school_id uuid, severity severity, confidential boolean, incidents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.school_id, i.severity, i.confidential, count(*)
  FROM incidents i
  WHERE ctx_role() = 'bestuurder'
    AND ctx_school_id() IS NULL
    AND i.stichting_id = ctx_stichting_id()
    AND i.status = 'submitted'
    AND i.school_year = p_school_year
  GROUP BY i.school_id, i.severity, i.confidential
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION board_incident_counts(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION board_incident_counts(text) TO baken_app;
