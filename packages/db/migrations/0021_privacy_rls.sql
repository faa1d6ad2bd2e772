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
--> statement-breakpoint
-- ---- Retention and the purge (issue 5, BRIEF §6) ----
--
-- Choice: the purge runs as SECURITY DEFINER functions in the database, not as an owner-run job.
-- The privacyfunctionaris starts it from /privacy; the functions check inside that the caller acts as
-- the privacyfunctionaris of a stichting (ctx_role(), no school) and touch only that stichting's rows.
-- The application role keeps no DELETE grant on dossier tables, and the FG, who may not read pupil
-- content under RLS, still gets a complete report (ids and counts, never names). One function
-- (privacy_purge_plan) computes what is due; the dry run returns it, and the purge recomputes it,
-- refuses when it differs from the dry run the FG confirmed, and deletes exactly the ids it lists.
--
-- Categories (defaults when a stichting has no row; the domain's retention.ts holds the same numbers):
--   leerlingdossier   24 months after the student left: incidents, measures (with transitions, letters,
--                     bezwaren), Halt referrals, shares about the student, guardians, reporting cases.
--                     An incident with other pupils who stay is kept, the purged pupil's part anonymised.
--   administratie     60 months after leaving: the student record itself (name, date of birth, dates
--                     of enrolment), with its data-subject requests and lifted legal holds.
--   gedeelde_gegevens 12 months after a share ended (expired or revoked): the copied payload of the
--                     shared items. The share record (to whom, why, on which basis) stays for
--                     accountability (AVG art. 5(2)) until the student's dossier goes.
--   toegangslog       60 months. The access log is append-only and hash-chained; rows past retention
--                     are reported, never deleted here (cutting a chain prefix needs a verifier anchor).
CREATE FUNCTION privacy_retention_months(p_stichting uuid, p_category text) RETURNS integer
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT coalesce(
    (SELECT r.months FROM retention_settings r WHERE r.stichting_id = p_stichting AND r.category = p_category),
    CASE p_category WHEN 'leerlingdossier' THEN 24 WHEN 'administratie' THEN 60
                    WHEN 'gedeelde_gegevens' THEN 12 WHEN 'toegangslog' THEN 60 END)
$$;
--> statement-breakpoint
-- Replaces each name (whole words, any case, longest first) by "[verwijderd]".
CREATE FUNCTION privacy_redact(p_text text, p_names text[], p_flags text DEFAULT 'gi') RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  n text;
  out text := p_text;
BEGIN
  IF p_text IS NULL THEN RETURN NULL; END IF;
  FOR n IN SELECT x FROM unnest(p_names) x WHERE length(trim(x)) >= 2 ORDER BY length(x) DESC LOOP
    out := regexp_replace(out,
      '\m' || regexp_replace(regexp_replace(trim(n), '([.^$*+?()\[\]{}|\\-])', '\\\1', 'g'), '\s+', '\\s+', 'g') || '\M',
      '[verwijderd]', p_flags);
  END LOOP;
  RETURN out;
END
$$;
--> statement-breakpoint
-- A jsonb document (an incident snapshot, a shared payload) with a student's id and names removed.
CREATE FUNCTION privacy_redact_json(p_doc jsonb, p_names text[], p_student uuid) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_doc IS NULL THEN NULL ELSE
    privacy_redact(replace(p_doc::text, p_student::text, '00000000-0000-0000-0000-000000000000'),
      ARRAY(SELECT replace(replace(x, '\', ''), '"', '') FROM unnest(p_names) x), 'g')::jsonb END
$$;
--> statement-breakpoint
CREATE FUNCTION privacy_purge_plan(p_stichting uuid, p_as_of date) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = public AS $$
DECLARE
  m_dossier int := privacy_retention_months(p_stichting, 'leerlingdossier');
  m_admin int := privacy_retention_months(p_stichting, 'administratie');
  m_shared int := privacy_retention_months(p_stichting, 'gedeelde_gegevens');
  m_log int := privacy_retention_months(p_stichting, 'toegangslog');
  d_dossier date := (p_as_of - make_interval(months => m_dossier))::date;
  d_admin date := (p_as_of - make_interval(months => m_admin))::date;
  d_shared date := (p_as_of - make_interval(months => m_shared))::date;
  d_log date := (p_as_of - make_interval(months => m_log))::date;
  v_held uuid[];
  v_admin uuid[];
  v_due uuid[];
  v_inc uuid[];
  v_shares uuid[];
  j_dossier jsonb;
  j_admin jsonb;
  j_shared jsonb;
  j_held jsonb;
  n_log bigint;
BEGIN
  SELECT coalesce(array_agg(DISTINCT h.student_id), '{}') INTO v_held
    FROM legal_holds h WHERE h.stichting_id = p_stichting AND h.lifted_at IS NULL;

  SELECT coalesce(array_agg(s.id ORDER BY s.id), '{}') INTO v_admin FROM students s
   WHERE s.stichting_id = p_stichting AND s.status = 'left' AND s.left_on <= d_admin AND NOT s.id = ANY (v_held);

  SELECT coalesce(array_agg(s.id ORDER BY s.id), '{}') INTO v_due FROM students s
   WHERE s.stichting_id = p_stichting AND s.status = 'left'
     AND (s.left_on <= d_dossier OR s.id = ANY (v_admin)) AND NOT s.id = ANY (v_held)
     AND (EXISTS (SELECT 1 FROM incident_persons x WHERE x.student_id = s.id)
       OR EXISTS (SELECT 1 FROM measures x WHERE x.student_id = s.id)
       OR EXISTS (SELECT 1 FROM halt_referrals x WHERE x.student_id = s.id)
       OR EXISTS (SELECT 1 FROM share_students x WHERE x.student_id = s.id)
       OR EXISTS (SELECT 1 FROM student_guardians x WHERE x.student_id = s.id)
       OR EXISTS (SELECT 1 FROM report_cases x WHERE x.student_id = s.id)
       OR EXISTS (SELECT 1 FROM incident_acknowledgements x WHERE x.student_id = s.id));

  -- Incidents that concern only due students (and no measure or case of anyone else): deleted.
  SELECT coalesce(array_agg(i.id ORDER BY i.id), '{}') INTO v_inc FROM incidents i
   WHERE i.stichting_id = p_stichting
     AND EXISTS (SELECT 1 FROM incident_persons p WHERE p.incident_id = i.id AND p.student_id = ANY (v_due))
     AND NOT EXISTS (SELECT 1 FROM incident_persons p WHERE p.incident_id = i.id AND p.student_id IS NOT NULL AND NOT p.student_id = ANY (v_due))
     AND NOT EXISTS (SELECT 1 FROM measure_incidents mi JOIN measures m ON m.id = mi.measure_id
                     WHERE mi.incident_id = i.id AND NOT m.student_id = ANY (v_due))
     AND NOT EXISTS (SELECT 1 FROM report_cases r WHERE r.incident_id = i.id AND (r.student_id IS NULL OR NOT r.student_id = ANY (v_due)))
     AND NOT EXISTS (SELECT 1 FROM incident_acknowledgements a WHERE a.incident_id = i.id AND a.student_id IS NOT NULL AND NOT a.student_id = ANY (v_due));

  -- Shares that concern only due students (and carry no other student's Halt referral): deleted.
  SELECT coalesce(array_agg(sh.id ORDER BY sh.id), '{}') INTO v_shares FROM shares sh
   WHERE sh.stichting_id = p_stichting
     AND EXISTS (SELECT 1 FROM share_students ss WHERE ss.share_id = sh.id AND ss.student_id = ANY (v_due))
     AND NOT EXISTS (SELECT 1 FROM share_students ss WHERE ss.share_id = sh.id AND NOT ss.student_id = ANY (v_due))
     AND NOT EXISTS (SELECT 1 FROM halt_referrals r WHERE r.share_id = sh.id AND NOT r.student_id = ANY (v_due));

  SELECT coalesce(jsonb_agg(jsonb_build_object(
      'studentId', s.id, 'schoolId', s.school_id, 'leftOn', s.left_on,
      'incidentsDeleted', (SELECT coalesce(jsonb_agg(q.id ORDER BY q.id), '[]') FROM
          (SELECT DISTINCT p.incident_id id FROM incident_persons p WHERE p.student_id = s.id AND p.incident_id = ANY (v_inc)) q),
      'incidentsAnonymised', (SELECT coalesce(jsonb_agg(q.id ORDER BY q.id), '[]') FROM
          (SELECT DISTINCT p.incident_id id FROM incident_persons p WHERE p.student_id = s.id AND NOT p.incident_id = ANY (v_inc)) q),
      'measures', (SELECT coalesce(jsonb_agg(m.id ORDER BY m.id), '[]') FROM measures m WHERE m.student_id = s.id),
      'referrals', (SELECT coalesce(jsonb_agg(r.id ORDER BY r.id), '[]') FROM halt_referrals r WHERE r.student_id = s.id),
      'sharesDeleted', (SELECT coalesce(jsonb_agg(ss.share_id ORDER BY ss.share_id), '[]') FROM share_students ss
          WHERE ss.student_id = s.id AND ss.share_id = ANY (v_shares)),
      'sharesUnlinked', (SELECT coalesce(jsonb_agg(ss.share_id ORDER BY ss.share_id), '[]') FROM share_students ss
          WHERE ss.student_id = s.id AND NOT ss.share_id = ANY (v_shares)),
      'guardians', (SELECT coalesce(jsonb_agg(g.guardian_id ORDER BY g.guardian_id), '[]') FROM student_guardians g
          WHERE g.student_id = s.id AND NOT EXISTS (SELECT 1 FROM student_guardians o
            WHERE o.guardian_id = g.guardian_id AND NOT o.student_id = ANY (v_due))),
      'reportCases', (SELECT coalesce(jsonb_agg(r.id ORDER BY r.id), '[]') FROM report_cases r WHERE r.student_id = s.id),
      'acknowledgements', (SELECT coalesce(jsonb_agg(a.id ORDER BY a.id), '[]') FROM incident_acknowledgements a WHERE a.student_id = s.id)
    ) ORDER BY s.id), '[]') INTO j_dossier
    FROM students s WHERE s.id = ANY (v_due);

  SELECT coalesce(jsonb_agg(jsonb_build_object(
      'studentId', s.id, 'schoolId', s.school_id, 'leftOn', s.left_on,
      'subjectRequests', (SELECT coalesce(jsonb_agg(r.id ORDER BY r.id), '[]') FROM subject_requests r WHERE r.student_id = s.id),
      'legalHolds', (SELECT coalesce(jsonb_agg(h.id ORDER BY h.id), '[]') FROM legal_holds h WHERE h.student_id = s.id)
    ) ORDER BY s.id), '[]') INTO j_admin
    FROM students s WHERE s.id = ANY (v_admin);

  SELECT coalesce(jsonb_agg(jsonb_build_object(
      'shareId', sh.id, 'schoolId', sh.school_id,
      'endedOn', (coalesce(sh.revoked_at, sh.expires_at) AT TIME ZONE 'Europe/Amsterdam')::date,
      'items', (SELECT jsonb_agg(it.id ORDER BY it.id) FROM share_items it WHERE it.share_id = sh.id AND NOT it.incident_id = ANY (v_inc))
    ) ORDER BY sh.id), '[]') INTO j_shared
    FROM shares sh
   WHERE sh.stichting_id = p_stichting AND NOT sh.id = ANY (v_shares)
     AND (coalesce(sh.revoked_at, sh.expires_at) AT TIME ZONE 'Europe/Amsterdam')::date <= d_shared
     AND NOT EXISTS (SELECT 1 FROM share_students ss WHERE ss.share_id = sh.id AND ss.student_id = ANY (v_held))
     AND EXISTS (SELECT 1 FROM share_items it WHERE it.share_id = sh.id AND NOT it.incident_id = ANY (v_inc));

  SELECT coalesce(jsonb_agg(s.id ORDER BY s.id), '[]') INTO j_held FROM students s
   WHERE s.stichting_id = p_stichting AND s.status = 'left' AND s.left_on <= d_dossier AND s.id = ANY (v_held);

  SELECT count(*) INTO n_log FROM access_log l WHERE l.stichting_id = p_stichting AND l.at < d_log;

  RETURN jsonb_build_object(
    'asOf', p_as_of,
    'months', jsonb_build_object('leerlingdossier', m_dossier, 'administratie', m_admin,
                                 'gedeelde_gegevens', m_shared, 'toegangslog', m_log),
    'leerlingdossier', j_dossier,
    'administratie', j_admin,
    'gedeeldeGegevens', j_shared,
    'heldStudents', j_held,
    'toegangslog', jsonb_build_object('rowsPastRetention', n_log, 'action', 'behouden'));
END
$$;
--> statement-breakpoint
CREATE FUNCTION privacy_purge_caller() RETURNS uuid LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF coalesce(ctx_role() = 'privacyfunctionaris', false) AND ctx_school_id() IS NULL AND ctx_stichting_id() IS NOT NULL THEN
    RETURN ctx_stichting_id();
  END IF;
  RAISE EXCEPTION 'only the privacyfunctionaris of a stichting may run the purge' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
-- The dry run: what the purge would delete or anonymise today (ids only, never names).
CREATE FUNCTION privacy_purge_report(p_as_of date) RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN privacy_purge_plan(privacy_purge_caller(), p_as_of);
END
$$;
--> statement-breakpoint
-- Removes one pupil from an incident that stays: the person row becomes an anonymous outsider (the
-- incident_persons_kind check requires a description for a non-pupil), names and id are taken out of
-- the incident's free text, its versions, its tasks and what was shared of it.
CREATE FUNCTION privacy_anonymise_participation(p_incident uuid, p_student uuid) RETURNS void
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  v_names text[];
BEGIN
  SELECT ARRAY[concat_ws(' ', s.first_name, s.infix, s.last_name), s.first_name || ' ' || s.last_name,
               concat_ws(' ', s.infix, s.last_name), s.first_name, s.last_name]
    INTO v_names FROM students s WHERE s.id = p_student;
  UPDATE incidents SET
    situation = privacy_redact(situation, v_names), location_note = privacy_redact(location_note, v_names),
    verbal_form = privacy_redact(verbal_form, v_names), verbal_against = privacy_redact(verbal_against, v_names),
    physical_form = privacy_redact(physical_form, v_names), physical_against = privacy_redact(physical_against, v_names),
    vandalism_form = privacy_redact(vandalism_form, v_names), vandalism_against = privacy_redact(vandalism_against, v_names),
    motive_note = privacy_redact(motive_note, v_names), analysis = privacy_redact(analysis, v_names),
    agreements = privacy_redact(agreements, v_names), severity_reason = privacy_redact(severity_reason, v_names),
    updated_at = now()
  WHERE id = p_incident;
  UPDATE incident_persons SET kind = 'externe', student_id = NULL, group_id = NULL,
    description = 'Leerling (gegevens verwijderd na de bewaartermijn)', injury = NULL, outcome = NULL
  WHERE incident_id = p_incident AND student_id = p_student;
  UPDATE incident_persons SET description = privacy_redact(description, v_names),
    injury = privacy_redact(injury, v_names), outcome = privacy_redact(outcome, v_names)
  WHERE incident_id = p_incident;
  UPDATE incident_versions SET snapshot = privacy_redact_json(snapshot, v_names, p_student),
    changes = privacy_redact_json(changes, v_names, p_student)
  WHERE incident_id = p_incident;
  UPDATE incident_tasks SET title = privacy_redact(title, v_names), description = privacy_redact(description, v_names),
    note = privacy_redact(note, v_names)
  WHERE incident_id = p_incident;
  UPDATE share_items SET payload = privacy_redact_json(payload, v_names, p_student) WHERE incident_id = p_incident;
END
$$;
--> statement-breakpoint
-- The purge. p_expected is the report of the dry run the FG confirmed: when today's plan differs
-- (something changed since), nothing is touched and {"changed": true, "plan": …} comes back.
CREATE FUNCTION privacy_purge(p_as_of date, p_expected jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_stichting uuid := privacy_purge_caller();
  plan jsonb;
  e jsonb;
  x text;
  v_due uuid[];
  v_admin uuid[];
BEGIN
  -- One purge per stichting at a time.
  PERFORM pg_advisory_xact_lock(hashtext('privacy_purge:' || v_stichting::text));
  plan := privacy_purge_plan(v_stichting, p_as_of);
  IF p_expected IS NOT NULL AND plan IS DISTINCT FROM p_expected THEN
    RETURN jsonb_build_object('changed', true, 'plan', plan);
  END IF;
  v_due := ARRAY(SELECT (d->>'studentId')::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d);
  v_admin := ARRAY(SELECT (d->>'studentId')::uuid FROM jsonb_array_elements(plan->'administratie') d);

  DELETE FROM report_cases WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'reportCases') y);
  DELETE FROM halt_referrals WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'referrals') y);
  DELETE FROM measures WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'measures') y);
  DELETE FROM share_items WHERE stichting_id = v_stichting AND incident_id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'incidentsDeleted') y);
  DELETE FROM shares WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'sharesDeleted') y);
  DELETE FROM share_students WHERE stichting_id = v_stichting AND student_id = ANY (v_due);
  DELETE FROM incident_acknowledgements WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'acknowledgements') y);
  DELETE FROM incidents WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'incidentsDeleted') y);
  FOR e IN SELECT d FROM jsonb_array_elements(plan->'leerlingdossier') d LOOP
    FOR x IN SELECT jsonb_array_elements_text(e->'incidentsAnonymised') LOOP
      PERFORM privacy_anonymise_participation(x::uuid, (e->>'studentId')::uuid);
    END LOOP;
  END LOOP;
  DELETE FROM student_guardians WHERE stichting_id = v_stichting AND student_id = ANY (v_due);
  DELETE FROM guardians WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'guardians') y);

  DELETE FROM share_items WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'gedeeldeGegevens') d, jsonb_array_elements_text(d->'items') y);

  -- Administration: the student record itself (its requests and lifted holds go with it).
  DELETE FROM students WHERE stichting_id = v_stichting AND id = ANY (v_admin);
  RETURN jsonb_build_object('changed', false, 'plan', plan);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION privacy_purge_report(date) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION privacy_purge(date, jsonb) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION privacy_purge_plan(uuid, date) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION privacy_anonymise_participation(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION privacy_purge_report(date) TO baken_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION privacy_purge(date, jsonb) TO baken_app;
