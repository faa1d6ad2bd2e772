-- Hand-written: a database role of its own for the board's transactions (ADR 028).
--
-- Postgres ORs every permissive policy that applies to the current role. With the board's policies
-- on incidents and their parts written `TO baken_app`, every staff query carried the board's branch
-- too, and under that OR the planner could no longer use the staff policy's
-- `school_id = (SELECT ctx_school_id())` against the query's own school: it sorted a whole
-- schooljaar instead of reading the first page of an index in order. The board's transactions now
-- run as `baken_board` (applyContext chooses it when the acting membership is a bestuurder), and the
-- board's own policies apply to that role only.
--
-- baken_board is a member of baken_app WITH INHERIT: it has baken_app's grants, and the policies
-- `TO baken_app` apply to it as well (Postgres applies a policy to the role's members), so a
-- bestuurder sees exactly what it saw before. baken_app is not a member of baken_board: a staff
-- transaction never gets the board's policies. Like baken_app it cannot log in, owns nothing and
-- cannot bypass RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baken_board') THEN
    CREATE ROLE baken_board NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT;
  END IF;
EXCEPTION
  -- Two databases of one cluster migrating at once (tests) may race to create the role.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
-- baken_board inherits baken_app; the migration owner must be able to SET ROLE baken_board (a no-op
-- grant for a superuser). Granted already (another database of the cluster): nothing to do.
DO $$
DECLARE g text;
BEGIN
  FOREACH g IN ARRAY ARRAY['GRANT baken_app TO baken_board', format('GRANT baken_board TO %I', current_user)]
  LOOP
    BEGIN
      EXECUTE g;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END LOOP;
END
$$;
--> statement-breakpoint
-- Every login role that may already become baken_app (the web server's login role in production,
-- whatever it is called) may become baken_board too, so an upgrade does not lock the board out.
-- New installations grant it by hand (README). Without the right to grant it, the migration says
-- so and goes on: the server refuses to start until the grant is made.
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT u.rolname FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member
    WHERE m.roleid = 'baken_app'::regrole AND u.rolname NOT IN ('baken_board', current_user)
      AND NOT pg_has_role(u.oid, 'baken_board', 'MEMBER')
  LOOP
    BEGIN
      EXECUTE format('GRANT baken_board TO %I', r.rolname);
    EXCEPTION
      WHEN insufficient_privilege THEN
        RAISE WARNING 'baken_board: grant it to %, which may become baken_app (grant baken_board to %)', r.rolname, r.rolname;
      -- Granted meanwhile, or dropped meanwhile (tests drop their login roles as they finish).
      WHEN duplicate_object OR unique_violation OR undefined_object THEN NULL;
    END;
  END LOOP;
END
$$;
--> statement-breakpoint
-- The board's policies: for baken_board only.
ALTER POLICY incidents_read_board ON incidents TO baken_board;--> statement-breakpoint
ALTER POLICY incident_visible_board ON incident_codes TO baken_board;--> statement-breakpoint
ALTER POLICY incident_visible_board ON incident_persons TO baken_board;--> statement-breakpoint
ALTER POLICY board_read ON board_incident_summary TO baken_board;--> statement-breakpoint
ALTER POLICY board_read ON board_incident_type_summary TO baken_board;--> statement-breakpoint
-- The guards that bind the application but not the migration owner (0020, 0022, 0027) tested
-- `current_user <> 'baken_app'`: under baken_board they would have let the board through unbound.
-- They now bind both application roles. Rewritten from their current definitions so the rest of
-- each body stays exactly as it is.
DO $$
DECLARE
  f record;
  body text;
BEGIN
  FOR f IN
    SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prosrc LIKE '%current_user <> ''baken_app''%'
  LOOP
    body := replace(pg_get_functiondef(f.oid), 'current_user <> ''baken_app''',
      'current_user NOT IN (''baken_app'', ''baken_board'')');
    EXECUTE body;
  END LOOP;
END
$$;
