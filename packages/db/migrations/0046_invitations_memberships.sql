-- Invitations and the management of memberships and users. "Nobody grants a role above their own"
-- lives here, in the database, not only in the forms: role_rank() orders the roles, and
-- ctx_may_grant() says whether the acting role may grant (and so change or end) one membership:
--   * the stichtingbeheerder: stichting and school roles of its own stichting, up to its own rank;
--   * the directeur: the school roles of its own school, up to its own rank;
--   * the platform_beheerder: only the first stichtingbeheerder of a stichting that has none, or the
--     first user of a partner organisation that has none.
-- The same check guards memberships (insert, update, delete) and the memberships an invitation
-- offers. An invitation carries only the SHA-256 of its token (the token itself is only in the
-- mail), expires after 72 hours and is accepted once; the invitee has no tenant context, so reading
-- and accepting it go through two SECURITY DEFINER functions that open exactly the invitation whose
-- token hash they are given. Ending a membership deletes it (the admin audit keeps the record; the
-- membership's API tokens go with it by their foreign key). Deactivating a user (disabled_at)
-- deletes their sessions and revokes their API tokens in the same statement (set_user_disabled).
CREATE FUNCTION role_rank(p_role text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE p_role
    WHEN 'platform_beheerder' THEN 100
    WHEN 'stichtingbeheerder' THEN 80
    WHEN 'bestuurder' THEN 70
    WHEN 'privacyfunctionaris' THEN 70
    WHEN 'directeur' THEN 50
    WHEN 'intern_begeleider' THEN 40
    WHEN 'vertrouwenspersoon' THEN 40
    WHEN 'leerkracht' THEN 30
    WHEN 'halt_medewerker' THEN 30
    WHEN 'politie' THEN 30
    ELSE 0
  END
$$;
--> statement-breakpoint
-- SECURITY DEFINER: the platform_beheerder cannot read a stichting's memberships.
CREATE FUNCTION org_has_members(p_stichting uuid, p_partner uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM memberships m
                 WHERE (p_stichting IS NOT NULL AND m.stichting_id = p_stichting AND m.role = 'stichtingbeheerder')
                    OR (p_partner IS NOT NULL AND m.partner_id = p_partner))
$$;
--> statement-breakpoint
CREATE FUNCTION ctx_may_grant(p_role text, p_stichting uuid, p_school uuid, p_partner uuid) RETURNS boolean
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
      OR (ctx_role() = 'platform_beheerder' AND (
        (p_role = 'stichtingbeheerder' AND p_stichting IS NOT NULL AND p_school IS NULL AND p_partner IS NULL
          AND NOT org_has_members(p_stichting, NULL))
        OR (p_role IN ('halt_medewerker','politie') AND p_partner IS NOT NULL AND p_stichting IS NULL
          AND NOT org_has_members(NULL, p_partner))))
    ), false)
$$;
--> statement-breakpoint
GRANT INSERT, DELETE ON memberships TO baken_app;--> statement-breakpoint
GRANT UPDATE (role) ON memberships TO baken_app;--> statement-breakpoint
CREATE POLICY memberships_grant ON memberships FOR INSERT TO baken_app
  WITH CHECK (ctx_may_grant(role::text, stichting_id, school_id, partner_id));--> statement-breakpoint
CREATE POLICY memberships_change ON memberships FOR UPDATE TO baken_app
  USING (ctx_may_grant(role::text, stichting_id, school_id, partner_id))
  WITH CHECK (ctx_may_grant(role::text, stichting_id, school_id, partner_id));--> statement-breakpoint
CREATE POLICY memberships_end ON memberships FOR DELETE TO baken_app
  USING (ctx_may_grant(role::text, stichting_id, school_id, partner_id));--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"stichting_id" uuid,
	"school_id" uuid,
	"partner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "invitations_email_lower" CHECK ("invitations"."email" = lower("invitations"."email")),
	CONSTRAINT "invitations_expiry" CHECK ("invitations"."expires_at" > "invitations"."created_at" AND "invitations"."expires_at" <= "invitations"."created_at" + interval '72 hours'),
	CONSTRAINT "invitations_scope" CHECK (("invitations"."stichting_id" IS NULL) <> ("invitations"."partner_id" IS NULL) AND ("invitations"."school_id" IS NULL OR "invitations"."stichting_id" IS NOT NULL)),
	CONSTRAINT "invitations_accepted_by" CHECK (("invitations"."accepted_at" IS NULL) = ("invitations"."accepted_user_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_school_id_stichting_id_schools_id_stichting_id_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_stichting_idx" ON "invitations" USING btree ("stichting_id","created_at");--> statement-breakpoint
CREATE TABLE "invitation_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"stichting_id" uuid,
	"school_id" uuid,
	"partner_id" uuid,
	CONSTRAINT "invitation_memberships_unique" UNIQUE NULLS NOT DISTINCT("invitation_id","role","stichting_id","school_id","partner_id"),
	CONSTRAINT "invitation_memberships_scope" CHECK (case
        when "invitation_memberships"."role" in ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon')
          then "invitation_memberships"."stichting_id" is not null and "invitation_memberships"."school_id" is not null and "invitation_memberships"."partner_id" is null
        when "invitation_memberships"."role" in ('bestuurder','stichtingbeheerder','privacyfunctionaris')
          then "invitation_memberships"."stichting_id" is not null and "invitation_memberships"."school_id" is null and "invitation_memberships"."partner_id" is null
        when "invitation_memberships"."role" in ('halt_medewerker','politie')
          then "invitation_memberships"."partner_id" is not null and "invitation_memberships"."stichting_id" is null and "invitation_memberships"."school_id" is null
        else false
      end)
);
--> statement-breakpoint
ALTER TABLE "invitation_memberships" ADD CONSTRAINT "invitation_memberships_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_memberships" ADD CONSTRAINT "invitation_memberships_stichting_id_stichtingen_id_fk" FOREIGN KEY ("stichting_id") REFERENCES "public"."stichtingen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_memberships" ADD CONSTRAINT "invitation_memberships_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_memberships" ADD CONSTRAINT "invitation_memberships_school_stichting_fk" FOREIGN KEY ("school_id","stichting_id") REFERENCES "public"."schools"("id","stichting_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
GRANT SELECT, INSERT ON invitations, invitation_memberships TO baken_app;--> statement-breakpoint
GRANT UPDATE (revoked_at) ON invitations TO baken_app;--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitation_memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitation_memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY owner_all ON invitations TO %I USING (true) WITH CHECK (true)', current_user);
  EXECUTE format('CREATE POLICY owner_all ON invitation_memberships TO %I USING (true) WITH CHECK (true)', current_user);
END $$;--> statement-breakpoint
-- Who sees an invitation: whoever sent it, the stichtingbeheerder of its stichting, the directeur of
-- its school.
CREATE FUNCTION ctx_sees_invitation(p_invited_by uuid, p_stichting uuid, p_school uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(p_invited_by = ctx_user_id()
    OR (ctx_role() = 'stichtingbeheerder' AND ctx_school_id() IS NULL AND p_stichting = ctx_stichting_id())
    OR (ctx_role() = 'directeur' AND p_school = ctx_school_id()), false)
$$;
--> statement-breakpoint
CREATE POLICY invitations_read ON invitations FOR SELECT TO baken_app
  USING (ctx_sees_invitation(invited_by, stichting_id, school_id));--> statement-breakpoint
CREATE POLICY invitations_create ON invitations FOR INSERT TO baken_app
  WITH CHECK (invited_by = (SELECT ctx_user_id()) AND accepted_at IS NULL AND revoked_at IS NULL
              AND ((SELECT ctx_role()) = 'platform_beheerder'
                   OR stichting_id = (SELECT ctx_stichting_id())
                      AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))));--> statement-breakpoint
CREATE POLICY invitations_revoke ON invitations FOR UPDATE TO baken_app
  USING (accepted_at IS NULL AND ctx_sees_invitation(invited_by, stichting_id, school_id))
  WITH CHECK (ctx_sees_invitation(invited_by, stichting_id, school_id));--> statement-breakpoint
CREATE POLICY invitation_memberships_read ON invitation_memberships FOR SELECT TO baken_app
  USING (EXISTS (SELECT 1 FROM invitations i WHERE i.id = invitation_memberships.invitation_id));--> statement-breakpoint
-- An offered membership is checked like the membership itself, against the inviter's own role.
CREATE POLICY invitation_memberships_offer ON invitation_memberships FOR INSERT TO baken_app
  WITH CHECK (ctx_may_grant(role::text, stichting_id, school_id, partner_id)
              AND EXISTS (SELECT 1 FROM invitations i
                          WHERE i.id = invitation_memberships.invitation_id AND i.invited_by = (SELECT ctx_user_id())
                            AND i.accepted_at IS NULL));--> statement-breakpoint
-- The invitation mail: the platform_beheerder has no stichting of its own, so the usual enqueue
-- policy does not cover it; this one lets the inviter queue exactly the mail of its own open
-- invitation, to the invited address, in the invitation's stichting.
CREATE POLICY outbox_invitation ON outbox FOR INSERT TO baken_app
  WITH CHECK (subject_ref LIKE 'invitation:%'
              AND EXISTS (SELECT 1 FROM invitations i
                          WHERE 'invitation:' || i.id::text = outbox.subject_ref
                            AND i.invited_by = (SELECT ctx_user_id()) AND i.accepted_at IS NULL
                            AND i.revoked_at IS NULL AND i.email = lower(outbox.to_address)
                            AND i.stichting_id = outbox.stichting_id));--> statement-breakpoint
-- What the invitee sees before accepting: the invitation's state, who invited, and for what.
CREATE FUNCTION invitation_by_token(p_token_hash text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT jsonb_build_object(
    'id', i.id, 'email', i.email, 'invitedBy', u.name, 'expiresAt', i.expires_at,
    'state', CASE WHEN i.revoked_at IS NOT NULL THEN 'revoked'
                  WHEN i.accepted_at IS NOT NULL THEN 'used'
                  WHEN i.expires_at <= now() THEN 'expired'
                  WHEN inviter.disabled_at IS NOT NULL THEN 'revoked'
                  ELSE 'open' END,
    'hasAccount', EXISTS (SELECT 1 FROM users x WHERE x.email = i.email),
    'memberships', (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'role', im.role, 'school', s.name, 'stichting', st.name, 'partner', p.name) ORDER BY im.role), '[]'::jsonb)
      FROM invitation_memberships im
      LEFT JOIN schools s ON s.id = im.school_id
      LEFT JOIN stichtingen st ON st.id = im.stichting_id
      LEFT JOIN partner_organisations p ON p.id = im.partner_id
      WHERE im.invitation_id = i.id))
  FROM invitations i
  JOIN users u ON u.id = i.invited_by
  JOIN users inviter ON inviter.id = i.invited_by
  WHERE i.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- Accepts an open invitation once. Without an account for the address, p_name and p_password_hash
-- make one; with one, the caller must be signed in as that account (ctx_user_id()), so a link alone
-- never adds roles to an existing account. The offered memberships were checked against the
-- inviter's role when they were offered; an inviter who has since been deactivated invalidates them.
-- Writes the audit row itself: the invitee has no tenant context to write it under.
CREATE FUNCTION accept_invitation(p_token_hash text, p_name text, p_password_hash text)
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
-- Deactivates or reactivates a user the acting role may manage: one who has memberships and all of
-- whose memberships the acting role could have granted (so a directeur never switches off a
-- beheerder, nor a beheerder someone who also works for another stichting), never oneself.
-- Deactivation ends every way in at once: sessions deleted, API tokens revoked.
CREATE FUNCTION set_user_disabled(p_user uuid, p_disabled boolean) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  current_disabled timestamptz;
BEGIN
  IF p_user = ctx_user_id() THEN RETURN 'self'; END IF;
  IF NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = p_user)
     OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = p_user
                AND NOT ctx_may_grant(m.role::text, m.stichting_id, m.school_id, m.partner_id)) THEN
    RETURN 'not_found';
  END IF;
  SELECT disabled_at INTO current_disabled FROM users WHERE id = p_user FOR UPDATE;
  IF p_disabled THEN
    IF current_disabled IS NOT NULL THEN RETURN 'unchanged'; END IF;
    UPDATE users SET disabled_at = now() WHERE id = p_user;
    DELETE FROM sessions WHERE user_id = p_user;
    UPDATE api_tokens SET revoked_at = now() WHERE user_id = p_user AND revoked_at IS NULL;
  ELSE
    IF current_disabled IS NULL THEN RETURN 'unchanged'; END IF;
    UPDATE users SET disabled_at = NULL WHERE id = p_user;
  END IF;
  RETURN 'changed';
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION invitation_by_token(text), accept_invitation(text, text, text), set_user_disabled(uuid, boolean), org_has_members(uuid, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION invitation_by_token(text), accept_invitation(text, text, text), set_user_disabled(uuid, boolean), org_has_members(uuid, uuid) TO baken_app;
