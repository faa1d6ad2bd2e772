-- Authentication of a request in one statement (ADR 032). Until now a signed-in request opened a
-- transaction, set the session context, read the session, set the user context, read the user,
-- read the membership, committed, and for a session without a second factor opened a second
-- transaction for ctx_user_mfa_status(): some ten statements before the request's own work. These
-- functions give the same answer in one statement, outside any transaction block, so one round trip
-- and one implicit transaction.
--
-- They are SECURITY DEFINER: the key (the SHA-256 of the cookie token, or of the API token) is the
-- capability, exactly as the sessions and api_tokens policies treat it (the one row the
-- authentication context names), and each answers only about the one row that key opens: its user,
-- the membership it acts for, that membership's organisation name and the second-factor gate. Only
-- a session whose login role is a member of baken_app may call them (checked inside, because the
-- production login role is NOINHERIT and a single statement cannot first demote itself to
-- baken_app: EXECUTE is checked before the statement runs).
--
-- The refusals are those of validateSessionToken and validateApiToken: an unknown key, an expired
-- session (deleted when presented), an expired or revoked token, a deactivated user, a token whose
-- membership is gone. The clock and the intervals come from the caller (the domain's constants and
-- clock), so the rules stay where they are written.
-- The gate's question (0035) in PL/pgSQL, same logic: a SECURITY DEFINER SQL function is never
-- inlined, so Postgres planned its body again on every call (about 3 ms of planning on the shared
-- 2-core machine, more than the rest of authentication); PL/pgSQL keeps the plan per connection.
CREATE OR REPLACE FUNCTION ctx_user_mfa_status(p_platform_required boolean)
RETURNS TABLE (required boolean, enrolled boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN QUERY SELECT
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
      OR EXISTS (SELECT 1 FROM webauthn_credentials w WHERE w.user_id = ctx_user_id());
END $$;
--> statement-breakpoint
CREATE FUNCTION auth_caller_is_app() RETURNS void LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF NOT pg_has_role(session_user, 'baken_app', 'MEMBER') THEN
    RAISE EXCEPTION 'only the application authenticates requests' USING ERRCODE = '42501';
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION auth_session(
  p_session_id text,
  p_now timestamptz,
  p_lifetime interval,
  p_renew_when_left interval,
  p_last_seen_every interval,
  p_platform_mfa boolean
)
RETURNS TABLE (
  user_id uuid, email text, name text,
  expires_at timestamptz, renewed boolean, method text, second_factor_at timestamptz,
  membership_id uuid, role text, stichting_id uuid, school_id uuid, partner_id uuid, suspended boolean,
  organisation_name text, mfa_required boolean, mfa_enrolled boolean
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_user uuid; v_membership uuid; v_expires timestamptz; v_last_seen timestamptz; v_prev text;
BEGIN
  PERFORM auth_caller_is_app();
  SELECT s.user_id, s.membership_id, s.expires_at, s.last_seen_at, s.method, s.second_factor_at
    INTO v_user, v_membership, v_expires, v_last_seen, method, second_factor_at
    FROM sessions s WHERE s.id = p_session_id;
  IF NOT FOUND THEN RETURN; END IF;
  IF p_now >= v_expires THEN
    DELETE FROM sessions s WHERE s.id = p_session_id;
    RETURN;
  END IF;
  SELECT u.id, u.email, u.name INTO user_id, email, name FROM users u WHERE u.id = v_user AND u.disabled_at IS NULL;
  IF NOT FOUND THEN RETURN; END IF;
  -- Sliding expiry and "last seen", as sessions.ts: at most one write per 5 minutes per session.
  renewed := v_expires - p_now < p_renew_when_left;
  expires_at := CASE WHEN renewed THEN p_now + p_lifetime ELSE v_expires END;
  IF renewed OR p_now - v_last_seen >= p_last_seen_every THEN
    UPDATE sessions s
      SET expires_at = auth_session.expires_at,
          last_seen_at = CASE WHEN p_now - v_last_seen >= p_last_seen_every THEN p_now ELSE s.last_seen_at END
      WHERE s.id = p_session_id;
  END IF;
  SELECT m.id, m.role::text, m.stichting_id, m.school_id, m.partner_id, st.suspended_at IS NOT NULL,
         coalesce(sc.name, CASE WHEN m.school_id IS NULL THEN st.name END, p.name)
    INTO membership_id, role, stichting_id, school_id, partner_id, suspended, organisation_name
    FROM memberships m
    LEFT JOIN stichtingen st ON st.id = m.stichting_id
    LEFT JOIN schools sc ON sc.id = m.school_id
    LEFT JOIN partner_organisations p ON p.id = m.partner_id
    WHERE m.id = v_membership AND m.user_id = v_user;
  -- The gate of ADR 024, only for a session that has proved no second factor: the same function
  -- the gate always asked, for this user (the setting is put back as it was).
  IF second_factor_at IS NULL THEN
    v_prev := current_setting('app.user_id', true);
    PERFORM set_config('app.user_id', v_user::text, true);
    SELECT f.required, f.enrolled INTO mfa_required, mfa_enrolled FROM ctx_user_mfa_status(p_platform_mfa) f;
    PERFORM set_config('app.user_id', coalesce(v_prev, ''), true);
  END IF;
  RETURN NEXT;
END $$;
--> statement-breakpoint
CREATE FUNCTION auth_api_token(p_token_hash text, p_now timestamptz, p_last_used_every interval)
RETURNS TABLE (
  user_id uuid, email text, name text,
  membership_id uuid, role text, stichting_id uuid, school_id uuid, partner_id uuid, suspended boolean,
  organisation_name text
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_token uuid; v_user uuid; v_membership uuid; v_last_used timestamptz;
BEGIN
  PERFORM auth_caller_is_app();
  SELECT t.id, t.user_id, t.membership_id, t.last_used_at INTO v_token, v_user, v_membership, v_last_used
    FROM api_tokens t WHERE t.token_hash = p_token_hash AND t.revoked_at IS NULL AND t.expires_at > p_now;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT u.id, u.email, u.name INTO user_id, email, name FROM users u WHERE u.id = v_user AND u.disabled_at IS NULL;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT m.id, m.role::text, m.stichting_id, m.school_id, m.partner_id, st.suspended_at IS NOT NULL,
         coalesce(sc.name, CASE WHEN m.school_id IS NULL THEN st.name END, p.name)
    INTO membership_id, role, stichting_id, school_id, partner_id, suspended, organisation_name
    FROM memberships m
    LEFT JOIN stichtingen st ON st.id = m.stichting_id
    LEFT JOIN schools sc ON sc.id = m.school_id
    LEFT JOIN partner_organisations p ON p.id = m.partner_id
    WHERE m.id = v_membership AND m.user_id = v_user;
  IF NOT FOUND THEN RETURN; END IF;
  -- Use is recorded at most once a minute, to keep reads cheap.
  IF v_last_used IS NULL OR p_now - v_last_used > p_last_used_every THEN
    UPDATE api_tokens t SET last_used_at = p_now WHERE t.id = v_token;
  END IF;
  RETURN NEXT;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_caller_is_app() FROM PUBLIC;
--> statement-breakpoint
-- EXECUTE for every role, because a NOINHERIT login role cannot use baken_app's grants without a
-- SET ROLE, which a single statement cannot make first; auth_caller_is_app() is the real check.
GRANT EXECUTE ON FUNCTION auth_session(text, timestamptz, interval, interval, interval, boolean) TO PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_api_token(text, timestamptz, interval) TO PUBLIC;
