-- Password reset ("wachtwoord vergeten"). A reset link carries a random token; the database keeps
-- only its SHA-256, the token itself is only in the mail (through the outbox). A link works once
-- and for at most one hour (the CHECK below). The requester is not signed in and has no tenant
-- context, and the answer to a request must not reveal whether the address exists, so the
-- application role reads and writes this table only through three SECURITY DEFINER functions:
--   * request_password_reset: makes a row and queues the mail when the address belongs to an
--     active user with a stichting (the outbox belongs to a stichting); returns nothing either way;
--   * password_reset_by_token: the state of exactly the link whose token hash it is given;
--   * redeem_password_reset: locks that row, checks it is unused and unexpired, sets the new
--     password hash, marks every open link of the user used, deletes all the user's sessions and
--     revokes their API tokens (a reset is how someone recovers an account that may have been taken
--     over; a token made by whoever held the password must stop working too).
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "password_resets_expiry" CHECK ("password_resets"."expires_at" > "password_resets"."created_at" AND "password_resets"."expires_at" <= "password_resets"."created_at" + interval '1 hour')
);
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_hash_key" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "password_resets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "password_resets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON password_resets TO %I USING (true) WITH CHECK (true)', current_user);
END $$;--> statement-breakpoint
-- Queues the reset mail for an active user. The caller composes subject and body for every address
-- (the same work whether or not it exists); the token hash in p_token_hash is the link's.
CREATE FUNCTION request_password_reset(p_email text, p_token_hash text, p_subject text, p_text text, p_html text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  uid uuid;
  st uuid;
  rid uuid;
BEGIN
  SELECT u.id INTO uid FROM users u WHERE u.email = lower(trim(p_email)) AND u.disabled_at IS NULL;
  IF uid IS NULL THEN RETURN; END IF;
  -- The outbox belongs to a stichting: the user's highest-ranked membership's.
  SELECT m.stichting_id INTO st FROM memberships m
    WHERE m.user_id = uid AND m.stichting_id IS NOT NULL
    ORDER BY role_rank(m.role::text) DESC, m.id LIMIT 1;
  IF st IS NULL THEN RETURN; END IF;
  INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES (uid, p_token_hash, now() + interval '1 hour')
    RETURNING id INTO rid;
  INSERT INTO outbox (stichting_id, subject_ref, to_address, subject, text, html)
    VALUES (st, 'password-reset:' || rid::text, lower(trim(p_email)), p_subject, p_text, p_html);
END
$$;
--> statement-breakpoint
-- The state of one link: 'open', 'used', 'expired' or 'disabled' (the account was switched off),
-- with the account's e-mail address and name (the password policy checks against them); null for a
-- token that opens no link.
CREATE FUNCTION password_reset_by_token(p_token_hash text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT jsonb_build_object(
    'email', u.email, 'name', u.name,
    'state', CASE WHEN r.used_at IS NOT NULL THEN 'used'
                  WHEN r.expires_at <= now() THEN 'expired'
                  WHEN u.disabled_at IS NOT NULL THEN 'disabled'
                  ELSE 'open' END)
  FROM password_resets r JOIN users u ON u.id = r.user_id
  WHERE r.token_hash = p_token_hash
$$;
--> statement-breakpoint
CREATE FUNCTION redeem_password_reset(p_token_hash text, p_password_hash text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r password_resets%ROWTYPE;
  disabled timestamptz;
BEGIN
  SELECT * INTO r FROM password_resets WHERE token_hash = p_token_hash FOR UPDATE;
  IF NOT FOUND THEN RETURN 'not_found'; END IF;
  IF r.used_at IS NOT NULL THEN RETURN 'used'; END IF;
  IF r.expires_at <= now() THEN RETURN 'expired'; END IF;
  SELECT disabled_at INTO disabled FROM users WHERE id = r.user_id FOR UPDATE;
  IF disabled IS NOT NULL THEN RETURN 'disabled'; END IF;
  UPDATE users SET password_hash = p_password_hash WHERE id = r.user_id;
  UPDATE password_resets SET used_at = now() WHERE user_id = r.user_id AND used_at IS NULL;
  DELETE FROM sessions WHERE user_id = r.user_id;
  UPDATE api_tokens SET revoked_at = now() WHERE user_id = r.user_id AND revoked_at IS NULL;
  RETURN 'reset';
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION request_password_reset(text, text, text, text, text), password_reset_by_token(text), redeem_password_reset(text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION request_password_reset(text, text, text, text, text), password_reset_by_token(text), redeem_password_reset(text, text) TO baken_app;
