-- Hand-written: signed checkpoints of the access log's chains and the daily digest of them (ADR 021).
-- A chain the database owner can recompute proves little on its own; a checkpoint (chain, number of
-- rows, head hash, time) signed with an Ed25519 key the database does not hold
-- (BAKEN_AUDIT_SIGNING_KEY, in the web server's environment) cannot be rewritten with it, and the
-- daily digest to the privacyfunctionaris puts the day's last checkpoint outside the database.
-- Both tables are append-only and closed to the application role except through the functions below.
CREATE TABLE access_log_checkpoints (
  id bigserial PRIMARY KEY,
  chain_key uuid NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL,
  at timestamptz NOT NULL,
  key_id text NOT NULL,
  signature text NOT NULL,
  CONSTRAINT access_log_checkpoints_chain_seq_key UNIQUE (chain_key, seq)
);
--> statement-breakpoint
CREATE INDEX access_log_checkpoints_chain_at_idx ON access_log_checkpoints (chain_key, at);
--> statement-breakpoint
CREATE TABLE access_log_digests (
  chain_key uuid NOT NULL,
  day date NOT NULL,
  checkpoint_id bigint NOT NULL REFERENCES access_log_checkpoints (id),
  recipients integer NOT NULL,
  queued_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain_key, day)
);
--> statement-breakpoint
ALTER TABLE access_log_checkpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE access_log_checkpoints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE access_log_digests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE access_log_digests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY owner_all ON access_log_checkpoints TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY owner_all ON access_log_digests TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
CREATE FUNCTION access_log_checkpoint_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_checkpoint_append_only();
--> statement-breakpoint
CREATE TRIGGER access_log_digests_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON access_log_digests
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_checkpoint_append_only();
--> statement-breakpoint
-- Records a signed checkpoint of a chain as it is: seq and hash must be a sealed row of that chain,
-- so the caller can add only true states (the signature itself is checked by the verifier, which
-- holds the public key; the database cannot check it and does not need to).
CREATE FUNCTION access_log_add_checkpoint(p_chain uuid, p_seq bigint, p_hash text, p_at timestamptz, p_key_id text, p_signature text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM access_log l WHERE l.chain_key = p_chain AND l.seq = p_seq AND l.hash = p_hash) THEN
    RAISE EXCEPTION 'no sealed access_log row % of chain % with that hash', p_seq, p_chain USING ERRCODE = 'check_violation';
  END IF;
  INSERT INTO access_log_checkpoints (chain_key, seq, hash, at, key_id, signature)
    VALUES (p_chain, p_seq, p_hash, p_at, p_key_id, p_signature)
    ON CONFLICT ON CONSTRAINT access_log_checkpoints_chain_seq_key DO NOTHING;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_add_checkpoint(uuid, bigint, text, timestamptz, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION access_log_add_checkpoint(uuid, bigint, text, timestamptz, text, text) TO baken_app;
--> statement-breakpoint
-- The digests still to send: per stichting and finished day (Dutch time, the p_days days before
-- p_before), the day's last checkpoint, when no digest for that day was queued yet.
CREATE FUNCTION access_log_digests_due(p_before date, p_days integer DEFAULT 7)
RETURNS TABLE (chain_key uuid, stichting_name text, day date, checkpoint_id bigint, seq bigint, hash text, at timestamptz, key_id text, signature text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT ON (c.chain_key, (c.at AT TIME ZONE 'Europe/Amsterdam')::date)
         c.chain_key, s.name, (c.at AT TIME ZONE 'Europe/Amsterdam')::date, c.id, c.seq, c.hash, c.at, c.key_id, c.signature
  FROM access_log_checkpoints c
  JOIN stichtingen s ON s.id = c.chain_key
  WHERE c.at >= (p_before - p_days)::timestamp AT TIME ZONE 'Europe/Amsterdam'
    AND c.at < p_before::timestamp AT TIME ZONE 'Europe/Amsterdam'
    AND NOT EXISTS (SELECT 1 FROM access_log_digests d
                    WHERE d.chain_key = c.chain_key AND d.day = (c.at AT TIME ZONE 'Europe/Amsterdam')::date)
  ORDER BY c.chain_key, (c.at AT TIME ZONE 'Europe/Amsterdam')::date, c.seq DESC
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_digests_due(date, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION access_log_digests_due(date, integer) TO baken_app;
--> statement-breakpoint
-- Queues one day's digest to every active privacyfunctionaris of the stichting, once: the digests
-- row (one per stichting and day) is the guard, so a second call (another process, a retry) queues
-- nothing. Returns the number of messages queued.
CREATE FUNCTION access_log_queue_digest(p_chain uuid, p_day date, p_checkpoint bigint, p_subject text, p_text text, p_html text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_n integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM access_log_checkpoints c WHERE c.id = p_checkpoint AND c.chain_key = p_chain
                 AND (c.at AT TIME ZONE 'Europe/Amsterdam')::date = p_day) THEN
    RAISE EXCEPTION 'checkpoint % is not of chain % on %', p_checkpoint, p_chain, p_day USING ERRCODE = 'check_violation';
  END IF;
  SELECT count(DISTINCT u.email) INTO v_n FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.role = 'privacyfunctionaris' AND m.stichting_id = p_chain AND u.disabled_at IS NULL;
  INSERT INTO access_log_digests (chain_key, day, checkpoint_id, recipients) VALUES (p_chain, p_day, p_checkpoint, v_n)
    ON CONFLICT ON CONSTRAINT access_log_digests_pkey DO NOTHING;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  INSERT INTO outbox (stichting_id, subject_ref, to_address, subject, text, html)
    SELECT DISTINCT p_chain, 'access_log_digest:' || p_day::text, u.email, p_subject, p_text, p_html
    FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.role = 'privacyfunctionaris' AND m.stichting_id = p_chain AND u.disabled_at IS NULL;
  RETURN v_n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION access_log_queue_digest(uuid, date, bigint, text, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION access_log_queue_digest(uuid, date, bigint, text, text, text) TO baken_app;
