-- Hand-written: the family's portal (ADR 033). A guardian (`ouder`) or a pupil of 16 or older
-- (`leerling`) signs in with a membership of the school, and sees only what a staff member released
-- to the portal about a pupil they are linked to.
--
-- * guardian_links: guardian user ↔ pupil, with started_at/ended_at. An ended link opens nothing
--   from that moment on (custody change, pupil left): every family policy reads only open links.
-- * guardian_invitations: the pupil an invitation of a guardian is for; accept_invitation() makes
--   the link when the invitation is accepted (single use, 72 hours, as every invitation).
-- * portal_items: what the school released, as a snapshot of the redacted per-participant form
--   (other pupils as "leerling A", free text redacted) taken at release (AVG art. 15 lid 4). Only
--   the directeur and the IB release (CASL; the policy below as the second wall). Nothing is
--   exposed automatically.
-- * incident_acknowledgements gain the portal item and the guardian's reaction: a digital "voor
--   gezien" is a row like a paper one (append-only), method 'digitaal'.
--
-- The family runs as a database role of its own, baken_family: NOT a member of baken_app, so none
-- of the staff's policies and grants apply to it, and the staff's policy set stays exactly the
-- staff's (as baken_board in ADR 028). It can read only the few tables granted below, each through a
-- policy that follows the open links of the user in the context. The role of the context is checked
-- as well (ctx_is_family()).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baken_family') THEN
    CREATE ROLE baken_family NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT baken_family TO %I', current_user);
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
-- As 0051 for baken_board: every login role that may become baken_app may become baken_family.
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT u.rolname FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member
    WHERE m.roleid = 'baken_app'::regrole AND u.rolname NOT IN ('baken_board', 'baken_family', current_user)
      AND NOT pg_has_role(u.oid, 'baken_family', 'MEMBER')
  LOOP
    BEGIN
      EXECUTE format('GRANT baken_family TO %I', r.rolname);
    EXCEPTION
      WHEN insufficient_privilege THEN
        RAISE WARNING 'baken_family: grant it to %, which may become baken_app (grant baken_family to %)', r.rolname, r.rolname;
      WHEN duplicate_object OR unique_violation OR undefined_object THEN NULL;
    END;
  END LOOP;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO baken_family;--> statement-breakpoint
-- Family memberships belong to a school, like the school roles (role::text: the enum values are new).
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_scope";--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_scope" CHECK (case
        when role::text in ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon','ouder','leerling')
          then stichting_id is not null and school_id is not null and partner_id is null
        when role::text in ('bestuurder','stichtingbeheerder','privacyfunctionaris')
          then stichting_id is not null and school_id is null and partner_id is null
        when role::text in ('halt_medewerker','politie')
          then partner_id is not null and stichting_id is null and school_id is null
        else partner_id is null and stichting_id is null and school_id is null
      end);--> statement-breakpoint
ALTER TABLE "invitation_memberships" DROP CONSTRAINT "invitation_memberships_scope";--> statement-breakpoint
ALTER TABLE "invitation_memberships" ADD CONSTRAINT "invitation_memberships_scope" CHECK (case
        when role::text in ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon','ouder','leerling')
          then stichting_id is not null and school_id is not null and partner_id is null
        when role::text in ('bestuurder','stichtingbeheerder','privacyfunctionaris')
          then stichting_id is not null and school_id is null and partner_id is null
        when role::text in ('halt_medewerker','politie')
          then partner_id is not null and stichting_id is null and school_id is null
        when role::text = 'platform_beheerder'
          then stichting_id is null and school_id is null and partner_id is null
        else false
      end);--> statement-breakpoint
-- Whether the context is a family member's (a guardian or a pupil acting for themselves).
CREATE FUNCTION ctx_is_family() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(ctx_role() IN ('ouder', 'leerling'), false)
$$;
--> statement-breakpoint
-- The directeur and the IB of a school also invite its pupils' guardians (and pupils from 16), at
-- their own school only; everything else as in 0048.
CREATE OR REPLACE FUNCTION ctx_may_grant(p_role text, p_stichting uuid, p_school uuid, p_partner uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(
    ctx_user_id() IS NOT NULL
    AND role_rank(p_role) <= role_rank(ctx_role())
    AND (
      (ctx_role() = 'stichtingbeheerder' AND ctx_school_id() IS NULL AND p_partner IS NULL
        AND p_stichting = ctx_stichting_id()
        AND p_role IN ('bestuurder','stichtingbeheerder','privacyfunctionaris',
                       'directeur','intern_begeleider','leerkracht','vertrouwenspersoon'))
      OR (ctx_role() = 'directeur' AND p_partner IS NULL
        AND p_stichting = ctx_stichting_id() AND p_school = ctx_school_id()
        AND p_role IN ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon'))
      OR (ctx_role() IN ('directeur','intern_begeleider') AND p_partner IS NULL
        AND p_stichting = ctx_stichting_id() AND p_school = ctx_school_id()
        AND p_role IN ('ouder','leerling'))
      OR (ctx_role() IN ('halt_medewerker','politie') AND p_role = ctx_role()
        AND p_partner = ctx_partner_id() AND p_stichting IS NULL AND p_school IS NULL)
      OR (ctx_role() = 'platform_beheerder' AND (
        (p_role = 'stichtingbeheerder' AND p_stichting IS NOT NULL AND p_school IS NULL AND p_partner IS NULL
          AND NOT org_has_members(p_stichting, NULL))
        OR (p_role IN ('halt_medewerker','politie') AND p_partner IS NOT NULL AND p_stichting IS NULL
          AND NOT org_has_members(NULL, p_partner))))
    ), false)
$$;
--> statement-breakpoint
CREATE TABLE "guardian_links" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "stichting_id" uuid NOT NULL REFERENCES "stichtingen"("id"),
  "school_id" uuid NOT NULL,
  "student_id" uuid NOT NULL,
  "user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
  -- 'ouder': a guardian of the pupil; 'leerling': the pupil's own account (from 16).
  "kind" text NOT NULL,
  -- As the roster names it: moeder, vader, voogd, verzorger; 'zelf' for the pupil.
  "relation" text NOT NULL,
  "started_at" timestamptz DEFAULT now() NOT NULL,
  "ended_at" timestamptz,
  "ended_by_id" uuid REFERENCES "users"("id"),
  "ended_reason" text,
  "created_by_id" uuid REFERENCES "users"("id"),
  CONSTRAINT "guardian_links_school_fk" FOREIGN KEY ("school_id", "stichting_id") REFERENCES "schools"("id", "stichting_id"),
  CONSTRAINT "guardian_links_student_fk" FOREIGN KEY ("student_id", "school_id") REFERENCES "students"("id", "school_id") ON DELETE CASCADE,
  CONSTRAINT "guardian_links_kind" CHECK ("kind" IN ('ouder', 'leerling')),
  CONSTRAINT "guardian_links_ended" CHECK (("ended_at" IS NULL) = ("ended_reason" IS NULL))
);--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_links_open_key" ON "guardian_links" ("user_id", "student_id") WHERE "ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "guardian_links_student_idx" ON "guardian_links" ("student_id");--> statement-breakpoint
CREATE TABLE "guardian_invitations" (
  "invitation_id" uuid PRIMARY KEY NOT NULL REFERENCES "invitations"("id") ON DELETE CASCADE,
  "stichting_id" uuid NOT NULL REFERENCES "stichtingen"("id"),
  "school_id" uuid NOT NULL,
  "student_id" uuid NOT NULL,
  "kind" text NOT NULL,
  "relation" text NOT NULL,
  CONSTRAINT "guardian_invitations_school_fk" FOREIGN KEY ("school_id", "stichting_id") REFERENCES "schools"("id", "stichting_id"),
  CONSTRAINT "guardian_invitations_student_fk" FOREIGN KEY ("student_id", "school_id") REFERENCES "students"("id", "school_id") ON DELETE CASCADE,
  CONSTRAINT "guardian_invitations_kind" CHECK ("kind" IN ('ouder', 'leerling'))
);--> statement-breakpoint
CREATE TABLE "portal_items" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "stichting_id" uuid NOT NULL REFERENCES "stichtingen"("id"),
  "school_id" uuid NOT NULL,
  "student_id" uuid NOT NULL,
  -- incident_report: the parents' report of a zeer ernstig incident; measure_report and
  -- decision_letter: the report of a time-out or schorsing and a decision letter; student_file: the
  -- pupil's file as the AVG export builds it (inzage, AVG art. 15).
  "kind" text NOT NULL,
  "incident_id" uuid,
  "measure_id" uuid,
  "title" text NOT NULL,
  -- The incident was confidential when released (sexual intimidation, abuse): among staff only the
  -- directeur and the vertrouwenspersoon see the release, as they alone see the incident.
  "confidential" boolean DEFAULT false NOT NULL,
  -- The redacted per-participant form as released: the family reads this, never the record itself.
  "body" jsonb NOT NULL,
  "released_by_id" uuid NOT NULL REFERENCES "users"("id"),
  "released_at" timestamptz DEFAULT now() NOT NULL,
  "withdrawn_at" timestamptz,
  "withdrawn_by_id" uuid REFERENCES "users"("id"),
  CONSTRAINT "portal_items_school_fk" FOREIGN KEY ("school_id", "stichting_id") REFERENCES "schools"("id", "stichting_id"),
  CONSTRAINT "portal_items_student_fk" FOREIGN KEY ("student_id", "school_id") REFERENCES "students"("id", "school_id") ON DELETE CASCADE,
  CONSTRAINT "portal_items_incident_fk" FOREIGN KEY ("incident_id", "school_id") REFERENCES "incidents"("id", "school_id") ON DELETE CASCADE,
  CONSTRAINT "portal_items_measure_fk" FOREIGN KEY ("measure_id", "school_id") REFERENCES "measures"("id", "school_id") ON DELETE CASCADE,
  CONSTRAINT "portal_items_kind" CHECK ("kind" IN ('incident_report', 'measure_report', 'decision_letter', 'student_file')),
  CONSTRAINT "portal_items_source" CHECK (("kind" = 'incident_report') = ("incident_id" IS NOT NULL)),
  CONSTRAINT "portal_items_withdrawn" CHECK (("withdrawn_at" IS NULL) = ("withdrawn_by_id" IS NULL)),
  CONSTRAINT "portal_items_title" CHECK (length(trim("title")) > 0)
);--> statement-breakpoint
-- One live release of an incident's report per pupil.
CREATE UNIQUE INDEX "portal_items_incident_student_key" ON "portal_items" ("incident_id", "student_id") WHERE "withdrawn_at" IS NULL AND "incident_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "portal_items_student_idx" ON "portal_items" ("student_id", "released_at");--> statement-breakpoint
-- A withdrawn or purged release leaves the acknowledgement (the record that it was given) in place.
ALTER TABLE "incident_acknowledgements" ADD COLUMN "portal_item_id" uuid REFERENCES "portal_items"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "incident_acknowledgements" ADD COLUMN "reaction" text;--> statement-breakpoint
ALTER TABLE "incident_acknowledgements" ADD CONSTRAINT "incident_acknowledgements_reaction" CHECK ("reaction" IS NULL OR length("reaction") <= 4000);--> statement-breakpoint
CREATE INDEX "incident_acknowledgements_portal_item_idx" ON "incident_acknowledgements" ("portal_item_id") WHERE "portal_item_id" IS NOT NULL;--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['guardian_links', 'guardian_invitations', 'portal_items']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner_all ON %I TO %I USING (true) WITH CHECK (true)', t, current_user);
  END LOOP;
END
$$;
--> statement-breakpoint
-- ---- The staff's side (baken_app). ----
GRANT SELECT, INSERT ON guardian_links, guardian_invitations, portal_items TO baken_app;--> statement-breakpoint
GRANT UPDATE (ended_at, ended_by_id, ended_reason) ON guardian_links TO baken_app;--> statement-breakpoint
GRANT UPDATE (withdrawn_at, withdrawn_by_id) ON portal_items TO baken_app;--> statement-breakpoint
-- The school's staff see the school's links and releases; the directeur and the IB make and end them.
CREATE POLICY guardian_links_staff ON guardian_links FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id()));--> statement-breakpoint
CREATE POLICY guardian_links_lead_insert ON guardian_links FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
              AND (SELECT ctx_role()) IN ('directeur', 'intern_begeleider') AND ended_at IS NULL);--> statement-breakpoint
CREATE POLICY guardian_links_lead_end ON guardian_links FOR UPDATE TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
         AND (SELECT ctx_role()) IN ('directeur', 'intern_begeleider'))
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id()));--> statement-breakpoint
CREATE POLICY guardian_invitations_staff ON guardian_invitations FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id()));--> statement-breakpoint
CREATE POLICY guardian_invitations_lead ON guardian_invitations FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
              AND (SELECT ctx_role()) IN ('directeur', 'intern_begeleider')
              AND EXISTS (SELECT 1 FROM invitations i WHERE i.id = guardian_invitations.invitation_id
                            AND i.invited_by = (SELECT ctx_user_id()) AND i.accepted_at IS NULL));--> statement-breakpoint
CREATE POLICY portal_items_staff ON portal_items FOR SELECT TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
         AND (SELECT ctx_role()) IN ('directeur', 'intern_begeleider', 'vertrouwenspersoon')
         AND (NOT confidential OR (SELECT ctx_role()) IN ('directeur', 'vertrouwenspersoon')));--> statement-breakpoint
CREATE POLICY portal_items_release ON portal_items FOR INSERT TO baken_app
  WITH CHECK (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
              AND (SELECT ctx_role()) IN ('directeur', 'intern_begeleider')
              AND released_by_id = (SELECT ctx_user_id()) AND withdrawn_at IS NULL);--> statement-breakpoint
CREATE POLICY portal_items_withdraw ON portal_items FOR UPDATE TO baken_app
  USING (stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id())
         AND (SELECT ctx_role()) IN ('directeur', 'intern_begeleider') AND withdrawn_at IS NULL)
  WITH CHECK (withdrawn_by_id = (SELECT ctx_user_id()));--> statement-breakpoint
-- ---- The family's side (baken_family): its own links, and through them its own child. ----
-- The open links of the user in the context, at the school of the membership it acts for.
GRANT SELECT ON guardian_links, portal_items, students, schools, groups, shares, share_students, partner_organisations, incident_acknowledgements, subject_requests TO baken_family;--> statement-breakpoint
GRANT SELECT (id, name, email) ON users TO baken_family;--> statement-breakpoint
GRANT INSERT ON incident_acknowledgements, subject_requests TO baken_family;--> statement-breakpoint
CREATE POLICY guardian_links_own ON guardian_links FOR SELECT TO baken_family
  USING ((SELECT ctx_is_family()) AND user_id = (SELECT ctx_user_id()) AND ended_at IS NULL
         AND stichting_id = (SELECT ctx_stichting_id()) AND school_id = (SELECT ctx_school_id()));--> statement-breakpoint
CREATE POLICY family_own_child ON students FOR SELECT TO baken_family
  USING (id IN (SELECT l.student_id FROM guardian_links l));--> statement-breakpoint
CREATE POLICY family_own_school ON schools FOR SELECT TO baken_family
  USING ((SELECT ctx_is_family()) AND id = (SELECT ctx_school_id()));--> statement-breakpoint
CREATE POLICY family_own_group ON groups FOR SELECT TO baken_family
  USING (id IN (SELECT s.group_id FROM students s));--> statement-breakpoint
CREATE POLICY family_released ON portal_items FOR SELECT TO baken_family
  USING (withdrawn_at IS NULL AND student_id IN (SELECT l.student_id FROM guardian_links l));--> statement-breakpoint
-- Who received the child's data: the shares that name the child as a subject, and their recipients.
CREATE POLICY family_own_child ON share_students FOR SELECT TO baken_family
  USING (student_id IN (SELECT l.student_id FROM guardian_links l));--> statement-breakpoint
CREATE POLICY family_child_shares ON shares FOR SELECT TO baken_family
  USING (id IN (SELECT ss.share_id FROM share_students ss));--> statement-breakpoint
CREATE POLICY family_recipients ON partner_organisations FOR SELECT TO baken_family
  USING (id IN (SELECT s.partner_id FROM shares s));--> statement-breakpoint
CREATE POLICY family_self ON users FOR SELECT TO baken_family
  USING (id = (SELECT ctx_user_id()));--> statement-breakpoint
-- "Voor gezien": the family's own acknowledgements, and a new one only for a released report of its
-- own child, by the user in the context, digital. Append-only: no UPDATE or DELETE is granted.
CREATE POLICY family_own_acknowledgements ON incident_acknowledgements FOR SELECT TO baken_family
  USING (portal_item_id IS NOT NULL AND recorded_by_id = (SELECT ctx_user_id())
         AND student_id IN (SELECT l.student_id FROM guardian_links l));--> statement-breakpoint
CREATE POLICY family_acknowledge ON incident_acknowledgements FOR INSERT TO baken_family
  WITH CHECK (method = 'digitaal' AND recorded_by_id = (SELECT ctx_user_id())
              AND EXISTS (SELECT 1 FROM portal_items p
                          WHERE p.id = incident_acknowledgements.portal_item_id
                            AND p.incident_id = incident_acknowledgements.incident_id
                            AND p.student_id = incident_acknowledgements.student_id
                            AND p.school_id = incident_acknowledgements.school_id));--> statement-breakpoint
-- AVG requests (art. 15–21) about the own child, filed by the user in the context, open.
CREATE POLICY family_own_requests ON subject_requests FOR SELECT TO baken_family
  USING (created_by_id = (SELECT ctx_user_id()) AND student_id IN (SELECT l.student_id FROM guardian_links l));--> statement-breakpoint
CREATE POLICY family_request ON subject_requests FOR INSERT TO baken_family
  WITH CHECK (created_by_id = (SELECT ctx_user_id()) AND status = 'open' AND handled_by_id IS NULL
              AND school_id = (SELECT ctx_school_id())
              AND student_id IN (SELECT l.student_id FROM guardian_links l));--> statement-breakpoint
-- Which organisations looked at the child's data, from the access log: per organisation (a school,
-- the stichting's office, a partner) and month, never the staff member (AVG art. 15 lid 1 c names
-- recipients, not persons). SECURITY DEFINER, because the access log is the FG's: it answers only
-- for a pupil with an open link of the user in a family context.
CREATE FUNCTION family_child_viewers(p_student uuid)
RETURNS TABLE (organisation text, kind text, month date, views bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(p.name, sc.name, st.name) AS organisation,
         CASE WHEN a.partner_id IS NOT NULL THEN 'partner' WHEN a.school_id IS NOT NULL THEN 'school' ELSE 'stichting' END AS kind,
         date_trunc('month', a.at AT TIME ZONE 'Europe/Amsterdam')::date AS month,
         count(*) AS views
    FROM access_log a
    LEFT JOIN partner_organisations p ON p.id = a.partner_id
    LEFT JOIN schools sc ON sc.id = a.school_id
    JOIN stichtingen st ON st.id = a.stichting_id
   WHERE a.student_id = p_student
     AND ctx_is_family()
     AND EXISTS (SELECT 1 FROM guardian_links l
                  WHERE l.student_id = p_student AND l.user_id = ctx_user_id() AND l.ended_at IS NULL
                    AND l.school_id = ctx_school_id() AND l.stichting_id = ctx_stichting_id())
   GROUP BY 1, 2, 3
   ORDER BY 3 DESC, 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION family_child_viewers(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION family_child_viewers(uuid) TO baken_family;--> statement-breakpoint
-- Accepting an invitation of a guardian also makes the link to the pupil; the rest as in 0046.
CREATE OR REPLACE FUNCTION accept_invitation(p_token_hash text, p_name text, p_password_hash text)
RETURNS TABLE (outcome text, user_id uuid, membership_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  inv invitations%ROWTYPE;
  uid uuid;
  first_membership uuid;
  first_role role;
  inviter_disabled timestamptz;
BEGIN
  SELECT * INTO inv FROM invitations WHERE token_hash = p_token_hash FOR UPDATE;
  IF NOT FOUND THEN RETURN QUERY SELECT 'not_found'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  SELECT disabled_at INTO inviter_disabled FROM users WHERE id = inv.invited_by;
  IF inv.revoked_at IS NOT NULL OR inviter_disabled IS NOT NULL THEN
    RETURN QUERY SELECT 'revoked'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  IF inv.accepted_at IS NOT NULL THEN RETURN QUERY SELECT 'used'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  IF inv.expires_at <= now() THEN RETURN QUERY SELECT 'expired'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  SELECT id INTO uid FROM users WHERE email = inv.email;
  IF uid IS NOT NULL THEN
    IF ctx_user_id() IS DISTINCT FROM uid THEN
      RETURN QUERY SELECT 'sign_in'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  ELSE
    IF coalesce(trim(p_name), '') = '' OR p_password_hash IS NULL THEN
      RETURN QUERY SELECT 'needs_password'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
    INSERT INTO users (email, name, password_hash) VALUES (inv.email, trim(p_name), p_password_hash) RETURNING id INTO uid;
  END IF;
  INSERT INTO memberships (user_id, role, stichting_id, school_id, partner_id)
    SELECT uid, im.role, im.stichting_id, im.school_id, im.partner_id FROM invitation_memberships im
    WHERE im.invitation_id = inv.id
    ON CONFLICT ON CONSTRAINT memberships_unique DO NOTHING;
  INSERT INTO guardian_links (stichting_id, school_id, student_id, user_id, kind, relation, created_by_id)
    SELECT gi.stichting_id, gi.school_id, gi.student_id, uid, gi.kind, gi.relation, inv.invited_by
      FROM guardian_invitations gi
     WHERE gi.invitation_id = inv.id
       AND NOT EXISTS (SELECT 1 FROM guardian_links l WHERE l.user_id = uid AND l.student_id = gi.student_id AND l.ended_at IS NULL);
  SELECT m.id, m.role INTO first_membership, first_role FROM memberships m
    JOIN invitation_memberships im ON im.invitation_id = inv.id AND im.role = m.role
      AND im.stichting_id IS NOT DISTINCT FROM m.stichting_id AND im.school_id IS NOT DISTINCT FROM m.school_id
      AND im.partner_id IS NOT DISTINCT FROM m.partner_id
    WHERE m.user_id = uid ORDER BY role_rank(m.role::text) DESC, m.id LIMIT 1;
  UPDATE invitations SET accepted_at = now(), accepted_user_id = uid WHERE id = inv.id;
  INSERT INTO admin_audit (stichting_id, actor_user_id, actor_role, action, subject_type, subject_id, before, after)
    VALUES (inv.stichting_id, uid, coalesce(first_role, 'leerkracht'), 'invitation.accepted', 'invitation', inv.id, NULL,
            jsonb_build_object('userId', uid, 'email', inv.email,
              'memberships', (SELECT jsonb_agg(jsonb_build_object('role', im.role, 'stichtingId', im.stichting_id,
                                'schoolId', im.school_id, 'partnerId', im.partner_id))
                              FROM invitation_memberships im WHERE im.invitation_id = inv.id)));
  RETURN QUERY SELECT 'accepted'::text, uid, first_membership;
END
$$;
--> statement-breakpoint
-- A family member's session is short: 7 days, sliding (renewed when less than 6 days are left, so at
-- most one write a day), whatever lifetime the caller passes; a longer session is cut back on its
-- next use. Otherwise as in 0054.
CREATE OR REPLACE FUNCTION auth_session(
  p_session_id text,
  p_now timestamptz,
  p_lifetime interval,
  p_renew_when_left interval,
  p_last_seen_every interval,
  p_platform_mfa boolean
)
RETURNS TABLE (
  user_id uuid, email text, name text,
  expires_at timestamptz, renewed boolean, method text, second_factor_at timestamptz,
  membership_id uuid, role text, stichting_id uuid, school_id uuid, partner_id uuid, suspended boolean,
  organisation_name text, mfa_required boolean, mfa_enrolled boolean
)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_user uuid; v_membership uuid; v_expires timestamptz; v_last_seen timestamptz; v_prev text;
  v_lifetime interval := p_lifetime; v_renew interval := p_renew_when_left;
BEGIN
  PERFORM auth_caller_is_app();
  SELECT s.user_id, s.membership_id, s.expires_at, s.last_seen_at, s.method, s.second_factor_at
    INTO v_user, v_membership, v_expires, v_last_seen, method, second_factor_at
    FROM sessions s WHERE s.id = p_session_id;
  IF NOT FOUND THEN RETURN; END IF;
  IF p_now >= v_expires THEN
    DELETE FROM sessions s WHERE s.id = p_session_id;
    RETURN;
  END IF;
  SELECT u.id, u.email, u.name INTO user_id, email, name FROM users u WHERE u.id = v_user AND u.disabled_at IS NULL;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT m.id, m.role::text, m.stichting_id, m.school_id, m.partner_id, st.suspended_at IS NOT NULL,
         coalesce(sc.name, CASE WHEN m.school_id IS NULL THEN st.name END, p.name)
    INTO membership_id, role, stichting_id, school_id, partner_id, suspended, organisation_name
    FROM memberships m
    LEFT JOIN stichtingen st ON st.id = m.stichting_id
    LEFT JOIN schools sc ON sc.id = m.school_id
    LEFT JOIN partner_organisations p ON p.id = m.partner_id
    WHERE m.id = v_membership AND m.user_id = v_user;
  IF role IN ('ouder', 'leerling') THEN
    v_lifetime := least(p_lifetime, interval '7 days');
    v_renew := least(p_renew_when_left, interval '6 days');
  END IF;
  renewed := v_expires - p_now < v_renew OR v_expires > p_now + v_lifetime;
  expires_at := CASE WHEN renewed THEN p_now + v_lifetime ELSE v_expires END;
  IF renewed OR p_now - v_last_seen >= p_last_seen_every THEN
    UPDATE sessions s
      SET expires_at = auth_session.expires_at,
          last_seen_at = CASE WHEN p_now - v_last_seen >= p_last_seen_every THEN p_now ELSE s.last_seen_at END
      WHERE s.id = p_session_id;
  END IF;
  IF second_factor_at IS NULL THEN
    v_prev := current_setting('app.user_id', true);
    PERFORM set_config('app.user_id', v_user::text, true);
    SELECT f.required, f.enrolled INTO mfa_required, mfa_enrolled FROM ctx_user_mfa_status(p_platform_mfa) f;
    PERFORM set_config('app.user_id', coalesce(v_prev, ''), true);
  END IF;
  RETURN NEXT;
END $$;
--> statement-breakpoint
-- The purge (0021), with the portal's rows of a pupil whose file is due; otherwise unchanged.
CREATE OR REPLACE FUNCTION privacy_purge(p_as_of date, p_expected jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_stichting uuid := privacy_purge_caller();
  plan jsonb;
  e jsonb;
  x text;
  v_due uuid[];
  v_admin uuid[];
BEGIN
  -- One purge per stichting at a time.
  PERFORM pg_advisory_xact_lock(hashtext('privacy_purge:' || v_stichting::text));
  plan := privacy_purge_plan(v_stichting, p_as_of);
  IF p_expected IS NOT NULL AND plan IS DISTINCT FROM p_expected THEN
    RETURN jsonb_build_object('changed', true, 'plan', plan);
  END IF;
  v_due := ARRAY(SELECT (d->>'studentId')::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d);
  v_admin := ARRAY(SELECT (d->>'studentId')::uuid FROM jsonb_array_elements(plan->'administratie') d);

  DELETE FROM report_cases WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'reportCases') y);
  DELETE FROM halt_referrals WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'referrals') y);
  DELETE FROM measures WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'measures') y);
  DELETE FROM share_items WHERE stichting_id = v_stichting AND incident_id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'incidentsDeleted') y);
  DELETE FROM shares WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'sharesDeleted') y);
  DELETE FROM share_students WHERE stichting_id = v_stichting AND student_id = ANY (v_due);
  DELETE FROM incident_acknowledgements WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'acknowledgements') y);
  DELETE FROM incidents WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'incidentsDeleted') y);
  FOR e IN SELECT d FROM jsonb_array_elements(plan->'leerlingdossier') d LOOP
    FOR x IN SELECT jsonb_array_elements_text(e->'incidentsAnonymised') LOOP
      PERFORM privacy_anonymise_participation(x::uuid, (e->>'studentId')::uuid);
    END LOOP;
  END LOOP;
  -- The parents' portal (0058): what was released about the pupil, and the links and invitations to
  -- it, belong to the pupil's file and go with it (AVG art. 5 lid 1 e).
  DELETE FROM portal_items WHERE stichting_id = v_stichting AND student_id = ANY (v_due);
  DELETE FROM guardian_invitations WHERE stichting_id = v_stichting AND student_id = ANY (v_due);
  DELETE FROM guardian_links WHERE stichting_id = v_stichting AND student_id = ANY (v_due);
  DELETE FROM student_guardians WHERE stichting_id = v_stichting AND student_id = ANY (v_due);
  DELETE FROM guardians WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'leerlingdossier') d, jsonb_array_elements_text(d->'guardians') y);

  DELETE FROM share_items WHERE stichting_id = v_stichting AND id IN
    (SELECT y::uuid FROM jsonb_array_elements(plan->'gedeeldeGegevens') d, jsonb_array_elements_text(d->'items') y);

  -- Administration: the student record itself (its requests and lifted holds go with it).
  DELETE FROM students WHERE stichting_id = v_stichting AND id = ANY (v_admin);
  RETURN jsonb_build_object('changed', false, 'plan', plan);
END
$$;
