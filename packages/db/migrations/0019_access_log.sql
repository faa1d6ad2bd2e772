-- Hand-written: the access log (issue 5, BRIEF §6). Append-only for the application role (INSERT
-- and, for the privacyfunctionaris, SELECT; no UPDATE or DELETE grant, and a trigger refusing both
-- for everyone), and hash-chained per stichting: each row's hash covers the previous row's hash and
-- its own canonical text, so an edited or removed row breaks the chain (verifier: access-log-verify).
GRANT SELECT, INSERT ON access_log TO baken_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE access_log_id_seq TO baken_app;
--> statement-breakpoint
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE access_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE access_log_heads ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE access_log_heads FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY owner_all ON access_log TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_all ON access_log_heads TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- One logs only as oneself, for the organisation one acts for: staff of a stichting log into their
-- own stichting's chain; a partner user (police, Halt) logs, with their partner id, into the chain
-- of the stichting whose shared data they look at.
CREATE POLICY access_log_insert ON access_log FOR INSERT TO baken_app WITH CHECK (
  user_id = (SELECT ctx_user_id())
  AND role::text = (SELECT ctx_role())
  AND partner_id IS NOT DISTINCT FROM (SELECT ctx_partner_id())
  AND (stichting_id = (SELECT ctx_stichting_id()) OR (SELECT ctx_partner_id()) IS NOT NULL)
  AND (school_id IS NULL OR (SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))
);
--> statement-breakpoint
-- The privacyfunctionaris reviews the whole log of the stichting.
CREATE POLICY access_log_read ON access_log FOR SELECT TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'privacyfunctionaris'
);
--> statement-breakpoint
-- The canonical text a row's hash covers (the verifier recomputes it).
CREATE FUNCTION access_log_canonical(r access_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|',
    r.chain_key::text, r.seq::text,
    to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.user_id::text, r.user_name, r.role::text,
    r.stichting_id::text, coalesce(r.school_id::text, ''), coalesce(r.partner_id::text, ''),
    r.action, r.subject_type, coalesce(r.subject_id::text, ''), coalesce(r.student_id::text, ''),
    coalesce(r.reason, ''), r.break_glass::text)
$$;
--> statement-breakpoint
CREATE FUNCTION access_log_hash(prev text, canonical text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || E'\n' || canonical, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Chains a new row: locks the stichting's head row (so rows of one chain are numbered one after
-- another, also under concurrency), numbers the row, stamps the time and computes the hash.
-- SECURITY DEFINER: the application role cannot read or write the heads itself.
CREATE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  NEW.chain_key := NEW.stichting_id;
  NEW.at := now();
  INSERT INTO access_log_heads (chain_key, seq, hash) VALUES (NEW.chain_key, 0, repeat('0', 64))
    ON CONFLICT (chain_key) DO NOTHING;
  SELECT seq, hash INTO head_seq, head_hash FROM access_log_heads WHERE chain_key = NEW.chain_key FOR UPDATE;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := access_log_hash(head_hash, access_log_canonical(NEW));
  UPDATE access_log_heads SET seq = NEW.seq, hash = NEW.hash WHERE chain_key = NEW.chain_key;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_chain();
--> statement-breakpoint
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
--> statement-breakpoint
-- Who looked at one student's data, for that student's export (AVG art. 15): the directeur of the
-- student's school or the stichting's privacyfunctionaris. The student must be visible to the
-- caller under RLS (the check runs as the caller, before the definer's read).
CREATE FUNCTION student_access_history(p_student uuid)
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
    FROM access_log l WHERE l.stichting_id = v_stichting AND l.student_id = p_student ORDER BY l.seq;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION student_access_history(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION student_access_history(uuid) TO baken_app;
--> statement-breakpoint
-- Break-glass (issue 5): the reason the caller gave, in the last 15 minutes, for opening exactly this
-- record, acting in exactly this role and organisation; NULL when there is none. The web pages ask for
-- a reason (recorded as action 'break_glass' BEFORE any content is sent) and then look it up here, so
-- nothing the client holds opens a record and one reason opens only the record it was given for.
-- SECURITY DEFINER: the application role cannot read the log (only the privacyfunctionaris can).
CREATE FUNCTION access_log_break_glass_reason(p_subject_type text, p_subject_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT l.reason FROM access_log l
  WHERE l.subject_type = p_subject_type AND l.subject_id = p_subject_id
    AND l.action = 'break_glass' AND l.break_glass
    AND l.user_id = ctx_user_id() AND l.role::text = ctx_role()
    AND l.stichting_id = ctx_stichting_id()
    AND l.school_id IS NOT DISTINCT FROM ctx_school_id()
    AND l.partner_id IS NOT DISTINCT FROM ctx_partner_id()
    AND l.at > now() - interval '15 minutes'
  ORDER BY l.seq DESC LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_break_glass_reason(text, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION access_log_break_glass_reason(text, uuid) TO baken_app;
