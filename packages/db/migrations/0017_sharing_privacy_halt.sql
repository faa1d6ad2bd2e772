CREATE TYPE "public"."share_purpose" AS ENUM('strafbare_feiten', 'openbare_orde', 'hulpverlening', 'toezicht_naleving', 'halt_spreekuur', 'leerplicht', 'inspectie');--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain_key" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"role" "role" NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid,
	"partner_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"student_id" uuid,
	"reason" text,
	"break_glass" boolean DEFAULT false NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "access_log_chain_seq_key" UNIQUE("chain_key","seq")
);
--> statement-breakpoint
CREATE TABLE "access_log_heads" (
	"chain_key" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "halt_appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"slot_id" uuid,
	"attendance" text DEFAULT 'gepland' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halt_appointments_kind" CHECK ("halt_appointments"."kind" in ('intake', 'spreekuur', 'gesprek_slachtoffer', 'klassenbijeenkomst')),
	CONSTRAINT "halt_appointments_attendance" CHECK ("halt_appointments"."attendance" in ('gepland', 'aanwezig', 'afwezig_met_bericht', 'afwezig_zonder_bericht'))
);
--> statement-breakpoint
CREATE TABLE "halt_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"component" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"note" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halt_components_referral_component_key" UNIQUE("referral_id","component"),
	CONSTRAINT "halt_components_component" CHECK ("halt_components"."component" in ('reflectie', 'excuses_herstel', 'ouders_docenten', 'sociale_vaardigheden', 'opdrachten', 'netwerk_jim'))
);
--> statement-breakpoint
CREATE TABLE "halt_jims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relation" text NOT NULL,
	"contact" text NOT NULL,
	"agreements" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "halt_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"body" text NOT NULL,
	"by_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "halt_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"incident_types" text[] NOT NULL,
	"school_actions" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"student_consent_on" date NOT NULL,
	"parent_consent_on" date,
	"report_fields" text[] NOT NULL,
	"status" text DEFAULT 'aangemeld' NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"intake_at" timestamp with time zone,
	"outcome" text,
	"outcome_reason" text,
	"closing_report" jsonb,
	"closed_by_id" uuid,
	"closed_at" timestamp with time zone,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halt_referrals_id_partner_key" UNIQUE("id","partner_id"),
	CONSTRAINT "halt_referrals_status" CHECK ("halt_referrals"."status" in ('aangemeld', 'geaccepteerd', 'afgewezen', 'intake_gepland', 'lopend', 'afgesloten')),
	CONSTRAINT "halt_referrals_outcome" CHECK ("halt_referrals"."outcome" is null or "halt_referrals"."outcome" in ('afgerond', 'voortijdig_gestopt', 'niet_verschenen')),
	CONSTRAINT "halt_referrals_closed" CHECK (("halt_referrals"."status" = 'afgesloten') = ("halt_referrals"."closed_at" is not null)),
	CONSTRAINT "halt_referrals_types" CHECK (cardinality("halt_referrals"."incident_types") > 0)
);
--> statement-breakpoint
CREATE TABLE "halt_restorative_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"note" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halt_restorative_steps_kind" CHECK ("halt_restorative_steps"."kind" in ('gesprek_slachtoffer', 'herstel_tussen_groepen', 'klassenbijeenkomst', 'doorverwijzing_hulpverlening'))
);
--> statement-breakpoint
CREATE TABLE "halt_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"location" text NOT NULL,
	"weekday" integer NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "halt_slots_weekday" CHECK ("halt_slots"."weekday" between 1 and 7),
	CONSTRAINT "halt_slots_times" CHECK ("halt_slots"."starts_at" ~ '^[0-2][0-9]:[0-5][0-9]$' and "halt_slots"."ends_at" ~ '^[0-2][0-9]:[0-5][0-9]$' and "halt_slots"."ends_at" > "halt_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_by_id" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_by_id" uuid,
	"lifted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "purge_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"dry_run" boolean NOT NULL,
	"ran_by_id" uuid,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	"as_of" date NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "removal_hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"party" text NOT NULL,
	"heard_on" date NOT NULL,
	"summary" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_case_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"step" text NOT NULL,
	"by_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "report_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"student_id" uuid,
	"incident_id" uuid,
	"summary" text NOT NULL,
	"decision" text,
	"opened_by_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_cases_id_school_key" UNIQUE("id","school_id"),
	CONSTRAINT "report_cases_kind" CHECK ("report_cases"."kind" in ('zedendelict_medewerker', 'meldcode'))
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"stichting_id" uuid NOT NULL,
	"category" text NOT NULL,
	"months" integer NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_settings_stichting_id_category_pk" PRIMARY KEY("stichting_id","category"),
	CONSTRAINT "retention_settings_category" CHECK ("retention_settings"."category" in ('leerlingdossier', 'administratie', 'gedeelde_gegevens', 'toegangslog')),
	CONSTRAINT "retention_settings_months" CHECK ("retention_settings"."months" between 1 and 1200)
);
--> statement-breakpoint
CREATE TABLE "share_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	CONSTRAINT "share_items_share_incident_key" UNIQUE("share_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "share_students" (
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	CONSTRAINT "share_students_share_id_student_id_pk" PRIMARY KEY("share_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"recipient_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"purpose" "share_purpose" NOT NULL,
	"legal_basis" text NOT NULL,
	"fields" text[] NOT NULL,
	"origin" text DEFAULT 'handmatig' NOT NULL,
	"note" text,
	"approved_by_id" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" uuid,
	"revoke_reason" text,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shares_id_school_key" UNIQUE("id","school_id"),
	CONSTRAINT "shares_origin" CHECK ("shares"."origin" in ('handmatig', 'melding', 'aangifte', 'halt_verwijzing')),
	CONSTRAINT "shares_fields" CHECK (cardinality("shares"."fields") > 0),
	CONSTRAINT "shares_revoked" CHECK (("shares"."revoked_at" is null) = ("shares"."revoked_by_id" is null))
);
--> statement-breakpoint
CREATE TABLE "sharing_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid,
	"partner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"public_interest" text NOT NULL,
	"partnership" text NOT NULL,
	"purposes" "share_purpose"[] NOT NULL,
	"data_categories" text[] NOT NULL,
	"conditions" text NOT NULL,
	"recipients" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"retention_days" integer NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sharing_agreements_status" CHECK ("sharing_agreements"."status" in ('concept', 'goedgekeurd', 'beeindigd')),
	CONSTRAINT "sharing_agreements_validity" CHECK ("sharing_agreements"."valid_until" >= "sharing_agreements"."valid_from"),
	CONSTRAINT "sharing_agreements_approved" CHECK (("sharing_agreements"."status" = 'concept') = ("sharing_agreements"."approved_at" is null)),
	CONSTRAINT "sharing_agreements_retention" CHECK ("sharing_agreements"."retention_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stichting_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"requested_by" text NOT NULL,
	"requester_name" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"details" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"handled_by_id" uuid,
	"closed_at" timestamp with time zone,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_requests_kind" CHECK ("subject_requests"."kind" in ('inzage', 'rectificatie', 'beperking', 'bezwaar')),
	CONSTRAINT "subject_requests_by" CHECK ("subject_requests"."requested_by" in ('ouders', 'leerling')),
	CONSTRAINT "subject_requests_status" CHECK ("subject_requests"."status" in ('open', 'afgehandeld', 'afgewezen')),
	CONSTRAINT "subject_requests_closed" CHECK (("subject_requests"."status" = 'open') = ("subject_requests"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "reasons" text;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "decided_by_id" uuid;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "late_reason" text;--> statement-breakpoint
ALTER TABLE "removal_search_attempts" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "halt_appointments" ADD CONSTRAINT "halt_appointments_slot_id_halt_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."halt_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_appointments" ADD CONSTRAINT "halt_appointments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_appointments" ADD CONSTRAINT "halt_appointments_referral_id_partner_id_halt_referrals_id_partner_id_fk" FOREIGN KEY ("referral_id","partner_id") REFERENCES "public"."halt_referrals"("id","partner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_components" ADD CONSTRAINT "halt_components_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_components" ADD CONSTRAINT "halt_components_referral_id_partner_id_halt_referrals_id_partner_id_fk" FOREIGN KEY ("referral_id","partner_id") REFERENCES "public"."halt_referrals"("id","partner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_jims" ADD CONSTRAINT "halt_jims_referral_id_partner_id_halt_referrals_id_partner_id_fk" FOREIGN KEY ("referral_id","partner_id") REFERENCES "public"."halt_referrals"("id","partner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_notes" ADD CONSTRAINT "halt_notes_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_notes" ADD CONSTRAINT "halt_notes_referral_id_partner_id_halt_referrals_id_partner_id_fk" FOREIGN KEY ("referral_id","partner_id") REFERENCES "public"."halt_referrals"("id","partner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_referrals" ADD CONSTRAINT "halt_referrals_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_referrals" ADD CONSTRAINT "halt_referrals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_referrals" ADD CONSTRAINT "halt_referrals_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_referrals" ADD CONSTRAINT "halt_referrals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_referrals" ADD CONSTRAINT "halt_referrals_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_referrals" ADD CONSTRAINT "halt_referrals_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_referrals" ADD CONSTRAINT "halt_referrals_share_id_school_id_shares_id_school_id_fk" FOREIGN KEY ("share_id","school_id") REFERENCES "public"."shares"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_restorative_steps" ADD CONSTRAINT "halt_restorative_steps_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_restorative_steps" ADD CONSTRAINT "halt_restorative_steps_referral_id_partner_id_halt_referrals_id_partner_id_fk" FOREIGN KEY ("referral_id","partner_id") REFERENCES "public"."halt_referrals"("id","partner_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_slots" ADD CONSTRAINT "halt_slots_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "halt_slots" ADD CONSTRAINT "halt_slots_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_lifted_by_id_users_id_fk" FOREIGN KEY ("lifted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purge_runs" ADD CONSTRAINT "purge_runs_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purge_runs" ADD CONSTRAINT "purge_runs_ran_by_id_users_id_fk" FOREIGN KEY ("ran_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_hearings" ADD CONSTRAINT "removal_hearings_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_hearings" ADD CONSTRAINT "removal_hearings_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "removal_hearings" ADD CONSTRAINT "removal_hearings_measure_id_school_id_measures_id_school_id_fk" FOREIGN KEY ("measure_id","school_id") REFERENCES "public"."measures"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_case_steps" ADD CONSTRAINT "report_case_steps_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_case_steps" ADD CONSTRAINT "report_case_steps_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_case_steps" ADD CONSTRAINT "report_case_steps_case_id_school_id_report_cases_id_school_id_fk" FOREIGN KEY ("case_id","school_id") REFERENCES "public"."report_cases"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cases" ADD CONSTRAINT "report_cases_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cases" ADD CONSTRAINT "report_cases_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cases" ADD CONSTRAINT "report_cases_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_cases" ADD CONSTRAINT "report_cases_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_items" ADD CONSTRAINT "share_items_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_items" ADD CONSTRAINT "share_items_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_items" ADD CONSTRAINT "share_items_share_id_school_id_shares_id_school_id_fk" FOREIGN KEY ("share_id","school_id") REFERENCES "public"."shares"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_items" ADD CONSTRAINT "share_items_incident_id_school_id_incidents_id_school_id_fk" FOREIGN KEY ("incident_id","school_id") REFERENCES "public"."incidents"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_students" ADD CONSTRAINT "share_students_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_students" ADD CONSTRAINT "share_students_share_id_school_id_shares_id_school_id_fk" FOREIGN KEY ("share_id","school_id") REFERENCES "public"."shares"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_students" ADD CONSTRAINT "share_students_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_agreement_id_sharing_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."sharing_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shares" ADD CONSTRAINT "shares_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_agreements" ADD CONSTRAINT "sharing_agreements_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_handled_by_id_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_student_id_school_id_students_id_school_id_fk" FOREIGN KEY ("student_id","school_id") REFERENCES "public"."students"("id","school_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_stichting_at_idx" ON "access_log" USING btree ("stichting_id","at");--> statement-breakpoint
CREATE INDEX "access_log_student_idx" ON "access_log" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "access_log_subject_idx" ON "access_log" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "halt_appointments_referral_idx" ON "halt_appointments" USING btree ("referral_id","starts_at");--> statement-breakpoint
CREATE INDEX "halt_notes_referral_idx" ON "halt_notes" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "halt_referrals_partner_idx" ON "halt_referrals" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "halt_referrals_school_idx" ON "halt_referrals" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "halt_slots_partner_idx" ON "halt_slots" USING btree ("partner_id","school_id");--> statement-breakpoint
CREATE INDEX "legal_holds_student_idx" ON "legal_holds" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "purge_runs_stichting_idx" ON "purge_runs" USING btree ("stichting_id","ran_at");--> statement-breakpoint
CREATE INDEX "removal_hearings_measure_idx" ON "removal_hearings" USING btree ("measure_id","heard_on");--> statement-breakpoint
CREATE INDEX "report_case_steps_case_idx" ON "report_case_steps" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "report_cases_school_idx" ON "report_cases" USING btree ("school_id","kind","state");--> statement-breakpoint
CREATE INDEX "share_items_incident_idx" ON "share_items" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "share_students_student_idx" ON "share_students" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "shares_partner_idx" ON "shares" USING btree ("partner_id","expires_at");--> statement-breakpoint
CREATE INDEX "shares_school_idx" ON "shares" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "sharing_agreements_partner_idx" ON "sharing_agreements" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "sharing_agreements_stichting_idx" ON "sharing_agreements" USING btree ("stichting_id");--> statement-breakpoint
CREATE INDEX "subject_requests_due_idx" ON "subject_requests" USING btree ("stichting_id","status","due_on");--> statement-breakpoint
ALTER TABLE "bezwaren" ADD CONSTRAINT "bezwaren_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;