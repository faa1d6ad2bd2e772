-- The admin audit trail: every change to organisations, users, roles, memberships and links, with
-- who made it, when, and the record before and after. Append-only (the app role may only insert and
-- read). Rows of a stichting are read by its stichtingbeheerder and its privacyfunctionaris (AVG
-- art. 5 lid 2, accountability; Normenkader IBP: changes to access are logged). Rows without a
-- stichting are the platform's own (a partner organisation created, a tenant suspended) and are
-- read by the platform_beheerder. The actor is always the user in the context: nobody writes a row
-- in someone else's name.
CREATE TABLE "admin_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid,
	"actor_user_id" uuid NOT NULL,
	"actor_role" "role" NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_audit_action_format" CHECK ("admin_audit"."action" ~ '^[a-z_]+\.[a-z_]+$'),
	CONSTRAINT "admin_audit_changed" CHECK ("admin_audit"."before" IS NOT NULL OR "admin_audit"."after" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "admin_audit" ADD CONSTRAINT "admin_audit_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_audit" ADD CONSTRAINT "admin_audit_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_audit_stichting_created_idx" ON "admin_audit" USING btree ("stichting_id","created_at");--> statement-breakpoint
CREATE INDEX "admin_audit_subject_idx" ON "admin_audit" USING btree ("subject_type","subject_id");--> statement-breakpoint
GRANT SELECT, INSERT ON "admin_audit" TO baken_app;--> statement-breakpoint
ALTER TABLE "admin_audit" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "admin_audit" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$ BEGIN EXECUTE format('CREATE POLICY owner_all ON admin_audit TO %I USING (true) WITH CHECK (true)', current_user); END $$;--> statement-breakpoint
CREATE POLICY admin_audit_read_stichting ON "admin_audit" FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) IN ('stichtingbeheerder', 'privacyfunctionaris'));--> statement-breakpoint
CREATE POLICY admin_audit_read_platform ON "admin_audit" FOR SELECT TO baken_app
  USING (stichting_id IS NULL AND (SELECT ctx_role()) = 'platform_beheerder');--> statement-breakpoint
-- Written by whoever makes the change, in the change's own transaction: a stichting's own staff for
-- their stichting, the platform beheerder for any stichting (creating one and inviting its first
-- beheerder) and for the platform's own rows.
CREATE POLICY admin_audit_write ON "admin_audit" FOR INSERT TO baken_app
  WITH CHECK (actor_user_id = (SELECT ctx_user_id())
              AND actor_role::text = (SELECT ctx_role())
              AND (stichting_id = (SELECT ctx_stichting_id()) OR (SELECT ctx_role()) = 'platform_beheerder'));
