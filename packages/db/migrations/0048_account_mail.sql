-- Account mail: messages about a person's own account (an invitation, a password-reset link, a
-- notice that a recovery code was used) are that person's, not their stichting's.
--
-- * A message body is no longer readable by the app role from the table itself. Whoever may read a
--   stichting's mail (directeur, stichtingbeheerder, bestuurder) reads a body only through
--   outbox_message_body(), which never returns the body of account mail: an invitation or reset
--   link in someone else's hands is that account in someone else's hands. The envelope (to, subject,
--   status) stays readable as before.
-- * stichting_id may be null, and only for account mail: a partner organisation's first user, a
--   platform beheerder and a Halt or police user have no stichting, and their mail still has to go.
-- * A signed-in user may queue a notice to their own address (the recovery-code mail).
ALTER TABLE outbox ALTER COLUMN stichting_id DROP NOT NULL;--> statement-breakpoint
ALTER TABLE outbox ADD CONSTRAINT outbox_account_mail_only_without_stichting
  CHECK (stichting_id IS NOT NULL OR subject_ref ~ '^(invitation|password-reset|account-notice):');--> statement-breakpoint
REVOKE SELECT ON outbox FROM baken_app;--> statement-breakpoint
GRANT SELECT (id, stichting_id, school_id, subject_ref, to_address, subject, status, attempts,
              next_attempt_at, locked_until, sent_at, provider_message_id, last_error,
              created_by_id, created_at) ON outbox TO baken_app;--> statement-breakpoint
-- The plain-text body of one message, when the caller may read it under outbox_read and it is not
-- account mail; null otherwise (another tenant's message looks the same as a missing one).
CREATE FUNCTION outbox_message_body(p_id uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.text FROM outbox o
  WHERE o.id = p_id
    AND o.stichting_id = ctx_stichting_id()
    AND (ctx_school_id() IS NULL OR o.school_id = ctx_school_id())
    AND ctx_role() IN ('directeur', 'stichtingbeheerder', 'bestuurder')
    AND coalesce(o.subject_ref, '') !~ '^(invitation|password-reset|account-notice):'
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION outbox_message_body(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION outbox_message_body(uuid) TO baken_app;--> statement-breakpoint
-- The signed-in user's own address (users are not readable row by row by every role).
CREATE FUNCTION ctx_user_email() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.email FROM users u WHERE u.id = ctx_user_id() AND u.disabled_at IS NULL
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION ctx_user_email() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION ctx_user_email() TO baken_app;--> statement-breakpoint
-- An invitation's mail: from its sender, to its address, under its stichting — or under none for a
-- partner organisation's invitation.
DROP POLICY outbox_invitation ON outbox;--> statement-breakpoint
CREATE POLICY outbox_invitation ON outbox FOR INSERT TO baken_app
  WITH CHECK (subject_ref LIKE 'invitation:%'
              AND EXISTS (SELECT 1 FROM invitations i
                          WHERE 'invitation:' || i.id::text = outbox.subject_ref
                            AND i.invited_by = (SELECT ctx_user_id()) AND i.accepted_at IS NULL
                            AND i.revoked_at IS NULL AND i.email = lower(outbox.to_address)
                            AND i.stichting_id IS NOT DISTINCT FROM outbox.stichting_id
                            AND (i.stichting_id IS NOT NULL OR outbox.school_id IS NULL)));--> statement-breakpoint
CREATE POLICY outbox_account_notice ON outbox FOR INSERT TO baken_app
  WITH CHECK (subject_ref LIKE 'account-notice:%' AND stichting_id IS NULL AND school_id IS NULL
              AND lower(to_address) = (SELECT ctx_user_email()));--> statement-breakpoint
-- A reset link is account mail: every active user gets it, with or without a stichting.
CREATE OR REPLACE FUNCTION request_password_reset(p_email text, p_token_hash text, p_subject text, p_text text, p_html text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  uid uuid;
  rid uuid;
BEGIN
  SELECT u.id INTO uid FROM users u WHERE u.email = lower(trim(p_email)) AND u.disabled_at IS NULL;
  IF uid IS NULL THEN RETURN; END IF;
  INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES (uid, p_token_hash, now() + interval '1 hour')
    RETURNING id INTO rid;
  INSERT INTO outbox (stichting_id, subject_ref, to_address, subject, text, html)
    VALUES (NULL, 'password-reset:' || rid::text, lower(trim(p_email)), p_subject, p_text, p_html);
END
$$;
--> statement-breakpoint
-- A partner organisation's users invite their colleagues, in their own role only (a Halt worker
-- a Halt worker of the same region, a police officer one of the same unit). The platform invites
-- only the first.
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
DROP POLICY invitations_create ON invitations;--> statement-breakpoint
CREATE POLICY invitations_create ON invitations FOR INSERT TO baken_app
  WITH CHECK (invited_by = (SELECT ctx_user_id()) AND accepted_at IS NULL AND revoked_at IS NULL
              AND ((SELECT ctx_role()) = 'platform_beheerder'
                   OR stichting_id = (SELECT ctx_stichting_id())
                      AND ((SELECT ctx_school_id()) IS NULL OR school_id = (SELECT ctx_school_id()))
                   OR stichting_id IS NULL AND partner_id = (SELECT ctx_partner_id())));
--> statement-breakpoint
-- A partner organisation's admin changes (a colleague invited) are recorded under no stichting,
-- where the platform beheerder reads the organisations' trail.
DROP POLICY admin_audit_write ON admin_audit;--> statement-breakpoint
CREATE POLICY admin_audit_write ON admin_audit FOR INSERT TO baken_app
  WITH CHECK (actor_user_id = (SELECT ctx_user_id()) AND actor_role::text = (SELECT ctx_role())
              AND (stichting_id = (SELECT ctx_stichting_id())
                   OR (SELECT ctx_role()) = 'platform_beheerder'
                   OR stichting_id IS NULL AND (SELECT ctx_partner_id()) IS NOT NULL));
