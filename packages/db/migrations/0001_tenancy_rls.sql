-- Hand-written: the application role, the request context, grants and row-level security.
-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY, role creation or grants.
--
-- The application runs every request as `baken_app` (SET LOCAL ROLE inside the transaction): a role
-- that owns nothing, cannot bypass RLS and sees only what the policies below allow for the context
-- set with set_config('app.*', $1, true). No context: no rows.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baken_app') THEN
    CREATE ROLE baken_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION
  -- Two databases of one cluster migrating at once (tests) may race to create the role.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
-- The migration owner must be able to SET ROLE baken_app (a no-op grant for a superuser).
GRANT baken_app TO CURRENT_USER;
--> statement-breakpoint

-- ---- The request context. Empty or missing settings read as NULL, and NULL matches nothing. ----
CREATE FUNCTION ctx_user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION ctx_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.role', true), '') $$;
--> statement-breakpoint
CREATE FUNCTION ctx_stichting_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.stichting_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION ctx_school_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.school_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION ctx_partner_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.partner_id', true), '')::uuid $$;
--> statement-breakpoint
-- Authentication context: the session being validated, the API token being checked, the e-mail
-- address of a login attempt. Each opens exactly one row of its table.
CREATE FUNCTION ctx_session_id() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.session_id', true), '') $$;
--> statement-breakpoint
CREATE FUNCTION ctx_token_hash() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.token_hash', true), '') $$;
--> statement-breakpoint
CREATE FUNCTION ctx_login_email() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.login_email', true), '') $$;
--> statement-breakpoint

-- ---- Grants: only what the application needs; it owns nothing. ----
GRANT USAGE ON SCHEMA public TO baken_app;
--> statement-breakpoint
GRANT SELECT ON stichtingen, schools, partner_organisations, partner_links, school_years, memberships TO baken_app;
--> statement-breakpoint
GRANT SELECT, UPDATE ON users TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, api_tokens TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON login_failures TO baken_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE login_failures_id_seq TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON groups, group_teachers, students, guardians, student_guardians TO baken_app;
--> statement-breakpoint

-- ---- Row-level security: enabled and forced on every table (FORCE also binds the owner). ----
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['stichtingen','schools','partner_organisations','partner_links','users',
    'memberships','sessions','api_tokens','login_failures','school_years','groups','group_teachers',
    'students','guardians','student_guardians']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END
$$;
--> statement-breakpoint

-- The migration owner keeps full access (it seeds and migrates); FORCE would otherwise lock it out.
-- Policies named owner_all apply only to the role running migrations, never to baken_app.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['stichtingen','schools','partner_organisations','partner_links','users',
    'memberships','sessions','api_tokens','login_failures','school_years','groups','group_teachers',
    'students','guardians','student_guardians']
  LOOP
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint

-- School-owned tables: the caller's stichting, and their school unless they act for the stichting.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['groups','group_teachers','students','guardians','student_guardians']
  LOOP
    EXECUTE format($p$
      CREATE POLICY tenant_isolation ON %I TO baken_app
      USING (stichting_id = (SELECT ctx_stichting_id())
             AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id())))
      WITH CHECK (stichting_id = (SELECT ctx_stichting_id())
             AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id())))
    $p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint

CREATE POLICY partner_links_read ON partner_links FOR SELECT TO baken_app USING (
  partner_id = (SELECT ctx_partner_id())
  OR (stichting_id = (SELECT ctx_stichting_id())
      AND ((SELECT ctx_school_id()) IS NULL OR school_id IS NULL OR school_id = (SELECT ctx_school_id())))
);
--> statement-breakpoint
CREATE POLICY stichtingen_read ON stichtingen FOR SELECT TO baken_app USING (
  id = (SELECT ctx_stichting_id())
  OR (SELECT ctx_role()) = 'platform_beheerder'
  OR EXISTS (SELECT 1 FROM partner_links pl
             WHERE pl.stichting_id = stichtingen.id AND pl.partner_id = (SELECT ctx_partner_id()))
);
--> statement-breakpoint
CREATE POLICY schools_read ON schools FOR SELECT TO baken_app USING (
  (stichting_id = (SELECT ctx_stichting_id())
   AND ((SELECT ctx_school_id()) IS NULL OR id = (SELECT ctx_school_id())))
  OR (SELECT ctx_role()) = 'platform_beheerder'
  OR EXISTS (SELECT 1 FROM partner_links pl
             WHERE pl.partner_id = (SELECT ctx_partner_id()) AND pl.stichting_id = schools.stichting_id
               AND (pl.school_id IS NULL OR pl.school_id = schools.id))
);
--> statement-breakpoint
-- Names of partner organisations are not personal data: any signed-in context may read them.
CREATE POLICY partner_organisations_read ON partner_organisations FOR SELECT TO baken_app
  USING ((SELECT ctx_user_id()) IS NOT NULL);
--> statement-breakpoint
CREATE POLICY school_years_read ON school_years FOR SELECT TO baken_app USING (true);
--> statement-breakpoint

-- Memberships: one's own, and those inside one's own organisation (colleagues).
CREATE POLICY memberships_read ON memberships FOR SELECT TO baken_app USING (
  user_id = (SELECT ctx_user_id())
  OR (stichting_id = (SELECT ctx_stichting_id())
      AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id())))
  OR partner_id = (SELECT ctx_partner_id())
);
--> statement-breakpoint
-- Users: oneself, the account a login attempt names, and colleagues (through visible memberships).
CREATE POLICY users_read ON users FOR SELECT TO baken_app USING (
  id = (SELECT ctx_user_id())
  OR email = (SELECT ctx_login_email())
  OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)
);
--> statement-breakpoint
CREATE POLICY users_update_self ON users FOR UPDATE TO baken_app
  USING (id = (SELECT ctx_user_id())) WITH CHECK (id = (SELECT ctx_user_id()));
--> statement-breakpoint
CREATE POLICY sessions_own ON sessions TO baken_app
  USING (id = (SELECT ctx_session_id()) OR user_id = (SELECT ctx_user_id()))
  WITH CHECK (user_id = (SELECT ctx_user_id()));
--> statement-breakpoint
CREATE POLICY api_tokens_own ON api_tokens TO baken_app
  USING (token_hash = (SELECT ctx_token_hash()) OR user_id = (SELECT ctx_user_id()))
  WITH CHECK (user_id = (SELECT ctx_user_id()));
--> statement-breakpoint
-- Rate-limit counters hold only hashed keys; any context may count and record them.
CREATE POLICY login_failures_all ON login_failures TO baken_app USING (true) WITH CHECK (true);
