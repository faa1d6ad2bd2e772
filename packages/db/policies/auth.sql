-- GENERATED FILE - do not edit. Row-level security of the "auth" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table api_tokens
-- -------------------------------------------------------------------------------------------------
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens TO baken_app;

CREATE POLICY api_tokens_own ON api_tokens AS PERMISSIVE FOR ALL TO baken_app
  USING (
    token_hash = (( SELECT ctx_token_hash() AS ctx_token_hash))
    OR user_id = (( SELECT ctx_user_id() AS ctx_user_id))
  )
  WITH CHECK (user_id = (( SELECT ctx_user_id() AS ctx_user_id)));

CREATE POLICY owner_all ON api_tokens AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table login_failures
-- -------------------------------------------------------------------------------------------------
ALTER TABLE login_failures ENABLE ROW LEVEL SECURITY;
ALTER TABLE login_failures FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, DELETE ON login_failures TO baken_app;

CREATE POLICY login_failures_during_login ON login_failures AS PERMISSIVE FOR ALL TO baken_app
  USING ((( SELECT ctx_login_email() AS ctx_login_email)) IS NOT NULL)
  WITH CHECK ((( SELECT ctx_login_email() AS ctx_login_email)) IS NOT NULL);

CREATE POLICY owner_all ON login_failures AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table mfa_events
-- -------------------------------------------------------------------------------------------------
ALTER TABLE mfa_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfa_events FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON mfa_events TO baken_app;

CREATE POLICY mfa_events_own ON mfa_events AS PERMISSIVE FOR ALL TO baken_app
  USING (user_id = (( SELECT ctx_user_id() AS ctx_user_id)))
  WITH CHECK (user_id = (( SELECT ctx_user_id() AS ctx_user_id)));

CREATE POLICY owner_all ON mfa_events AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table mfa_policies
-- -------------------------------------------------------------------------------------------------
ALTER TABLE mfa_policies ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfa_policies FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON mfa_policies TO baken_app;

CREATE POLICY mfa_policies_insert ON mfa_policies AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  );

CREATE POLICY mfa_policies_read ON mfa_policies AS PERMISSIVE FOR SELECT TO baken_app
  USING (stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id)));

CREATE POLICY mfa_policies_update ON mfa_policies AS PERMISSIVE FOR UPDATE TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (( SELECT ctx_role() AS ctx_role)) = 'stichtingbeheerder'::text
    AND (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
  )
  WITH CHECK (stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id)));

CREATE POLICY owner_all ON mfa_policies AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table mfa_recovery_codes
-- -------------------------------------------------------------------------------------------------
ALTER TABLE mfa_recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfa_recovery_codes FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON mfa_recovery_codes TO baken_app;

CREATE POLICY mfa_recovery_codes_own ON mfa_recovery_codes AS PERMISSIVE FOR ALL TO baken_app
  USING (user_id = (( SELECT ctx_user_id() AS ctx_user_id)))
  WITH CHECK (user_id = (( SELECT ctx_user_id() AS ctx_user_id)));

CREATE POLICY owner_all ON mfa_recovery_codes AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table mfa_totp
-- -------------------------------------------------------------------------------------------------
ALTER TABLE mfa_totp ENABLE ROW LEVEL SECURITY;
ALTER TABLE mfa_totp FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON mfa_totp TO baken_app;

CREATE POLICY mfa_totp_own ON mfa_totp AS PERMISSIVE FOR ALL TO baken_app
  USING (user_id = (( SELECT ctx_user_id() AS ctx_user_id)))
  WITH CHECK (user_id = (( SELECT ctx_user_id() AS ctx_user_id)));

CREATE POLICY owner_all ON mfa_totp AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table rate_limit_buckets
-- -------------------------------------------------------------------------------------------------
ALTER TABLE rate_limit_buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limit_buckets FORCE ROW LEVEL SECURITY;
-- no grants to other roles

CREATE POLICY owner_all ON rate_limit_buckets AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table sessions
-- -------------------------------------------------------------------------------------------------
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO baken_app;

CREATE POLICY owner_all ON sessions AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY sessions_own ON sessions AS PERMISSIVE FOR ALL TO baken_app
  USING (
    id = (( SELECT ctx_session_id() AS ctx_session_id))
    OR user_id = (( SELECT ctx_user_id() AS ctx_user_id))
  )
  WITH CHECK (user_id = (( SELECT ctx_user_id() AS ctx_user_id)));

-- -------------------------------------------------------------------------------------------------
-- Table users
-- -------------------------------------------------------------------------------------------------
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
GRANT SELECT, UPDATE ON users TO baken_app;
GRANT SELECT (email, id, name) ON users TO baken_family;

CREATE POLICY family_self ON users AS PERMISSIVE FOR SELECT TO baken_family
  USING (id = (( SELECT ctx_user_id() AS ctx_user_id)));

CREATE POLICY owner_all ON users AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY users_read ON users AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    id = (( SELECT ctx_user_id() AS ctx_user_id))
    OR email = (( SELECT ctx_login_email() AS ctx_login_email))
    OR (EXISTS ( SELECT 1
          FROM memberships m
         WHERE m.user_id = users.id))
  );

CREATE POLICY users_update_self ON users AS PERMISSIVE FOR UPDATE TO baken_app
  USING (id = (( SELECT ctx_user_id() AS ctx_user_id)))
  WITH CHECK (id = (( SELECT ctx_user_id() AS ctx_user_id)));

-- -------------------------------------------------------------------------------------------------
-- Table webauthn_challenges
-- -------------------------------------------------------------------------------------------------
ALTER TABLE webauthn_challenges ENABLE ROW LEVEL SECURITY;
ALTER TABLE webauthn_challenges FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, DELETE ON webauthn_challenges TO baken_app;

CREATE POLICY owner_all ON webauthn_challenges AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY webauthn_challenges_own_session ON webauthn_challenges AS PERMISSIVE FOR ALL TO baken_app
  USING (
    user_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND session_id = (( SELECT ctx_session_id() AS ctx_session_id))
  )
  WITH CHECK (
    user_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND session_id = (( SELECT ctx_session_id() AS ctx_session_id))
    AND purpose <> 'sign_in'::text
  );

-- -------------------------------------------------------------------------------------------------
-- Table webauthn_credentials
-- -------------------------------------------------------------------------------------------------
ALTER TABLE webauthn_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE webauthn_credentials FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON webauthn_credentials TO baken_app;

CREATE POLICY owner_all ON webauthn_credentials AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

CREATE POLICY webauthn_credentials_own ON webauthn_credentials AS PERMISSIVE FOR ALL TO baken_app
  USING (user_id = (( SELECT ctx_user_id() AS ctx_user_id)))
  WITH CHECK (user_id = (( SELECT ctx_user_id() AS ctx_user_id)));
