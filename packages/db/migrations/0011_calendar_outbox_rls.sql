-- Hand-written: RLS for the school calendar and the e-mail outbox, and the mail worker's role.

GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_entries TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON outbox TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['calendar_entries','outbox']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Everyone in the stichting reads the calendar that applies to them (school days are counted on it):
-- the region rows of the stichting and their own school's rows (all schools' for stichting roles).
CREATE POLICY calendar_read ON calendar_entries FOR SELECT TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id())
  AND (school_id IS NULL OR (SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))
);
--> statement-breakpoint
-- Only the stichtingbeheerder maintains it.
CREATE POLICY calendar_write ON calendar_entries FOR ALL TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'stichtingbeheerder')
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'stichtingbeheerder');
--> statement-breakpoint
-- The application queues mail inside the tenant it acts for ...
CREATE POLICY outbox_enqueue ON outbox FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id())
  AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))
);
--> statement-breakpoint
-- ... and the school's directeur and the stichting's beheerder and bestuurder may see what was sent.
CREATE POLICY outbox_read ON outbox FOR SELECT TO baken_app USING (
  stichting_id = (SELECT ctx_stichting_id())
  AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))
  AND (SELECT ctx_role()) IN ('directeur', 'stichtingbeheerder', 'bestuurder')
);
--> statement-breakpoint
-- The mail worker: its own role, which reads and updates the outbox of every tenant and nothing else.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baken_mailer') THEN
    CREATE ROLE baken_mailer NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
GRANT baken_mailer TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO baken_mailer;
--> statement-breakpoint
GRANT SELECT, UPDATE ON outbox TO baken_mailer;
--> statement-breakpoint
CREATE POLICY outbox_worker ON outbox TO baken_mailer USING (true) WITH CHECK (true);
