-- Hand-written: the access log's chain moves off the request path (ADR 021, superseding part of
-- ADR 008). Readers insert plain rows: a light trigger stamps the chain, the time and the id of the
-- inserting transaction (xid8), and leaves seq, prev_hash and hash empty; no head row is locked, so
-- logged reads of one stichting no longer wait for each other's commit. A sealer (access_log_seal,
-- run every few seconds by the web server) chains the committed rows per stichting in (xid, id)
-- order, only below the oldest running transaction (pg_snapshot_xmin), so no row can still appear
-- before one already chained. After each batch the sealer signs a checkpoint (Ed25519, with a key
-- the database does not hold) and a daily digest of the last checkpoint goes to the stichting's
-- privacyfunctionaris by mail, so a rewritten history is visible outside the database.
ALTER TABLE access_log ADD COLUMN xid xid8;
--> statement-breakpoint
ALTER TABLE access_log ADD COLUMN sealed_at timestamptz;
--> statement-breakpoint
ALTER TABLE access_log ALTER COLUMN seq DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE access_log ALTER COLUMN prev_hash DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE access_log ALTER COLUMN hash DROP NOT NULL;
--> statement-breakpoint
-- What the sealer looks for: the unsealed rows of a chain in sealing order.
CREATE INDEX access_log_unsealed_idx ON access_log (chain_key, xid, id) WHERE seq IS NULL;
--> statement-breakpoint
DROP TRIGGER access_log_chain ON access_log;
--> statement-breakpoint
DROP FUNCTION access_log_chain();
--> statement-breakpoint
-- Stamps a new row (the application cannot choose these): the chain is the stichting whose data was
-- read, the time is the transaction's, xid is the inserting transaction's id (the sealing order);
-- seq, prev_hash and hash stay empty until the sealer chains the committed row.
CREATE FUNCTION access_log_stamp() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  NEW.chain_key := NEW.stichting_id;
  NEW.at := now();
  NEW.xid := pg_current_xact_id();
  NEW.seq := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  NEW.sealed_at := NULL;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_stamp BEFORE INSERT ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_stamp();
--> statement-breakpoint
-- Append-only, as before, with one exception: sealing, which fills seq, prev_hash, hash and
-- sealed_at of an unsealed row once and changes nothing else. Every other UPDATE, every DELETE and
-- TRUNCATE are refused for every role, the owner included (the application role has no UPDATE or
-- DELETE grant at all; sealing runs in the security-definer access_log_seal).
DROP TRIGGER access_log_append_only ON access_log;
--> statement-breakpoint
DROP FUNCTION access_log_append_only();
--> statement-breakpoint
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL
     AND NEW.hash IS NOT NULL AND NEW.sealed_at IS NOT NULL
     AND (NEW.id, NEW.chain_key, NEW.at, NEW.xid, NEW.user_id, NEW.user_name, NEW.role, NEW.stichting_id,
          NEW.school_id, NEW.partner_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.student_id,
          NEW.reason, NEW.break_glass)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.chain_key, OLD.at, OLD.xid, OLD.user_id, OLD.user_name, OLD.role, OLD.stichting_id,
          OLD.school_id, OLD.partner_id, OLD.action, OLD.subject_type, OLD.subject_id, OLD.student_id,
          OLD.reason, OLD.break_glass) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
--> statement-breakpoint
CREATE FUNCTION access_log_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_no_truncate();
--> statement-breakpoint
-- Chains the committed, unsealed rows: per stichting, in (xid, id) order, at most p_limit rows per
-- chain and call. Only rows of transactions below the oldest one still running (the xmin of the
-- current snapshot) are taken: every such transaction has ended, and every transaction that has not
-- has a larger xid, so no row can later appear before a row already chained. Two sealers never chain
-- the same stichting at once: each locks the head row, skipping a head another sealer holds.
-- Returns one row per chain it extended: the new head (seq, hash, the last row's id) and how many
-- rows it chained, with the sealing time as access_log_canonical formats times (for the checkpoint).
-- SECURITY DEFINER: the application role cannot update the log or touch the heads itself.
CREATE FUNCTION access_log_seal(p_limit integer DEFAULT 5000)
RETURNS TABLE (chain_key uuid, seq bigint, hash text, last_id bigint, sealed integer, sealed_at text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
  v_now timestamptz := clock_timestamp();
  v_key uuid;
  v_seq bigint;
  v_hash text;
  v_last bigint;
  v_n integer;
  r access_log;
BEGIN
  FOR v_key IN SELECT DISTINCT l.chain_key FROM access_log l WHERE l.seq IS NULL AND l.xid < v_horizon ORDER BY 1 LOOP
    INSERT INTO access_log_heads AS h (chain_key, seq, hash) VALUES (v_key, 0, repeat('0', 64))
      ON CONFLICT ON CONSTRAINT access_log_heads_pkey DO NOTHING;
    SELECT h.seq, h.hash INTO v_seq, v_hash FROM access_log_heads h WHERE h.chain_key = v_key FOR UPDATE SKIP LOCKED;
    CONTINUE WHEN NOT FOUND;
    v_n := 0;
    FOR r IN
      SELECT * FROM access_log l
      WHERE l.chain_key = v_key AND l.seq IS NULL AND l.xid < v_horizon
      ORDER BY l.xid, l.id LIMIT p_limit
    LOOP
      v_seq := v_seq + 1;
      r.seq := v_seq;
      r.prev_hash := v_hash;
      v_hash := access_log_hash(v_hash, access_log_canonical(r));
      UPDATE access_log l SET seq = v_seq, prev_hash = r.prev_hash, hash = v_hash, sealed_at = v_now WHERE l.id = r.id;
      v_last := r.id;
      v_n := v_n + 1;
    END LOOP;
    CONTINUE WHEN v_n = 0;
    UPDATE access_log_heads h SET seq = v_seq, hash = v_hash WHERE h.chain_key = v_key;
    chain_key := v_key;
    seq := v_seq;
    hash := v_hash;
    last_id := v_last;
    sealed := v_n;
    sealed_at := to_char(v_now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
    RETURN NEXT;
  END LOOP;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_seal(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION access_log_seal(integer) TO baken_app;
--> statement-breakpoint
-- The 15-minute break-glass lookup and the data subject's history ordered by seq, which is empty
-- until a row is sealed: order by id (insertion order) instead.
CREATE OR REPLACE FUNCTION access_log_break_glass_reason(p_subject_type text, p_subject_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT l.reason FROM access_log l
  WHERE l.subject_type = p_subject_type AND l.subject_id = p_subject_id
    AND l.action = 'break_glass' AND l.break_glass
    AND l.user_id = ctx_user_id() AND l.role::text = ctx_role()
    AND l.stichting_id = ctx_stichting_id()
    AND l.school_id IS NOT DISTINCT FROM ctx_school_id()
    AND l.partner_id IS NOT DISTINCT FROM ctx_partner_id()
    AND l.at > now() - interval '15 minutes'
  ORDER BY l.id DESC LIMIT 1
$$;
--> statement-breakpoint
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
    FROM access_log l WHERE l.stichting_id = v_stichting AND l.student_id = p_student ORDER BY l.id;
END
$$;
