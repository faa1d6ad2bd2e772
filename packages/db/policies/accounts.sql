-- GENERATED FILE - do not edit. Row-level security of the "accounts" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table admin_audit
-- -------------------------------------------------------------------------------------------------
ALTER TABLE admin_audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE admin_audit FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON admin_audit TO baken_app;

CREATE POLICY admin_audit_read_platform ON admin_audit AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id IS NULL
    AND (( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text
  );

CREATE POLICY admin_audit_read_stichting ON admin_audit AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['stichtingbeheerder'::text, 'privacyfunctionaris'::text]))
  );

CREATE POLICY admin_audit_write ON admin_audit AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    actor_user_id = (( SELECT ctx_user_id() AS ctx_user_id))
    AND actor_role::text = (( SELECT ctx_role() AS ctx_role))
    AND (
      stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
      OR (( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text
      OR stichting_id IS NULL AND (( SELECT ctx_partner_id() AS ctx_partner_id)) IS NOT NULL
    )
  );

CREATE POLICY owner_all ON admin_audit AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table invitation_memberships
-- -------------------------------------------------------------------------------------------------
ALTER TABLE invitation_memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation_memberships FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON invitation_memberships TO baken_app;

CREATE POLICY invitation_memberships_offer ON invitation_memberships AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    ctx_may_grant(role::text, stichting_id, school_id, partner_id)
    AND (EXISTS ( SELECT 1
           FROM invitations i
          WHERE i.id = invitation_memberships.invitation_id AND i.invited_by = (( SELECT ctx_user_id() AS ctx_user_id)) AND i.accepted_at IS NULL))
  );

CREATE POLICY invitation_memberships_read ON invitation_memberships AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    (EXISTS ( SELECT 1
       FROM invitations i
      WHERE i.id = invitation_memberships.invitation_id))
  );

CREATE POLICY owner_all ON invitation_memberships AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table invitations
-- -------------------------------------------------------------------------------------------------
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON invitations TO baken_app;
GRANT UPDATE (revoked_at) ON invitations TO baken_app;

CREATE POLICY invitations_create ON invitations AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    invited_by = (( SELECT ctx_user_id() AS ctx_user_id))
    AND accepted_at IS NULL
    AND revoked_at IS NULL
    AND (
      (( SELECT ctx_role() AS ctx_role)) = 'platform_beheerder'::text
      OR stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
           AND (
             (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
             OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
           )
      OR stichting_id IS NULL AND partner_id = (( SELECT ctx_partner_id() AS ctx_partner_id))
    )
  );

CREATE POLICY invitations_read ON invitations AS PERMISSIVE FOR SELECT TO baken_app
  USING (ctx_sees_invitation(invited_by, stichting_id, school_id));

CREATE POLICY invitations_revoke ON invitations AS PERMISSIVE FOR UPDATE TO baken_app
  USING (accepted_at IS NULL AND ctx_sees_invitation(invited_by, stichting_id, school_id))
  WITH CHECK (ctx_sees_invitation(invited_by, stichting_id, school_id));

CREATE POLICY owner_all ON invitations AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table password_resets
-- -------------------------------------------------------------------------------------------------
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
-- no grants to other roles

CREATE POLICY owner_all ON password_resets AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);

-- -------------------------------------------------------------------------------------------------
-- Table sign_in_links
-- -------------------------------------------------------------------------------------------------
ALTER TABLE sign_in_links ENABLE ROW LEVEL SECURITY;
ALTER TABLE sign_in_links FORCE ROW LEVEL SECURITY;
-- no grants to other roles

CREATE POLICY owner_all ON sign_in_links AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
