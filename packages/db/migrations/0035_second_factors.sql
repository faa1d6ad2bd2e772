-- Multi-factor authentication (ADR 024): a TOTP secret per user (encrypted by the application with
-- BAKEN_SECRET_KEY), ten single-use recovery codes per user (SHA-256 of an 80-bit random code),
-- passkeys (WebAuthn credentials), each stichting's policy on which roles must use a second factor
-- (no row: every role), and a log of second-factor events (a recovery-code sign-in above all).
-- RLS: a user sees and changes only their own factors and events (as sessions_own); a policy row
-- is read within its stichting and written by its stichtingbeheerder. The gate asks one SECURITY
-- DEFINER function whether the signed-in user must use a second factor and whether they have one,
-- because a partner's obligation follows the policies of every stichting it is linked to, which
-- the partner may not read.
CREATE TABLE "mfa_totp" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"secret_encrypted" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_used_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mfa_recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webauthn_credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"public_key" bytea NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL,
	"transports" text[] DEFAULT '{}'::text[] NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mfa_policies" (
	"stichting_id" uuid PRIMARY KEY NOT NULL,
	"required_roles" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "mfa_policies_roles" CHECK ("mfa_policies"."required_roles"::role[] is not null)
);
--> statement-breakpoint
CREATE TABLE "mfa_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mfa_events_kind" CHECK ("mfa_events"."kind" in ('totp_enrolled', 'totp_removed', 'recovery_codes_generated', 'recovery_code_used'))
);
--> statement-breakpoint
ALTER TABLE "mfa_totp" ADD CONSTRAINT "mfa_totp_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "mfa_recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_credentials" ADD CONSTRAINT "webauthn_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_policies" ADD CONSTRAINT "mfa_policies_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_policies" ADD CONSTRAINT "mfa_policies_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_events" ADD CONSTRAINT "mfa_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mfa_recovery_codes_hash_key" ON "mfa_recovery_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "mfa_recovery_codes_user_idx" ON "mfa_recovery_codes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "webauthn_credentials_user_idx" ON "webauthn_credentials" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mfa_events_user_idx" ON "mfa_events" USING btree ("user_id","at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "mfa_totp", "mfa_recovery_codes", "webauthn_credentials" TO baken_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "mfa_events" TO baken_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "mfa_policies" TO baken_app;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['mfa_totp','mfa_recovery_codes','webauthn_credentials','mfa_policies','mfa_events']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY mfa_totp_own ON "mfa_totp" TO baken_app
  USING (user_id = (SELECT ctx_user_id())) WITH CHECK (user_id = (SELECT ctx_user_id()));--> statement-breakpoint
CREATE POLICY mfa_recovery_codes_own ON "mfa_recovery_codes" TO baken_app
  USING (user_id = (SELECT ctx_user_id())) WITH CHECK (user_id = (SELECT ctx_user_id()));--> statement-breakpoint
CREATE POLICY webauthn_credentials_own ON "webauthn_credentials" TO baken_app
  USING (user_id = (SELECT ctx_user_id())) WITH CHECK (user_id = (SELECT ctx_user_id()));--> statement-breakpoint
CREATE POLICY mfa_events_own ON "mfa_events" TO baken_app
  USING (user_id = (SELECT ctx_user_id())) WITH CHECK (user_id = (SELECT ctx_user_id()));--> statement-breakpoint
CREATE POLICY mfa_policies_read ON "mfa_policies" FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()));--> statement-breakpoint
CREATE POLICY mfa_policies_insert ON "mfa_policies" FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'stichtingbeheerder' AND (SELECT ctx_school_id()) IS NULL);--> statement-breakpoint
CREATE POLICY mfa_policies_update ON "mfa_policies" FOR UPDATE TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'stichtingbeheerder' AND (SELECT ctx_school_id()) IS NULL)
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()));--> statement-breakpoint
-- The roles a stichting without a policy row requires a second factor of: every role (ADR 024 lists
-- why each one sees personal data). Kept equal to MFA_DEFAULT_ROLES in the domain by a db test.
CREATE FUNCTION mfa_default_roles() RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT enum_range(NULL::role)::text[] $$;
--> statement-breakpoint
-- For the signed-in user (ctx_user_id()): must they use a second factor, and do they have one?
-- A membership of a stichting or school follows that stichting's policy; a partner membership
-- follows the policy of every stichting the partner is linked to (any one requiring the role is
-- enough); a platform_beheerder follows p_platform_required (BAKEN_MFA_PLATFORM, ADR 024).
CREATE FUNCTION ctx_user_mfa_status(p_platform_required boolean)
RETURNS TABLE (required boolean, enrolled boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT
    EXISTS (
      SELECT 1 FROM memberships m
      WHERE m.user_id = ctx_user_id()
        AND (
          (m.role = 'platform_beheerder' AND p_platform_required)
          OR (m.stichting_id IS NOT NULL AND m.role::text = ANY (coalesce(
                (SELECT p.required_roles FROM mfa_policies p WHERE p.stichting_id = m.stichting_id), mfa_default_roles())))
          OR (m.partner_id IS NOT NULL AND EXISTS (
                SELECT 1 FROM partner_links pl
                WHERE pl.partner_id = m.partner_id
                  AND m.role::text = ANY (coalesce(
                    (SELECT p.required_roles FROM mfa_policies p WHERE p.stichting_id = pl.stichting_id), mfa_default_roles()))))
        )
    ),
    EXISTS (SELECT 1 FROM mfa_totp t WHERE t.user_id = ctx_user_id() AND t.confirmed_at IS NOT NULL)
      OR EXISTS (SELECT 1 FROM webauthn_credentials w WHERE w.user_id = ctx_user_id())
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION ctx_user_mfa_status(boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ctx_user_mfa_status(boolean) TO baken_app;
