-- Hand-written: submitting an incident or marking it confidential can take it out of the editor's
-- sight (a leerkracht submitting a sexual-intimidation report; an IB recognising one). Postgres
-- checks an UPDATE's new row against the SELECT policy, so such a change cannot be an ordinary
-- UPDATE. This function does exactly that change and nothing else, after checking, with the same
-- conditions as the incidents_read policy, that the caller may see the incident now.
CREATE FUNCTION finalise_incident(p_id uuid, p_confidential boolean, p_submit boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE incidents SET
    -- Only raises confidentiality; lowering it is an ordinary (visible) update by directeur or VP.
    confidential = confidential OR p_confidential,
    status = CASE WHEN p_submit THEN 'submitted'::incident_status ELSE status END,
    submitted_at = CASE WHEN p_submit AND status = 'draft' THEN now() ELSE submitted_at END
  WHERE id = p_id
    AND stichting_id = ctx_stichting_id() AND school_id = ctx_school_id() AND ctx_is_school_staff()
    AND (status = 'submitted' OR reported_by_id = ctx_user_id())
    AND (NOT confidential
         OR ctx_role() IN ('directeur', 'vertrouwenspersoon')
         OR (status = 'draft' AND reported_by_id = ctx_user_id()));
  IF NOT FOUND THEN
    RAISE EXCEPTION 'incident % not found for this context', p_id USING ERRCODE = '42501';
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION finalise_incident(uuid, boolean, boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION finalise_incident(uuid, boolean, boolean) TO baken_app;
