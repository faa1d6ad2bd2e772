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
-- As in 0046, and: an invitation without an inviter names "Baken" as the one who invites; and the
-- invitation's stichting (null for a partner's or the platform's), which the page needs to offer
-- the stichting's own single sign-on for accepting it.
CREATE OR REPLACE FUNCTION invitation_by_token(p_token_hash text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT jsonb_build_object(
    'id', i.id, 'email', i.email, 'invitedBy', coalesce(u.name, 'Baken'), 'expiresAt', i.expires_at,
    'stichtingId', i.stichting_id,
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
