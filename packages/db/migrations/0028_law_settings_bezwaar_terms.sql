-- Where the law leaves the stichting room, and the terms of a bezwaar against a schorsing (Awb art.
-- 7:10): the age up to which the parents of a vo pupil also receive a decision (null: the rule set's
-- 21), and per bezwaar whether an advisory committee handles it (12 weeks, not 6) and the day the
-- decision was postponed (once, by at most 6 weeks, lid 3).
ALTER TABLE "bezwaren" ADD COLUMN "advisory_committee" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "postponed_on" date;--> statement-breakpoint
ALTER TABLE "stichting_settings" ADD COLUMN "vo_decision_adult_age" integer;--> statement-breakpoint
ALTER TABLE "stichting_settings" ADD CONSTRAINT "stichting_settings_vo_decision_adult_age" CHECK ("stichting_settings"."vo_decision_adult_age" is null or "stichting_settings"."vo_decision_adult_age" between 18 and 21);