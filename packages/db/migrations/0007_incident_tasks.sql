CREATE TABLE "incident_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"student_id" uuid,
	"guardian_name" text NOT NULL,
	"acknowledged_on" date NOT NULL,
	"method" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	CONSTRAINT "incident_acknowledgements_method" CHECK ("incident_acknowledgements"."method" in ('op school getekend', 'digitaal', 'per post', 'mondeling bevestigd')),
	CONSTRAINT "incident_acknowledgements_guardian" CHECK (length(trim("incident_acknowledgements"."guardian_name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "incident_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"note" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_tasks_title" CHECK (length(trim("incident_tasks"."title")) > 0),
	CONSTRAINT "incident_tasks_done" CHECK (("incident_tasks"."done_at" is null) = ("incident_tasks"."done_by_id" is null))
);
--> statement-breakpoint
ALTER TABLE "incident_acknowledgements" ADD CONSTRAINT "incident_acknowledgements_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_acknowledgements" ADD CONSTRAINT "incident_acknowledgements_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_acknowledgements" ADD CONSTRAINT "incident_acknowledgements_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_acknowledgements" ADD CONSTRAINT "incident_acknowledgements_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_acknowledgements_incident_idx" ON "incident_acknowledgements" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_tasks_incident_idx" ON "incident_tasks" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_tasks_owner_idx" ON "incident_tasks" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "incident_tasks_open_due_idx" ON "incident_tasks" USING btree ("school_id","due_on") WHERE "incident_tasks"."done_at" is null;