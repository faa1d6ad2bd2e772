-- Hand-written: the board's reads of its oversight over 40 schools (ADR 028).
--
-- 1. The measures policy was one function, ctx_measure_visible(stichting, school, kind), inlined
--    into every query as an OR of the staff's and the board's branch with current_setting() read
--    per row. It becomes one policy per role family, each a conjunction of equalities on the row's
--    own columns with the context read once per query: the staff's for baken_app, the board's for
--    baken_board (0051). Visibility is unchanged: staff of the school see its measures; the board
--    of the stichting sees its time-outs, schorsingen and verwijderingen, and may act on them.
--    ctx_measure_visible stays for board_sees_incident (0044).
DROP POLICY measures_access ON measures;
--> statement-breakpoint
CREATE POLICY measures_staff ON measures FOR ALL TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id()) AND (SELECT ctx_is_school_staff()))
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id()) AND (SELECT ctx_is_school_staff()));
--> statement-breakpoint
CREATE POLICY measures_board ON measures FOR ALL TO baken_board
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
         AND kind IN ('time_out', 'schorsing', 'verwijdering'))
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
         AND kind IN ('time_out', 'schorsing', 'verwijdering'));
--> statement-breakpoint
-- 2. The comparison of schools per IRIS voorval type summed the month rows of
--    board_incident_type_summary (0043) on every view: ~13,500 rows for a 40-school schooljaar, to
--    answer ~1,400. board_incident_type_year keeps the same counts per schooljaar (no month, no
--    severity), kept by a trigger on the month rows in the same transaction, so it is exact
--    whenever they are.
CREATE TABLE board_incident_type_year (
  stichting_id uuid NOT NULL REFERENCES stichtingen (id) ON DELETE CASCADE,
  school_id uuid NOT NULL,
  school_year text NOT NULL,
  code integer NOT NULL,
  incidents integer NOT NULL,
  PRIMARY KEY (stichting_id, school_year, school_id, code),
  FOREIGN KEY (school_id, stichting_id) REFERENCES schools (id, stichting_id) ON DELETE CASCADE
);
--> statement-breakpoint
ALTER TABLE board_incident_type_year ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE board_incident_type_year FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_all ON board_incident_type_year TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
--> statement-breakpoint
GRANT SELECT ON board_incident_type_year TO baken_app;
--> statement-breakpoint
-- Numbers only, and only for the board of the stichting (as the month rows).
CREATE POLICY board_read ON board_incident_type_year FOR SELECT TO baken_board
  USING ((SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL
         AND stichting_id = (SELECT ctx_stichting_id()));
--> statement-breakpoint
-- A month row's change moves its schooljaar's row by the same amount. A deleted month row (a
-- school removed: the cascade) only lowers a year row that is still there; the same cascade
-- removes the year rows.
CREATE FUNCTION board_type_year_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE board_incident_type_year y SET incidents = y.incidents - OLD.incidents
     WHERE y.stichting_id = OLD.stichting_id AND y.school_year = OLD.school_year
       AND y.school_id = OLD.school_id AND y.code = OLD.code;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO board_incident_type_year AS y (stichting_id, school_id, school_year, code, incidents)
    VALUES (NEW.stichting_id, NEW.school_id, NEW.school_year, NEW.code, NEW.incidents)
    ON CONFLICT (stichting_id, school_year, school_id, code)
    DO UPDATE SET incidents = y.incidents + EXCLUDED.incidents;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION board_type_year_apply() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER board_type_year_written AFTER INSERT OR UPDATE OR DELETE ON board_incident_type_summary
  FOR EACH ROW EXECUTE FUNCTION board_type_year_apply();
--> statement-breakpoint
INSERT INTO board_incident_type_year (stichting_id, school_id, school_year, code, incidents)
SELECT stichting_id, school_id, school_year, code, sum(incidents)
  FROM board_incident_type_summary
 GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION board_incident_type_counts(p_school_year text)
RETURNS TABLE (school_id uuid, code integer, incidents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT y.school_id, y.code, y.incidents::bigint
  FROM board_incident_type_year y
  WHERE ctx_role() = 'bestuurder'
    AND ctx_school_id() IS NULL
    AND y.stichting_id = ctx_stichting_id()
    AND y.school_year = p_school_year
    AND y.incidents > 0
$$;
--> statement-breakpoint
-- 3. Without the board's OR (0051), the staff policy's `school_id = (SELECT ctx_school_id())` on
--    incident_codes reaches the planner, which ANDed the (school_id, list, code) index into the
--    dossier's "codes of these incidents" read: all ~170,000 voorval codes of a large school's ten
--    years scanned to filter ~100 rows (16 ms instead of 1 ms). Every read of codes starts from
--    the incident (the primary key leads with incident_id) or from a schooljaar's incidents; no
--    query wants a school's codes across all years.
DROP INDEX incident_codes_school_list_code_idx;
