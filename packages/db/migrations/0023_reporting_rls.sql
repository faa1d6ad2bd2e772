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
-- Who handles a case (sees all of it and records its steps): for the zeden route the bestuurder and
-- the school's vertrouwenspersoon; for the Meldcode the directeur, the IB and the vertrouwenspersoon.
-- The staff member who reported a zeden case is not among them: they see that the board was
-- informed (their own 'melding' step) and nothing after it.
CREATE FUNCTION ctx_report_case_handler(p_stichting uuid, p_school uuid, p_kind text)
RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(p_stichting = ctx_stichting_id() AND (
    (p_kind = 'zedendelict_medewerker' AND (
       (ctx_role() = 'bestuurder' AND ctx_school_id() IS NULL)
       OR (ctx_is_school_staff() AND p_school = ctx_school_id() AND ctx_role() = 'vertrouwenspersoon')))
    OR (p_kind = 'meldcode' AND ctx_is_school_staff() AND p_school = ctx_school_id()
        AND ctx_role() IN ('directeur','intern_begeleider','vertrouwenspersoon'))), false)
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
  USING (ctx_report_case_handler(stichting_id, school_id, kind))
  WITH CHECK (ctx_report_case_handler(stichting_id, school_id, kind));
--> statement-breakpoint
-- Steps follow their case (the EXISTS runs under report_cases' own policy); of a zeden case the
-- reporter sees only the 'melding' step.
CREATE POLICY report_case_steps_read ON report_case_steps FOR SELECT TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id())
  AND EXISTS (SELECT 1 FROM report_cases c WHERE c.id = case_id AND c.school_id = report_case_steps.school_id
              AND (c.kind = 'meldcode' OR report_case_steps.step = 'melding'
                   OR ctx_report_case_handler(c.stichting_id, c.school_id, c.kind)))
);
--> statement-breakpoint
-- Steps are written as oneself: by a handler of the case, or by the opener for the opening step
-- ('melding' of the zeden route, 'signalen' of the Meldcode).
CREATE POLICY report_case_steps_insert ON report_case_steps FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND by_id = (SELECT ctx_user_id())
  AND EXISTS (SELECT 1 FROM report_cases c WHERE c.id = case_id AND c.school_id = report_case_steps.school_id
              AND (ctx_report_case_handler(c.stichting_id, c.school_id, c.kind)
                   OR (c.opened_by_id = (SELECT ctx_user_id())
                       AND report_case_steps.step = CASE c.kind WHEN 'meldcode' THEN 'signalen' ELSE 'melding' END)))
);
--> statement-breakpoint
-- Opening a zeden case informs the board at once (WPO art. 4b). The reporter cannot see the
-- bestuurders' memberships from a school context, and the message must not appear in the school's
-- outbox view (the accused may be a colleague or the directeur), so this function queues one
-- message per active bestuurder of the stichting with school_id NULL, only for a zeden case the
-- caller opened and only once per case. The text is the caller's (validated by the domain; it names
-- no one); the recipients are not returned.
CREATE FUNCTION report_case_notify_board(p_case uuid, p_subject text, p_text text)
RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE n integer;
BEGIN
  IF NOT ctx_is_school_staff() THEN RETURN 0; END IF;
  IF EXISTS (SELECT 1 FROM outbox o WHERE o.subject_ref = 'report_case:' || p_case::text) THEN RETURN 0; END IF;
  INSERT INTO outbox (stichting_id, school_id, subject_ref, to_address, subject, text, created_by_id)
  SELECT DISTINCT c.stichting_id, NULL::uuid, 'report_case:' || c.id::text, u.email, p_subject, p_text, ctx_user_id()
  FROM report_cases c
  JOIN memberships m ON m.stichting_id = c.stichting_id AND m.role = 'bestuurder' AND m.school_id IS NULL
  JOIN users u ON u.id = m.user_id AND u.disabled_at IS NULL
  WHERE c.id = p_case AND c.kind = 'zedendelict_medewerker'
    AND c.opened_by_id = ctx_user_id() AND c.stichting_id = ctx_stichting_id() AND c.school_id = ctx_school_id();
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION report_case_notify_board(uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION report_case_notify_board(uuid, text, text) TO baken_app;
