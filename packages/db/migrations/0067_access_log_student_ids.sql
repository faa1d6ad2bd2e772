-- Hand-written: one access-log row per record per request (ADR 040). A read of a record is one
-- row naming every pupil the record concerns (student_ids), instead of one row per pupil with the
-- same actor, record, time and purpose. Rows written before this migration keep their single
-- student_id and their canonical text (they are sealed: their hashes must keep verifying); every
-- row written from now on has student_ids (possibly empty, never null), student_id null, and is
-- hashed in the second canonical form, which starts with 'v2' (a first-form text starts with the
-- chain's uuid, so the two can never be mistaken for each other) and ends with the pupils.
ALTER TABLE access_log ADD COLUMN student_ids uuid[];
--> statement-breakpoint
-- The pupils of a row, old or new: what the data subject's history, the portal's "who looked" and
-- the privacyfunctionaris' search by pupil ask with @> ARRAY[pupil].
CREATE INDEX access_log_students_idx ON access_log USING gin ((coalesce(student_ids, ARRAY[student_id])));
--> statement-breakpoint
-- It covers the old rows' student_id too; the btree on student_id alone (0017) has no reader left.
DROP INDEX access_log_student_idx;
--> statement-breakpoint
-- First form (migration 0019) unchanged for rows without student_ids; the second form for the rest.
CREATE OR REPLACE FUNCTION access_log_canonical(r access_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN r.student_ids IS NULL THEN
    concat_ws('|',
      r.chain_key::text, r.seq::text,
      to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      r.user_id::text, r.user_name, r.role::text,
      r.stichting_id::text, coalesce(r.school_id::text, ''), coalesce(r.partner_id::text, ''),
      r.action, r.subject_type, coalesce(r.subject_id::text, ''), coalesce(r.student_id::text, ''),
      coalesce(r.reason, ''), r.break_glass::text)
  ELSE
    concat_ws('|', 'v2',
      r.chain_key::text, r.seq::text,
      to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      r.user_id::text, r.user_name, r.role::text,
      r.stichting_id::text, coalesce(r.school_id::text, ''), coalesce(r.partner_id::text, ''),
      r.action, r.subject_type, coalesce(r.subject_id::text, ''), coalesce(r.student_id::text, ''),
      coalesce(r.reason, ''), r.break_glass::text,
      array_to_string(r.student_ids, ','))
  END
$$;
--> statement-breakpoint
-- The stamp of migration 0040, and: every new row names its pupils in student_ids, sorted and each
-- once (a single student_id given is moved into it), so the application cannot write a row in the
-- first form and the canonical text does not depend on the order pupils were named in.
CREATE OR REPLACE FUNCTION access_log_stamp() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  NEW.chain_key := NEW.stichting_id;
  NEW.at := now();
  NEW.xid := pg_current_xact_id();
  NEW.seq := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  NEW.sealed_at := NULL;
  -- No pupil or one (the most common looks) need no sorting: no query runs on the read path then.
  IF NEW.student_id IS NULL AND coalesce(cardinality(NEW.student_ids), 0) <= 1 AND NOT (NEW.student_ids IS NOT NULL AND array_position(NEW.student_ids, NULL) IS NOT NULL) THEN
    NEW.student_ids := coalesce(NEW.student_ids, '{}'::uuid[]);
  ELSE
    NEW.student_ids := ARRAY(SELECT DISTINCT s FROM unnest(coalesce(NEW.student_ids, '{}'::uuid[]) || NEW.student_id) AS s WHERE s IS NOT NULL ORDER BY s);
  END IF;
  NEW.student_id := NULL;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Append-only as in migration 0040, student_ids among the columns sealing may not change.
CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
     AND NEW.hash IS NOT NULL AND NEW.sealed_at IS NOT NULL
     AND (NEW.id, NEW.chain_key, NEW.at, NEW.xid, NEW.user_id, NEW.user_name, NEW.role, NEW.stichting_id,
          NEW.school_id, NEW.partner_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.student_id,
          NEW.student_ids, NEW.reason, NEW.break_glass)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.chain_key, OLD.at, OLD.xid, OLD.user_id, OLD.user_name, OLD.role, OLD.stichting_id,
          OLD.school_id, OLD.partner_id, OLD.action, OLD.subject_type, OLD.subject_id, OLD.student_id,
          OLD.student_ids, OLD.reason, OLD.break_glass) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
-- Who looked at one pupil's data (AVG art. 15), as in migration 0040: old rows by student_id, new
-- rows by student_ids (one row per look, whichever pupils the record also concerns).
CREATE OR REPLACE FUNCTION student_access_history(p_student uuid)
RETURNS TABLE (at timestamptz, user_name text, role text, partner_id uuid, action text, subject_type text, subject_id uuid, reason text, break_glass boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_stichting uuid := ctx_stichting_id();
  v_school uuid;
BEGIN
  SELECT s.school_id INTO v_school FROM students s WHERE s.id = p_student AND s.stichting_id = v_stichting;
  IF v_school IS NULL THEN
    RETURN;
  END IF;
  IF NOT ((ctx_role() = 'directeur' AND ctx_school_id() = v_school)
          OR (ctx_role() = 'privacyfunctionaris' AND ctx_school_id() IS NULL)) THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT l.at, l.user_name, l.role::text, l.partner_id, l.action, l.subject_type, l.subject_id, l.reason, l.break_glass
    FROM access_log l
    WHERE l.stichting_id = v_stichting AND coalesce(l.student_ids, ARRAY[l.student_id]) @> ARRAY[p_student]
    ORDER BY l.id;
END
$$;
--> statement-breakpoint
-- The parents' portal "who looked at my child's data" (migration 0058), finding the child in the
-- rows of both forms; nothing else changed.
CREATE OR REPLACE FUNCTION family_child_viewers(p_student uuid)
RETURNS TABLE (organisation text, kind text, month date, views bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(p.name, sc.name, st.name) AS organisation,
         CASE WHEN a.partner_id IS NOT NULL THEN 'partner' WHEN a.school_id IS NOT NULL THEN 'school' ELSE 'stichting' END AS kind,
         date_trunc('month', a.at AT TIME ZONE 'Europe/Amsterdam')::date AS month,
         count(*) AS views
    FROM access_log a
    LEFT JOIN partner_organisations p ON p.id = a.partner_id
    LEFT JOIN schools sc ON sc.id = a.school_id
    JOIN stichtingen st ON st.id = a.stichting_id
   WHERE coalesce(a.student_ids, ARRAY[a.student_id]) @> ARRAY[p_student]
     AND ctx_is_family()
     AND EXISTS (SELECT 1 FROM guardian_links l
                  WHERE l.student_id = p_student AND l.user_id = ctx_user_id() AND l.ended_at IS NULL
                    AND l.school_id = ctx_school_id() AND l.stichting_id = ctx_stichting_id())
   GROUP BY 1, 2, 3
   ORDER BY 3 DESC, 1
$$;
