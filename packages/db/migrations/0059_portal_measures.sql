-- Hand-written: the measures' side of the parents' portal (ADR 033).
--
-- * portal_items of kind decision_letter (the decision letter of a time-out, schorsing or
--   verwijdering, as sent) and measure_report (the report of a time-out or schorsing) name their
--   measure; one live release per measure, kind and pupil.
-- * measure_acknowledgements: "voor gezien" on a released letter or report, append-only, as
--   incident_acknowledgements are for an incident's report (the school safety protocol has the
--   parents sign the report of a time-out or schorsing).
-- * bezwaren say how they were received (school: recorded by staff; portaal: filed by a guardian),
--   with the grounds (Awb art. 6:5 lid 1 sub d) and the released letter objected to.
-- * family_file_bezwaar(): the family cannot read measures; this SECURITY DEFINER function is the
--   one door through which a guardian's bezwaar reaches the bezwaar workflow. It checks the caller's
--   open link to the pupil, the live released decision letter, and that the decision can be
--   objected to, and inserts nothing else.
ALTER TABLE "portal_items" ADD CONSTRAINT "portal_items_measure" CHECK (("kind" IN ('measure_report', 'decision_letter')) = ("measure_id" IS NOT NULL));--> statement-breakpoint
CREATE UNIQUE INDEX "portal_items_measure_student_key" ON "portal_items" ("measure_id", "kind", "student_id") WHERE "withdrawn_at" IS NULL AND "measure_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "measure_acknowledgements" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "stichting_id" uuid NOT NULL REFERENCES "stichtingen"("id"),
  "school_id" uuid NOT NULL,
  "measure_id" uuid NOT NULL,
  "student_id" uuid NOT NULL,
  -- A withdrawn or purged release leaves the record that "voor gezien" was given.
  "portal_item_id" uuid REFERENCES "portal_items"("id") ON DELETE SET NULL,
  "guardian_name" text NOT NULL,
  "acknowledged_on" date NOT NULL,
  "method" text NOT NULL,
  "reaction" text,
  "recorded_by_id" uuid NOT NULL REFERENCES "users"("id"),
  "recorded_at" timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT "measure_acknowledgements_school_fk" FOREIGN KEY ("school_id", "stichting_id") REFERENCES "schools"("id", "stichting_id"),
  CONSTRAINT "measure_acknowledgements_measure_fk" FOREIGN KEY ("measure_id", "school_id") REFERENCES "measures"("id", "school_id") ON DELETE CASCADE,
  CONSTRAINT "measure_acknowledgements_student_fk" FOREIGN KEY ("student_id", "school_id") REFERENCES "students"("id", "school_id") ON DELETE CASCADE,
  CONSTRAINT "measure_acknowledgements_method" CHECK ("method" IN ('op school getekend', 'digitaal', 'per post', 'mondeling bevestigd')),
  CONSTRAINT "measure_acknowledgements_reaction" CHECK ("reaction" IS NULL OR length("reaction") <= 4000),
  CONSTRAINT "measure_acknowledgements_guardian" CHECK (length(trim("guardian_name")) > 0)
);--> statement-breakpoint
CREATE INDEX "measure_acknowledgements_measure_idx" ON "measure_acknowledgements" ("measure_id");--> statement-breakpoint
ALTER TABLE "measure_acknowledgements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "measure_acknowledgements" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY owner_all ON measure_acknowledgements TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
--> statement-breakpoint
GRANT SELECT ON measure_acknowledgements TO baken_app;--> statement-breakpoint
-- Staff see an acknowledgement with its measure (the measure's own visibility, 0013).
CREATE POLICY measure_acknowledgements_staff ON measure_acknowledgements FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_id));--> statement-breakpoint
GRANT SELECT, INSERT ON measure_acknowledgements TO baken_family;--> statement-breakpoint
CREATE POLICY family_own_acknowledgements ON measure_acknowledgements FOR SELECT TO baken_family
  USING (recorded_by_id = (SELECT ctx_user_id()) AND student_id IN (SELECT l.student_id FROM guardian_links l));--> statement-breakpoint
CREATE POLICY family_acknowledge ON measure_acknowledgements FOR INSERT TO baken_family
  WITH CHECK (method = 'digitaal' AND recorded_by_id = (SELECT ctx_user_id())
              AND EXISTS (SELECT 1 FROM portal_items p
                          WHERE p.id = measure_acknowledgements.portal_item_id
                            AND p.measure_id = measure_acknowledgements.measure_id
                            AND p.student_id = measure_acknowledgements.student_id
                            AND p.school_id = measure_acknowledgements.school_id));--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "received_via" text DEFAULT 'school' NOT NULL;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD CONSTRAINT "bezwaren_received_via" CHECK ("received_via" IN ('school', 'portaal'));--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "grounds" text;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD CONSTRAINT "bezwaren_grounds" CHECK ("grounds" IS NULL OR length("grounds") <= 8000);--> statement-breakpoint
ALTER TABLE "bezwaren" ADD COLUMN "portal_item_id" uuid REFERENCES "portal_items"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "bezwaren" ADD CONSTRAINT "bezwaren_portal" CHECK ("received_via" = 'portaal' OR "portal_item_id" IS NULL);--> statement-breakpoint
-- The family sees its own bezwaren (those it filed in the portal), not the board's reasons.
GRANT SELECT (id, measure_id, received_on, state, decision_due_on, decided_on, outcome, late, received_via, portal_item_id, recorded_by_id, created_at) ON bezwaren TO baken_family;--> statement-breakpoint
CREATE POLICY family_own_bezwaren ON bezwaren FOR SELECT TO baken_family
  USING ((SELECT ctx_is_family()) AND received_via = 'portaal' AND recorded_by_id = (SELECT ctx_user_id())
         AND portal_item_id IN (SELECT p.id FROM portal_items p));--> statement-breakpoint
-- A guardian's bezwaar against a decided schorsing or verwijdering, on the released decision letter.
-- The deadline is computed by the caller from the letter's snapshot (the rule set's terms on the
-- Algemene termijnenwet's days); receipt is the day it is filed. Answers an outcome, never an error
-- that tells whether another pupil's measure exists.
CREATE FUNCTION family_file_bezwaar(p_item uuid, p_received_on date, p_decision_due_on date, p_late boolean, p_grounds text, p_late_reason text, p_step text)
RETURNS TABLE (outcome text, bezwaar_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  it portal_items%ROWTYPE;
  m measures%ROWTYPE;
  new_id uuid := gen_random_uuid();
BEGIN
  IF NOT coalesce(ctx_is_family(), false) THEN RETURN QUERY SELECT 'not_found'::text, NULL::uuid; RETURN; END IF;
  SELECT * INTO it FROM portal_items p
   WHERE p.id = p_item AND p.withdrawn_at IS NULL AND p.kind = 'decision_letter'
     AND EXISTS (SELECT 1 FROM guardian_links l
                  WHERE l.student_id = p.student_id AND l.user_id = ctx_user_id() AND l.ended_at IS NULL
                    AND l.school_id = ctx_school_id() AND l.stichting_id = ctx_stichting_id());
  IF NOT FOUND THEN RETURN QUERY SELECT 'not_found'::text, NULL::uuid; RETURN; END IF;
  SELECT * INTO m FROM measures WHERE id = it.measure_id AND student_id = it.student_id FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'not_found'::text, NULL::uuid; RETURN; END IF;
  IF NOT ((m.kind = 'schorsing' AND m.state IN ('approved', 'letter_sent', 'in_effect', 'meeting_held', 'report_signed', 'ended'))
          OR (m.kind = 'verwijdering' AND m.state IN ('decided', 'searching', 'definitive'))) THEN
    RETURN QUERY SELECT 'not_objectable'::text, NULL::uuid; RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM bezwaren b WHERE b.measure_id = m.id AND b.state <> 'decided') THEN
    RETURN QUERY SELECT 'open'::text, NULL::uuid; RETURN;
  END IF;
  IF coalesce(length(trim(p_grounds)), 0) = 0 OR p_received_on < (it.body->>'decisionSentOn')::date
     OR p_received_on > (now() AT TIME ZONE 'Europe/Amsterdam')::date + 1 OR p_decision_due_on < p_received_on THEN
    RETURN QUERY SELECT 'invalid'::text, NULL::uuid; RETURN;
  END IF;
  INSERT INTO bezwaren (id, stichting_id, school_id, measure_id, received_on, state, decision_due_on, late, late_reason,
                        recorded_by_id, received_via, grounds, portal_item_id)
  VALUES (new_id, m.stichting_id, m.school_id, m.id, p_received_on, 'received', p_decision_due_on, p_late,
          CASE WHEN p_late THEN p_late_reason END, ctx_user_id(), 'portaal', trim(p_grounds), it.id);
  INSERT INTO measure_transitions (stichting_id, school_id, measure_id, from_state, to_state, by_id, reason, data)
  VALUES (m.stichting_id, m.school_id, m.id, m.state, m.state, ctx_user_id(), p_step,
          jsonb_build_object('event', 'bezwaar_ontvangen', 'bezwaarId', new_id, 'via', 'portaal', 'portalItemId', it.id,
                             'decisionSentOn', it.body->>'decisionSentOn', 'late', p_late));
  RETURN QUERY SELECT 'ok'::text, new_id;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION family_file_bezwaar(uuid, date, date, boolean, text, text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION family_file_bezwaar(uuid, date, date, boolean, text, text, text) TO baken_family;
