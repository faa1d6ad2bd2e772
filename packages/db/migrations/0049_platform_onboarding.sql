-- Onboarding a new installation. First, the installation's invitation of its first
-- platform_beheerder (`pnpm admin:bootstrap`). An empty production database has no user who could
-- invite anyone, so this one invitation has no inviter
-- and no organisation: the platform itself. Only the migration owner writes it (the bootstrap
-- script, run by whoever installs Baken); the application role cannot, because invitations_create
-- demands invited_by = the acting user and ctx_may_grant() grants platform_beheerder to nobody.
-- Accepting it is the usual accept_invitation(), which then makes the platform membership.
ALTER TABLE "invitations" ALTER COLUMN "invited_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_scope";--> statement-breakpoint
-- A stichting (and perhaps its school) or a partner organisation, as before; or, only without an
-- inviter, neither (the platform's own invitation). An inviter is required for every other one.
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_scope" CHECK (
  ((stichting_id IS NULL) <> (partner_id IS NULL) OR (stichting_id IS NULL AND partner_id IS NULL AND invited_by IS NULL))
  AND (school_id IS NULL OR stichting_id IS NOT NULL)
  AND (invited_by IS NOT NULL OR (stichting_id IS NULL AND partner_id IS NULL)));--> statement-breakpoint
ALTER TABLE "invitation_memberships" DROP CONSTRAINT "invitation_memberships_scope";--> statement-breakpoint
ALTER TABLE "invitation_memberships" ADD CONSTRAINT "invitation_memberships_scope" CHECK (case
        when role in ('directeur','intern_begeleider','leerkracht','vertrouwenspersoon')
          then stichting_id is not null and school_id is not null and partner_id is null
        when role in ('bestuurder','stichtingbeheerder','privacyfunctionaris')
          then stichting_id is not null and school_id is null and partner_id is null
        when role in ('halt_medewerker','politie')
          then partner_id is not null and stichting_id is null and school_id is null
        when role = 'platform_beheerder'
          then stichting_id is null and school_id is null and partner_id is null
        else false
      end);--> statement-breakpoint
-- As in 0046, but an invitation without an inviter names "Baken" as the one who invites.
CREATE OR REPLACE FUNCTION invitation_by_token(p_token_hash text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT jsonb_build_object(
    'id', i.id, 'email', i.email, 'invitedBy', coalesce(u.name, 'Baken'), 'expiresAt', i.expires_at,
    'state', CASE WHEN i.revoked_at IS NOT NULL THEN 'revoked'
                  WHEN i.accepted_at IS NOT NULL THEN 'used'
                  WHEN i.expires_at <= now() THEN 'expired'
                  WHEN u.disabled_at IS NOT NULL THEN 'revoked'
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
  LEFT JOIN users u ON u.id = i.invited_by
  WHERE i.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- The platform_beheerder corrects a stichting's name, KvK number and bevoegd gezag number (the
-- update policy of 0032 already admits only that role; the formats and unique keys stay as they are).
GRANT UPDATE ("name", "kvk_number", "bevoegd_gezag_number") ON "stichtingen" TO baken_app;
--> statement-breakpoint
-- Accepting an invitation through the stichting's own single sign-on: the invitee signs in at the
-- provider instead of choosing a password here. The invitation page asks which provider that is
-- (the enabled one of the open invitation's stichting, if any); nothing else about the provider.
CREATE FUNCTION sso_invitation_provider(p_token_hash text) RETURNS TABLE (id uuid, display_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id, p.display_name FROM invitations i
  JOIN sso_providers p ON p.stichting_id = i.stichting_id AND p.enabled
  WHERE i.token_hash = p_token_hash AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
$$;
--> statement-breakpoint
-- At the callback, with the provider's validated ID token: accepts the invitation for the address
-- the provider vouches for, and links the provider's subject to the new account, in one
-- transaction. The provider must be the invitation's stichting's own, the address verified by it
-- and equal to the invited one; an address with an account already goes the usual way (sign in
-- first: 'sign_in'). The account gets the password hash the caller passes: one of a random secret
-- nobody knows, so it signs in through the provider (or sets a password by a reset later).
-- Outcomes: 'accepted' (with user and membership), 'wrong_provider', 'unverified', 'other_email',
-- 'other_subject' (this subject already belongs to someone), or accept_invitation()'s own.
CREATE FUNCTION accept_invitation_sso(p_token_hash text, p_provider uuid, p_subject text, p_email text,
                                      p_email_verified boolean, p_name text, p_password_hash text)
RETURNS TABLE (outcome text, user_id uuid, membership_id uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  inv invitations%ROWTYPE;
  accepted record;
BEGIN
  SELECT * INTO inv FROM invitations WHERE token_hash = p_token_hash;
  IF NOT FOUND THEN RETURN QUERY SELECT 'not_found'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  IF inv.stichting_id IS NULL OR NOT EXISTS (SELECT 1 FROM sso_providers p WHERE p.id = p_provider AND p.enabled AND p.stichting_id = inv.stichting_id) THEN
    RETURN QUERY SELECT 'wrong_provider'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  IF NOT coalesce(p_email_verified, false) THEN RETURN QUERY SELECT 'unverified'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  IF lower(trim(coalesce(p_email, ''))) <> inv.email THEN RETURN QUERY SELECT 'other_email'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  IF EXISTS (SELECT 1 FROM sso_identities s WHERE s.provider_id = p_provider AND s.subject = p_subject) THEN
    RETURN QUERY SELECT 'other_subject'::text, NULL::uuid, NULL::uuid; RETURN; END IF;
  SELECT * INTO accepted FROM accept_invitation(p_token_hash, p_name, p_password_hash);
  IF accepted.outcome = 'accepted' THEN
    INSERT INTO sso_identities (provider_id, subject, user_id) VALUES (p_provider, p_subject, accepted.user_id)
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN QUERY SELECT accepted.outcome, accepted.user_id, accepted.membership_id;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION sso_invitation_provider(text), accept_invitation_sso(text, uuid, text, text, boolean, text, text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION sso_invitation_provider(text), accept_invitation_sso(text, uuid, text, text, boolean, text, text) TO baken_app;
