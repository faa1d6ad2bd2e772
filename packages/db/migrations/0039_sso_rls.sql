-- Row-level security for single sign-on. The stichtingbeheerder, acting for the stichting, reads
-- and writes its own provider (CASL lets no other role near it). Sign-in itself runs before anyone
-- is known, so it reads through three SECURITY DEFINER functions that return only what sign-in
-- needs, the way password login reads exactly one user by the attempted address:
--   sso_login_choices()          the enabled providers' ids and display names (the login page's list)
--   sso_login_provider(id)       one enabled provider's issuer, client id and encrypted secret
--   sso_resolve_user(id, …)      the user a provider's subject or verified e-mail belongs to, linking
--                                the subject on a first match; never creates a user or a membership
-- and sso_only_for_current_user() says whether the signed-in user's password login is refused.
-- sso_identities has no policy for the application at all: only these functions touch it.
GRANT SELECT, INSERT, UPDATE ON "sso_providers" TO baken_app;--> statement-breakpoint
ALTER TABLE "sso_providers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sso_providers" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sso_identities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sso_identities" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON sso_providers TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY owner_all ON sso_identities TO %I USING (true) WITH CHECK (true)', current_user);
END $$;--> statement-breakpoint
CREATE POLICY sso_providers_beheer ON "sso_providers" TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'stichtingbeheerder' AND (SELECT ctx_school_id()) IS NULL)
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'stichtingbeheerder' AND (SELECT ctx_school_id()) IS NULL);--> statement-breakpoint
CREATE FUNCTION sso_login_choices() RETURNS TABLE (id uuid, display_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.display_name FROM sso_providers p WHERE p.enabled ORDER BY p.display_name
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sso_login_choices() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sso_login_choices() TO baken_app;--> statement-breakpoint
CREATE FUNCTION sso_login_provider(p_id uuid)
RETURNS TABLE (id uuid, stichting_id uuid, issuer text, client_id text, client_secret_enc text, mfa_acr_values text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.stichting_id, p.issuer, p.client_id, p.client_secret_enc, p.mfa_acr_values
  FROM sso_providers p WHERE p.id = p_id AND p.enabled
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sso_login_provider(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sso_login_provider(uuid) TO baken_app;--> statement-breakpoint
-- The outcome: 'ok' (with the user), or why not: 'unknown' (no such user, or no e-mail claim),
-- 'unverified' (the provider does not vouch for the address), 'not_member' (no membership in the
-- provider's stichting), 'disabled' (deactivated), 'other_subject' (the user is already linked to
-- another subject of this provider). Only the caller's verified claims are taken: the application
-- validated the ID token before calling.
CREATE FUNCTION sso_resolve_user(p_provider uuid, p_subject text, p_email text, p_email_verified boolean)
RETURNS TABLE (outcome text, user_id uuid, linked boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_stichting uuid;
  v_user users%ROWTYPE;
  v_linked boolean := false;
BEGIN
  SELECT p.stichting_id INTO v_stichting FROM sso_providers p WHERE p.id = p_provider AND p.enabled;
  IF v_stichting IS NULL THEN
    RETURN QUERY SELECT 'unknown'::text, NULL::uuid, false; RETURN;
  END IF;
  SELECT u.* INTO v_user FROM sso_identities i JOIN users u ON u.id = i.user_id
  WHERE i.provider_id = p_provider AND i.subject = p_subject;
  IF v_user.id IS NULL THEN
    IF p_email IS NULL OR p_email = '' THEN
      RETURN QUERY SELECT 'unknown'::text, NULL::uuid, false; RETURN;
    END IF;
    IF NOT coalesce(p_email_verified, false) THEN
      RETURN QUERY SELECT 'unverified'::text, NULL::uuid, false; RETURN;
    END IF;
    SELECT u.* INTO v_user FROM users u WHERE u.email = lower(trim(p_email));
    IF v_user.id IS NULL THEN
      RETURN QUERY SELECT 'unknown'::text, NULL::uuid, false; RETURN;
    END IF;
    v_linked := true;
  END IF;
  IF v_user.disabled_at IS NOT NULL THEN
    RETURN QUERY SELECT 'disabled'::text, NULL::uuid, false; RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = v_user.id AND m.stichting_id = v_stichting) THEN
    RETURN QUERY SELECT 'not_member'::text, NULL::uuid, false; RETURN;
  END IF;
  IF v_linked THEN
    IF EXISTS (SELECT 1 FROM sso_identities i WHERE i.provider_id = p_provider AND i.user_id = v_user.id) THEN
      RETURN QUERY SELECT 'other_subject'::text, NULL::uuid, false; RETURN;
    END IF;
    INSERT INTO sso_identities (provider_id, subject, user_id) VALUES (p_provider, p_subject, v_user.id);
  END IF;
  RETURN QUERY SELECT 'ok'::text, v_user.id, v_linked;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sso_resolve_user(uuid, text, text, boolean) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sso_resolve_user(uuid, text, text, boolean) TO baken_app;--> statement-breakpoint
-- True when every membership of the context's user is a staff role (school or stichting) in a
-- stichting whose enabled provider is set to SSO only. Partner roles and the platform role have no
-- stichting of their own, so a user holding one keeps the password (and the second factor).
CREATE FUNCTION sso_only_for_current_user() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ctx_user_id())
     AND NOT EXISTS (
       SELECT 1 FROM memberships m
       WHERE m.user_id = ctx_user_id()
         AND (m.stichting_id IS NULL
              OR NOT EXISTS (SELECT 1 FROM sso_providers p WHERE p.stichting_id = m.stichting_id AND p.enabled AND p.sso_only)))
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION sso_only_for_current_user() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sso_only_for_current_user() TO baken_app;
