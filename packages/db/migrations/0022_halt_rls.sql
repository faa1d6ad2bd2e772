-- Hand-written: Halt spreekuur (issue 6). A referral is seen by the referring school's staff and by
-- the Halt region it was made to; Halt's workspace (slots, appointments, components, JIM, restorative
-- steps, notes) is Halt's alone: no school, board or police policy exists on those tables.
GRANT SELECT, INSERT, UPDATE ON halt_referrals, halt_slots, halt_appointments, halt_components, halt_jims, halt_restorative_steps TO baken_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON halt_notes TO baken_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['halt_referrals','halt_slots','halt_appointments','halt_components','halt_jims','halt_restorative_steps','halt_notes']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION ctx_is_halt(p_partner uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(ctx_role() = 'halt_medewerker', false) AND p_partner = ctx_partner_id()
$$;
--> statement-breakpoint
-- Halt reads a referral only while the school is still linked to the region (partner_links).
CREATE FUNCTION halt_linked(p_partner uuid, p_stichting uuid, p_school uuid) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT EXISTS (SELECT 1 FROM partner_links l JOIN partner_organisations p ON p.id = l.partner_id
                 WHERE l.partner_id = p_partner AND p.kind = 'halt_region' AND l.stichting_id = p_stichting
                   AND (l.school_id IS NULL OR l.school_id = p_school))
$$;
--> statement-breakpoint
CREATE POLICY halt_referrals_read ON halt_referrals FOR SELECT TO baken_app USING (
  (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id()) AND (SELECT ctx_is_school_staff()))
  OR (ctx_is_halt(partner_id) AND halt_linked(partner_id, stichting_id, school_id))
);
--> statement-breakpoint
-- Only to a Halt region the school is linked to (partner_links), by the school's staff.
CREATE POLICY halt_referrals_insert ON halt_referrals FOR INSERT TO baken_app WITH CHECK (
  stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
  AND (SELECT ctx_is_school_staff()) AND created_by_id = (SELECT ctx_user_id())
  AND halt_linked(partner_id, stichting_id, school_id)
  AND status = 'aangemeld' AND closed_at IS NULL AND decided_at IS NULL AND closing_report IS NULL
);
--> statement-breakpoint
-- Halt moves the referral along (accept, decline, intake, close); the domain limits the columns.
CREATE POLICY halt_referrals_update ON halt_referrals FOR UPDATE TO baken_app
  USING (ctx_is_halt(partner_id)) WITH CHECK (ctx_is_halt(partner_id));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['halt_appointments','halt_components','halt_jims','halt_restorative_steps','halt_notes']
  LOOP
    EXECUTE format('CREATE POLICY halt_only ON %I TO baken_app USING (ctx_is_halt(partner_id)) WITH CHECK (ctx_is_halt(partner_id))', t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- Slots: Halt's own, and only at schools linked to the region.
CREATE POLICY halt_only ON halt_slots TO baken_app USING (ctx_is_halt(partner_id))
  WITH CHECK (ctx_is_halt(partner_id) AND halt_linked(partner_id, stichting_id, school_id));
--> statement-breakpoint
-- Closing a referral mails the school's contact (issue 6). A Halt user acts for no stichting, so the
-- general outbox policy (0011) refuses it; this one allows exactly that mail: tagged with the referral,
-- to its contact address, for its school, once the referral is closed.
CREATE POLICY outbox_halt_closing ON outbox FOR INSERT TO baken_app WITH CHECK (
  (SELECT ctx_role()) = 'halt_medewerker'
  AND subject_ref LIKE 'halt_referral:%'
  AND EXISTS (SELECT 1 FROM halt_referrals r
              WHERE 'halt_referral:' || r.id::text = outbox.subject_ref
                AND ctx_is_halt(r.partner_id)
                AND r.stichting_id = outbox.stichting_id AND r.school_id = outbox.school_id
                AND r.status = 'afgesloten' AND lower(r.contact_email) = lower(outbox.to_address))
);
--> statement-breakpoint
-- Halt moves a referral along but never rewrites what the school sent (reason, consent, contact,
-- the agreed report fields, the share): those columns are frozen after the insert.
CREATE FUNCTION halt_referrals_freeze() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
--> statement-breakpoint
CREATE TRIGGER halt_referrals_freeze BEFORE UPDATE ON halt_referrals FOR EACH ROW EXECUTE FUNCTION halt_referrals_freeze();
