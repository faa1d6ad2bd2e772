-- Passkeys (WebAuthn) as a second factor and as the sign-in itself (ADR 029).
--
-- webauthn_credentials (0035) gains what the authenticator reports and later checks need: whether
-- the credential may be synced between devices and whether it is backed up (the BE/BS flags,
-- WebAuthn §6.1), the authenticator model (AAGUID), and a bounded name.
--
-- webauthn_challenges holds every challenge the server hands out, single use and short-lived:
--   * 'registration' and 'authentication' (a second factor or a step-up) belong to one signed-in
--     session of one user; RLS lets the application see only the current session's own rows;
--   * 'sign_in' (a discoverable credential on /login) belongs to no user yet: it is bound to a
--     random value in a cookie of the browser that asked (its SHA-256 in browser_key), and the
--     application reaches these rows only through two SECURITY DEFINER functions, as password
--     login reads exactly one user by the attempted address.
-- A sign-in also reads exactly one credential by its id, through webauthn_sign_in_credential,
-- and only a credential of an active user; the counter is then updated in that user's context.
ALTER TABLE "webauthn_credentials" ADD COLUMN "device_type" text DEFAULT 'singleDevice' NOT NULL;--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD COLUMN "backed_up" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD COLUMN "aaguid" text;--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD CONSTRAINT "webauthn_credentials_device_type" CHECK ("webauthn_credentials"."device_type" in ('singleDevice', 'multiDevice'));--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD CONSTRAINT "webauthn_credentials_name" CHECK (char_length("webauthn_credentials"."name") between 1 and 60);--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD CONSTRAINT "webauthn_credentials_counter" CHECK ("webauthn_credentials"."counter" >= 0);--> statement-breakpoint
CREATE TABLE "webauthn_challenges" (
	"challenge" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"user_id" uuid,
	"session_id" text,
	"browser_key" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webauthn_challenges_purpose" CHECK ("webauthn_challenges"."purpose" in ('registration', 'authentication', 'sign_in')),
	CONSTRAINT "webauthn_challenges_owner" CHECK (
		("webauthn_challenges"."purpose" = 'sign_in' AND "webauthn_challenges"."user_id" IS NULL AND "webauthn_challenges"."session_id" IS NULL AND "webauthn_challenges"."browser_key" IS NOT NULL)
		OR ("webauthn_challenges"."purpose" <> 'sign_in' AND "webauthn_challenges"."user_id" IS NOT NULL AND "webauthn_challenges"."session_id" IS NOT NULL AND "webauthn_challenges"."browser_key" IS NULL)),
	CONSTRAINT "webauthn_challenges_expiry" CHECK ("webauthn_challenges"."expires_at" > "webauthn_challenges"."created_at" AND "webauthn_challenges"."expires_at" <= "webauthn_challenges"."created_at" + interval '10 minutes')
);
--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webauthn_challenges_session_idx" ON "webauthn_challenges" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "webauthn_challenges_browser_idx" ON "webauthn_challenges" USING btree ("browser_key");--> statement-breakpoint
CREATE INDEX "webauthn_challenges_expiry_idx" ON "webauthn_challenges" USING btree ("expires_at");--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "webauthn_challenges" TO baken_app;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON webauthn_challenges TO %I USING (true) WITH CHECK (true)', current_user);
END $$;--> statement-breakpoint
CREATE POLICY webauthn_challenges_own_session ON "webauthn_challenges" TO baken_app
  USING (user_id = (SELECT ctx_user_id()) AND session_id = (SELECT ctx_session_id()))
  WITH CHECK (user_id = (SELECT ctx_user_id()) AND session_id = (SELECT ctx_session_id()) AND purpose <> 'sign_in');--> statement-breakpoint
-- A sign-in challenge for one browser: earlier ones of that browser and expired ones of anyone (a
-- bounded batch) are dropped first, so the table stays small without a clean-up job.
CREATE FUNCTION webauthn_put_sign_in_challenge(p_challenge text, p_browser_key text, p_expires_at timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM webauthn_challenges c
    WHERE c.challenge IN (SELECT x.challenge FROM webauthn_challenges x WHERE x.expires_at < now() ORDER BY x.expires_at LIMIT 100);
  DELETE FROM webauthn_challenges c WHERE c.purpose = 'sign_in' AND c.browser_key = p_browser_key;
  INSERT INTO webauthn_challenges (challenge, purpose, browser_key, expires_at) VALUES (p_challenge, 'sign_in', p_browser_key, p_expires_at);
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION webauthn_put_sign_in_challenge(text, text, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION webauthn_put_sign_in_challenge(text, text, timestamptz) TO baken_app;--> statement-breakpoint
-- Takes (deletes and returns) the browser's sign-in challenge if it has not expired: a challenge
-- answers one attempt, whatever its outcome.
CREATE FUNCTION webauthn_take_sign_in_challenge(p_browser_key text) RETURNS TABLE (challenge text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH taken AS (
    DELETE FROM webauthn_challenges c WHERE c.purpose = 'sign_in' AND c.browser_key = p_browser_key
    RETURNING c.challenge, c.expires_at
  )
  SELECT t.challenge FROM taken t WHERE t.expires_at > now()
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION webauthn_take_sign_in_challenge(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION webauthn_take_sign_in_challenge(text) TO baken_app;--> statement-breakpoint
-- The one credential a sign-in names, with its user, if that user is active. Nothing else of the
-- table is reachable before the user is known.
CREATE FUNCTION webauthn_sign_in_credential(p_id text)
RETURNS TABLE (id text, user_id uuid, public_key bytea, counter bigint, transports text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT w.id, w.user_id, w.public_key, w.counter, w.transports
  FROM webauthn_credentials w JOIN users u ON u.id = w.user_id
  WHERE w.id = p_id AND u.disabled_at IS NULL
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION webauthn_sign_in_credential(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION webauthn_sign_in_credential(text) TO baken_app;--> statement-breakpoint
-- The security log names the passkey an event is about.
ALTER TABLE "mfa_events" ADD COLUMN "detail" text;--> statement-breakpoint
ALTER TABLE "mfa_events" ADD CONSTRAINT "mfa_events_detail" CHECK (char_length("mfa_events"."detail") <= 200);--> statement-breakpoint
ALTER TABLE "mfa_events" DROP CONSTRAINT "mfa_events_kind";--> statement-breakpoint
ALTER TABLE "mfa_events" ADD CONSTRAINT "mfa_events_kind" CHECK ("mfa_events"."kind" in ('totp_enrolled', 'totp_removed', 'recovery_codes_generated', 'recovery_code_used', 'passkey_registered', 'passkey_removed'));
