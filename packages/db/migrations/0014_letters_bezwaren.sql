CREATE TYPE "public"."letter_kind" AS ENUM('time_out_kennisgeving', 'schorsing', 'verwijdering', 'bezwaar_beslissing');--> statement-breakpoint
CREATE TABLE "bezwaren" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"committee_from" date,
	"committee_until" date,
	"hearing_on" date,
	"decision_due_on" date NOT NULL,
	"decided_on" date,
	"outcome" text,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"kind" "letter_kind" NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "letter_templates_version_key" UNIQUE("stichting_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "measure_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"kind" "letter_kind" NOT NULL,
	"version" integer NOT NULL,
	"template_id" uuid,
	"pdf_base64" text NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_letters_version_key" UNIQUE("measure_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "removal_search_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"school_name" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bezwaren" ADD CONSTRAINT "bezwaren_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD CONSTRAINT "bezwaren_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD CONSTRAINT "bezwaren_measure_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("measure_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_templates" ADD CONSTRAINT "letter_templates_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_letters" ADD CONSTRAINT "measure_letters_template_id_letter_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."letter_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_letters" ADD CONSTRAINT "measure_letters_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_letters" ADD CONSTRAINT "measure_letters_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_letters" ADD CONSTRAINT "measure_letters_measure_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("measure_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_search_attempts" ADD CONSTRAINT "removal_search_attempts_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_search_attempts" ADD CONSTRAINT "removal_search_attempts_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_search_attempts" ADD CONSTRAINT "removal_search_attempts_measure_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("measure_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bezwaren_due_idx" ON "bezwaren" USING btree ("stichting_id","decision_due_on");--> statement-breakpoint
CREATE INDEX "removal_search_attempts_measure_idx" ON "removal_search_attempts" USING btree ("measure_id","contacted_on");