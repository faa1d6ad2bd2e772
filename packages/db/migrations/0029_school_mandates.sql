-- The bevoegd gezag's mandate to a school's directeur for schorsingen (Awb art. 10:1–10:3), per
-- school and versioned: every grant and withdrawal is a new row (append-only; the app role may not
-- update or delete), with the maximum of school days, the start date and the date of the
-- mandaatbesluit. A decision records the version it was taken under. The earlier yes/no setting per
-- stichting (stichting_settings.directeur_mandate_schorsing) is replaced: where it was set, every
-- school of the stichting gets a mandate up to the sector maximum (5 school days in every sector),
-- starting and decided on the day the setting was last changed; then the column goes.
CREATE TABLE "school_mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"max_school_days" integer,
	"starts_on" date,
	"besluit_on" date NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_mandates_version_key" UNIQUE("school_id","version"),
	CONSTRAINT "school_mandates_action" CHECK ("school_mandates"."action" in ('verleend', 'ingetrokken')),
	CONSTRAINT "school_mandates_grant" CHECK (("school_mandates"."action" = 'verleend') = ("school_mandates"."max_school_days" is not null and "school_mandates"."starts_on" is not null) and ("school_mandates"."max_school_days" is null or "school_mandates"."max_school_days" between 1 and 10))
);
--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "decided_under_mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "school_mandates" ADD CONSTRAINT "school_mandates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_mandates" ADD CONSTRAINT "school_mandates_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_decided_under_mandate_id_school_mandates_id_fk" FOREIGN KEY ("decided_under_mandate_id") REFERENCES "public"."school_mandates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
INSERT INTO "school_mandates" ("stichting_id", "school_id", "version", "action", "max_school_days", "starts_on", "besluit_on")
SELECT sc."stichting_id", sc."id", 1, 'verleend', 5, ss."updated_at"::date, ss."updated_at"::date
FROM "stichting_settings" ss JOIN "schools" sc ON sc."stichting_id" = ss."stichting_id"
WHERE ss."directeur_mandate_schorsing";--> statement-breakpoint
ALTER TABLE "stichting_settings" DROP COLUMN "directeur_mandate_schorsing";--> statement-breakpoint
-- RLS: the stichting's bestuurder and stichtingbeheerder read every school's mandates, school staff
-- their own school's (the directeur's decision checks it); only the bestuurder, acting for the
-- stichting without a school, records a grant or a withdrawal.
GRANT SELECT, INSERT ON "school_mandates" TO baken_app;--> statement-breakpoint
ALTER TABLE "school_mandates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "school_mandates" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$ BEGIN EXECUTE format('CREATE POLICY owner_all ON school_mandates TO %I USING (true) WITH CHECK (true)', current_user); END $$;--> statement-breakpoint
CREATE POLICY school_mandates_read ON "school_mandates" FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id())
         AND ((SELECT ctx_role()) IN ('bestuurder', 'stichtingbeheerder') OR ((SELECT ctx_is_school_staff()) AND school_id = (SELECT ctx_school_id()))));--> statement-breakpoint
CREATE POLICY school_mandates_write ON "school_mandates" FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND (SELECT ctx_role()) = 'bestuurder' AND (SELECT ctx_school_id()) IS NULL);
