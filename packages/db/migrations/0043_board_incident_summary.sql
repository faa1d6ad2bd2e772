-- Hand-written: the board's incident counts kept as they change instead of counting a schooljaar of
-- every school on each view. Two summary tables of submitted incidents, per stichting, school,
-- schooljaar, month of occurrence (Europe/Amsterdam) and severity: one with the confidentiality (the
-- counts per school), one per IRIS voorval type (the comparison between schools). Triggers on
-- incidents and incident_codes keep them exact in the writing transaction (no lag): an insert, a
-- change of a counted column (status, school, schooljaar, occurred_at, severity, confidential) or a
-- delete (a draft thrown away, a purge) takes the incident's old contribution off and adds its new
-- one. board_incident_counts and board_incident_type_counts (0009, 0016) now sum these rows; their
-- signature and their refusal of any context but the board's stay the same. A row may fall to 0
-- incidents and stay; readers sum, so it counts nothing.
CREATE TABLE board_incident_summary (
  stichting_id uuid NOT NULL REFERENCES stichtingen (id) ON DELETE CASCADE,
  school_id uuid NOT NULL,
  school_year text NOT NULL,
  month date NOT NULL,
  severity severity NOT NULL,
  confidential boolean NOT NULL,
  incidents integer NOT NULL,
  PRIMARY KEY (stichting_id, school_year, school_id, month, severity, confidential),
  FOREIGN KEY (school_id, stichting_id) REFERENCES schools (id, stichting_id) ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE board_incident_type_summary (
  stichting_id uuid NOT NULL REFERENCES stichtingen (id) ON DELETE CASCADE,
  school_id uuid NOT NULL,
  school_year text NOT NULL,
  month date NOT NULL,
  code integer NOT NULL,
  severity severity NOT NULL,
  incidents integer NOT NULL,
  PRIMARY KEY (stichting_id, school_year, school_id, month, code, severity),
  FOREIGN KEY (school_id, stichting_id) REFERENCES schools (id, stichting_id) ON DELETE CASCADE
);
--> statement-breakpoint
-- Numbers only, and only for the board of the stichting (as the functions of 0009 and 0016).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['board_incident_summary','board_incident_type_summary']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
    EXECUTE format('GRANT SELECT ON %I TO baken_app', t);
    EXECUTE format($p$
      CREATE POLICY board_read ON %I FOR SELECT TO baken_app
      USING ((SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
             AND stichting_id = (SELECT ctx_stichting_id()))
    $p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The month an incident is counted in.
CREATE FUNCTION incident_month(p_occurred_at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = public
AS $$ SELECT date_trunc('month', p_occurred_at AT TIME ZONE 'Europe/Amsterdam')::date $$;
--> statement-breakpoint
-- Adds (p_sign 1) or takes off (-1) one incident's contribution: nothing unless it is submitted.
-- The type rows come from the incident's voorval codes as they are at the moment of the call.
CREATE FUNCTION board_summary_apply(p incidents, p_sign integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF p.status <> 'submitted' THEN
    RETURN;
  END IF;
  INSERT INTO board_incident_summary AS s (stichting_id, school_id, school_year, month, severity, confidential, incidents)
  VALUES (p.stichting_id, p.school_id, p.school_year, incident_month(p.occurred_at), p.severity, p.confidential, p_sign)
  ON CONFLICT (stichting_id, school_year, school_id, month, severity, confidential)
  DO UPDATE SET incidents = s.incidents + EXCLUDED.incidents;
  INSERT INTO board_incident_type_summary AS s (stichting_id, school_id, school_year, month, code, severity, incidents)
  SELECT p.stichting_id, p.school_id, p.school_year, incident_month(p.occurred_at), c.code, p.severity, p_sign
    FROM incident_codes c
   WHERE c.incident_id = p.id AND c.list = 'voorval'
  ON CONFLICT (stichting_id, school_year, school_id, month, code, severity)
  DO UPDATE SET incidents = s.incidents + EXCLUDED.incidents;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION board_summary_apply(incidents, integer) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION board_summary_incident() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM board_summary_apply(NEW, 1);
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF (OLD.status, OLD.stichting_id, OLD.school_id, OLD.school_year, incident_month(OLD.occurred_at), OLD.severity, OLD.confidential)
       IS DISTINCT FROM
       (NEW.status, NEW.stichting_id, NEW.school_id, NEW.school_year, incident_month(NEW.occurred_at), NEW.severity, NEW.confidential) THEN
      PERFORM board_summary_apply(OLD, -1);
      PERFORM board_summary_apply(NEW, 1);
    END IF;
    RETURN NEW;
  ELSE
    -- BEFORE DELETE: the incident's codes are still there (the cascade removes them afterwards).
    PERFORM board_summary_apply(OLD, -1);
    RETURN OLD;
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION board_summary_incident() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER board_summary_written AFTER INSERT OR UPDATE OF status, stichting_id, school_id, school_year, occurred_at, severity, confidential
  ON incidents FOR EACH ROW EXECUTE FUNCTION board_summary_incident();
--> statement-breakpoint
CREATE TRIGGER board_summary_deleted BEFORE DELETE ON incidents FOR EACH ROW EXECUTE FUNCTION board_summary_incident();
--> statement-breakpoint
-- A voorval code added to or removed from a submitted incident. When the incident itself is deleted,
-- the cascade finds it gone and does nothing here: its BEFORE DELETE trigger already took it off.
CREATE FUNCTION board_summary_code() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE i incidents;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.list = 'voorval' THEN
    SELECT * INTO i FROM incidents WHERE id = OLD.incident_id;
    IF FOUND AND i.status = 'submitted' THEN
      INSERT INTO board_incident_type_summary AS s (stichting_id, school_id, school_year, month, code, severity, incidents)
      VALUES (i.stichting_id, i.school_id, i.school_year, incident_month(i.occurred_at), OLD.code, i.severity, -1)
      ON CONFLICT (stichting_id, school_year, school_id, month, code, severity)
      DO UPDATE SET incidents = s.incidents + EXCLUDED.incidents;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.list = 'voorval' THEN
    SELECT * INTO i FROM incidents WHERE id = NEW.incident_id;
    IF FOUND AND i.status = 'submitted' THEN
      INSERT INTO board_incident_type_summary AS s (stichting_id, school_id, school_year, month, code, severity, incidents)
      VALUES (i.stichting_id, i.school_id, i.school_year, incident_month(i.occurred_at), NEW.code, i.severity, 1)
      ON CONFLICT (stichting_id, school_year, school_id, month, code, severity)
      DO UPDATE SET incidents = s.incidents + EXCLUDED.incidents;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION board_summary_code() FROM PUBLIC;
--> statement-breakpoint
-- Not on the cascade of 0042 (it rewrites only the visibility copies): code, list and incident_id.
CREATE TRIGGER board_summary_code_written AFTER INSERT OR DELETE OR UPDATE OF code, list, incident_id
  ON incident_codes FOR EACH ROW EXECUTE FUNCTION board_summary_code();
--> statement-breakpoint
INSERT INTO board_incident_summary (stichting_id, school_id, school_year, month, severity, confidential, incidents)
SELECT stichting_id, school_id, school_year, incident_month(occurred_at), severity, confidential, count(*)
  FROM incidents WHERE status = 'submitted'
 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO board_incident_type_summary (stichting_id, school_id, school_year, month, code, severity, incidents)
SELECT i.stichting_id, i.school_id, i.school_year, incident_month(i.occurred_at), c.code, i.severity, count(*)
  FROM incidents i JOIN incident_codes c ON c.incident_id = i.id AND c.list = 'voorval'
 WHERE i.status = 'submitted'
 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_incident_counts(p_school_year text)
RETURNS TABLE (school_id uuid, severity severity, confidential boolean, incidents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.school_id, s.severity, s.confidential, sum(s.incidents)::bigint
  FROM board_incident_summary s
  WHERE ctx_role() = 'bestuurder'
    AND ctx_school_id() IS NULL
    AND s.stichting_id = ctx_stichting_id()
    AND s.school_year = p_school_year
  GROUP BY s.school_id, s.severity, s.confidential
  HAVING sum(s.incidents) > 0
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_incident_type_counts(p_school_year text)
RETURNS TABLE (school_id uuid, code integer, incidents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.school_id, s.code, sum(s.incidents)::bigint
  FROM board_incident_type_summary s
  WHERE ctx_role() = 'bestuurder'
    AND ctx_school_id() IS NULL
    AND s.stichting_id = ctx_stichting_id()
    AND s.school_year = p_school_year
  GROUP BY s.school_id, s.code
  HAVING sum(s.incidents) > 0
$$;
