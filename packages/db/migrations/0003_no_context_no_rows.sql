-- Hand-written: "no context, no rows" holds for the reference and rate-limit tables too.
-- School years are readable in any signed-in context; login failures only during a login attempt
-- (the only place the domain touches them, inside withContext({ loginEmail })).
DROP POLICY school_years_read ON school_years;
--> statement-breakpoint
CREATE POLICY school_years_read ON school_years FOR SELECT TO baken_app
  USING ((SELECT ctx_user_id()) IS NOT NULL);
--> statement-breakpoint
DROP POLICY login_failures_all ON login_failures;
--> statement-breakpoint
CREATE POLICY login_failures_during_login ON login_failures TO baken_app
  USING ((SELECT ctx_login_email()) IS NOT NULL)
  WITH CHECK ((SELECT ctx_login_email()) IS NOT NULL);
