CREATE TYPE "public"."incident_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."iris_multi_list" AS ENUM('voorval', 'voorwerp', 'afhandeling');--> statement-breakpoint
CREATE TYPE "public"."incident_person_kind" AS ENUM('leerling', 'medewerker', 'ouder', 'externe');--> statement-breakpoint
CREATE TYPE "public"."incident_person_role" AS ENUM('dader', 'slachtoffer', 'getuige', 'melder', 'betrokkene');--> statement-breakpoint
CREATE TYPE "public"."police_report_kind" AS ENUM('melding', 'aangifte');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('overig', 'ernstig', 'zeer_ernstig');--> statement-breakpoint
CREATE TABLE "incident_codes" (
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"list" "iris_multi_list" NOT NULL,
	"code" integer NOT NULL,
	CONSTRAINT "incident_codes_incident_id_list_code_pk" PRIMARY KEY("incident_id","list","code")
);
--> statement-breakpoint
CREATE TABLE "incident_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"role" "incident_person_role" NOT NULL,
	"kind" "incident_person_kind" NOT NULL,
	"student_id" uuid,
	"group_id" uuid,
	"description" text,
	"injury" text,
	"outcome" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "incident_persons_kind" CHECK (("incident_persons"."kind" = 'leerling') = ("incident_persons"."student_id" is not null) and ("incident_persons"."kind" = 'leerling' or length(trim(coalesce("incident_persons"."description", ''))) > 0))
);
--> statement-breakpoint
CREATE TABLE "incident_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_by_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "incident_versions_incident_version_key" UNIQUE("incident_id","version")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"status" "incident_status" DEFAULT 'draft' NOT NULL,
	"school_year" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location_code" integer,
	"location_note" text,
	"situation" text DEFAULT '' NOT NULL,
	"verbal_aggression" boolean DEFAULT false NOT NULL,
	"verbal_form" text,
	"verbal_against" text,
	"physical_aggression" boolean DEFAULT false NOT NULL,
	"physical_form" text,
	"physical_against" text,
	"vandalism" boolean DEFAULT false NOT NULL,
	"vandalism_form" text,
	"vandalism_against" text,
	"left_premises" boolean DEFAULT false NOT NULL,
	"object_thrown_at_person" boolean DEFAULT false NOT NULL,
	"motive_code" integer,
	"motive_note" text,
	"analysis" text,
	"agreements" text,
	"parents_contacted" boolean DEFAULT false NOT NULL,
	"parents_contacted_at" timestamp with time zone,
	"parents_contacted_by" text,
	"suggested_severity" "severity" DEFAULT 'overig' NOT NULL,
	"severity" "severity" DEFAULT 'overig' NOT NULL,
	"severity_reason" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"police_report_kind" "police_report_kind",
	"police_reported_on" date,
	"police_reported_by" text,
	"police_on_behalf_of_victim" boolean,
	"reported_by_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "incidents_id_school_key" UNIQUE("id","school_id"),
	CONSTRAINT "incidents_lowering_reason" CHECK ("incidents"."severity" >= "incidents"."suggested_severity" or length(trim(coalesce("incidents"."severity_reason", ''))) > 0),
	CONSTRAINT "incidents_submitted_at" CHECK (("incidents"."status" = 'submitted') = ("incidents"."submitted_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "incident_codes" ADD CONSTRAINT "incident_codes_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_codes" ADD CONSTRAINT "incident_codes_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_persons" ADD CONSTRAINT "incident_persons_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_persons" ADD CONSTRAINT "incident_persons_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_persons" ADD CONSTRAINT "incident_persons_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_versions" ADD CONSTRAINT "incident_versions_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_codes_school_list_code_idx" ON "incident_codes" USING btree ("school_id","list","code");--> statement-breakpoint
CREATE INDEX "incident_persons_incident_idx" ON "incident_persons" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_persons_student_idx" ON "incident_persons" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "incident_persons_group_idx" ON "incident_persons" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "incidents_school_year_idx" ON "incidents" USING btree ("school_id","school_year","occurred_at");--> statement-breakpoint
CREATE INDEX "incidents_reporter_idx" ON "incidents" USING btree ("reported_by_id");