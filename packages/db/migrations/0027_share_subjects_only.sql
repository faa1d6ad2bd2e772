-- What a share names (ADR 013, AVG art. 5(1)(c) minimisation): a share's items name only the
-- pupils the share is about (for a Halt referral: the referred pupil); every other pupil is
-- "leerling A", "leerling B", … in the facts and in free text, as in the parents' report.
--
-- Shares made before this rule named every pupil of a chosen role. They get subjects_only = false
-- here; new rows default to true. Rewriting their stored payloads needs the one name redaction the
-- app uses (longest name first, Unicode word boundaries, possessives, labels consistent with the
-- text), which SQL cannot express without a second implementation; so runMigrations follows the
-- SQL with a TypeScript data step (packages/db/src/migrate-share-subjects.ts) that rewrites every
-- share with subjects_only = false and then sets it. Until then no partner sees such a share.
ALTER TABLE "shares" ADD COLUMN "subjects_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "shares" ALTER COLUMN "subjects_only" SET DEFAULT true;--> statement-breakpoint
-- The partner's branch of the read policy (0020) also requires the rewritten form. Items follow
-- their share, so the items of a share not yet rewritten are invisible to the partner too.
DROP POLICY shares_read ON shares;--> statement-breakpoint
CREATE POLICY shares_read ON shares FOR SELECT TO baken_app USING (
  (stichting_id = (SELECT ctx_stichting_id())
    AND ((SELECT ctx_is_school_staff()) AND school_id = (SELECT ctx_school_id())
         OR (SELECT ctx_role()) IN ('bestuurder','privacyfunctionaris') AND (SELECT ctx_school_id()) IS NULL))
  OR (subjects_only AND ctx_share_active(partner_id, recipient_user_ids, expires_at, revoked_at))
);--> statement-breakpoint
-- A referral's reason and the school's actions reach Halt as free text, so the data step
-- pseudonymises them too. The freeze (0022) keeps binding the application (Halt never rewrites the
-- school's part); the migration owner, like the other guards' (0020), is not bound.
CREATE OR REPLACE FUNCTION halt_referrals_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user <> 'baken_app' THEN RETURN NEW; END IF;
  IF (NEW.stichting_id, NEW.school_id, NEW.partner_id, NEW.student_id, NEW.share_id, NEW.reason, NEW.incident_types,
      NEW.school_actions, NEW.contact_name, NEW.contact_email, NEW.contact_phone, NEW.student_consent_on,
      NEW.parent_consent_on, NEW.report_fields, NEW.created_by_id, NEW.created_at)
     IS DISTINCT FROM
     (OLD.stichting_id, OLD.school_id, OLD.partner_id, OLD.student_id, OLD.share_id, OLD.reason, OLD.incident_types,
      OLD.school_actions, OLD.contact_name, OLD.contact_email, OLD.contact_phone, OLD.student_consent_on,
      OLD.parent_consent_on, OLD.report_fields, OLD.created_by_id, OLD.created_at) THEN
    RAISE EXCEPTION 'halt_referrals: the school''s part of a referral cannot be changed' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
