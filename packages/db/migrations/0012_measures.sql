CREATE TYPE "public"."measure_kind" AS ENUM('adempauze', 'time_out', 'schorsing', 'verwijdering');--> statement-breakpoint
CREATE TABLE "measure_incidents" (
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	CONSTRAINT "measure_incidents_measure_id_incident_id_pk" PRIMARY KEY("measure_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "measure_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"reference" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"by_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" "measure_kind" NOT NULL,
	"state" text NOT NULL,
	"sector" "sector" NOT NULL,
	"rule_set_id" text NOT NULL,
	"reasons" text NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"school_days" integer,
	"skip_justification" text,
	"proposed_by_id" uuid NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_under_mandate" boolean DEFAULT false NOT NULL,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_id_school_key" UNIQUE("id","school_id"),
	CONSTRAINT "measures_dates" CHECK ("measures"."ends_on" is null or "measures"."starts_on" is null or "measures"."ends_on" >= "measures"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "stichting_settings" (
	"stichting_id" uuid PRIMARY KEY NOT NULL,
	"directeur_mandate_schorsing" boolean DEFAULT false NOT NULL,
	"objection_clause_schorsing" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "measure_incidents" ADD CONSTRAINT "measure_incidents_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_incidents" ADD CONSTRAINT "measure_incidents_measure_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("measure_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_incidents" ADD CONSTRAINT "measure_incidents_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_tasks" ADD CONSTRAINT "measure_tasks_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_tasks" ADD CONSTRAINT "measure_tasks_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_tasks" ADD CONSTRAINT "measure_tasks_measure_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("measure_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_transitions" ADD CONSTRAINT "measure_transitions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_transitions" ADD CONSTRAINT "measure_transitions_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_transitions" ADD CONSTRAINT "measure_transitions_measure_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("measure_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stichting_settings" ADD CONSTRAINT "stichting_settings_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stichting_settings" ADD CONSTRAINT "stichting_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_incidents_incident_idx" ON "measure_incidents" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "measure_tasks_measure_idx" ON "measure_tasks" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_tasks_open_idx" ON "measure_tasks" USING btree ("school_id","due_on");--> statement-breakpoint
CREATE INDEX "measure_transitions_measure_idx" ON "measure_transitions" USING btree ("measure_id","at");--> statement-breakpoint
CREATE INDEX "measures_school_kind_state_idx" ON "measures" USING btree ("school_id","kind","state");--> statement-breakpoint
CREATE INDEX "measures_student_idx" ON "measures" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "measures_stichting_kind_idx" ON "measures" USING btree ("stichting_id","kind");