-- Hand-written: the board compares its schools on the IRIS incident types (issue 4, "comparison
-- between schools on the IRIS types"): counts only, for a bestuurder of the stichting, as 0009.
CREATE FUNCTION board_incident_type_counts(p_school_year text)
RETURNS TABLE (school_id uuid, code integer, incidents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.school_id, c.code, count(*)
  FROM incidents i
  JOIN incident_codes c ON c.incident_id = i.id AND c.list = 'voorval'
  WHERE ctx_role() = 'bestuurder'
    AND ctx_school_id() IS NULL
    AND i.stichting_id = ctx_stichting_id()
    AND i.status = 'submitted'
    AND i.school_year = p_school_year
  GROUP BY i.school_id, c.code
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION board_incident_type_counts(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION board_incident_type_counts(text) TO baken_app;
