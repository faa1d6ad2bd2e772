-- GENERATED FILE - do not edit. Row-level security of the "mail" tables as it stands after
-- all migrations in packages/db/migrations, read from the catalogue by packages/db/src/policies-snapshot.ts.
-- To change a policy, write a migration; then regenerate this folder with:
--   pnpm --filter @baken/db policies:snapshot
-- The db test policies-snapshot.db.test.ts fails while these files and the migrations disagree.
-- CURRENT_USER in a policy stands for the role that ran the migrations and owns the tables.

-- -------------------------------------------------------------------------------------------------
-- Table outbox
-- -------------------------------------------------------------------------------------------------
ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
GRANT INSERT ON outbox TO baken_app;
GRANT SELECT (attempts, created_at, created_by_id, id, last_error, locked_until, next_attempt_at, provider_message_id, school_id, sent_at, status, stichting_id, subject, subject_ref, to_address) ON outbox TO baken_app;
GRANT SELECT, UPDATE ON outbox TO baken_mailer;

CREATE POLICY outbox_account_notice ON outbox AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    subject_ref ~~ 'account-notice:%'::text
    AND stichting_id IS NULL
    AND school_id IS NULL
    AND lower(to_address) = (( SELECT ctx_user_email() AS ctx_user_email))
  );

CREATE POLICY outbox_enqueue ON outbox AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
  );

CREATE POLICY outbox_halt_closing ON outbox AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    (( SELECT ctx_role() AS ctx_role)) = 'halt_medewerker'::text
    AND subject_ref ~~ 'halt_referral:%'::text
    AND (EXISTS ( SELECT 1
           FROM halt_referrals r
          WHERE ('halt_referral:'::text || r.id::text) = outbox.subject_ref AND ctx_is_halt(r.partner_id) AND r.stichting_id = outbox.stichting_id AND r.school_id = outbox.school_id AND r.status = 'afgesloten'::text AND lower(r.contact_email) = lower(outbox.to_address)))
  );

CREATE POLICY outbox_invitation ON outbox AS PERMISSIVE FOR INSERT TO baken_app
  WITH CHECK (
    subject_ref ~~ 'invitation:%'::text
    AND (EXISTS ( SELECT 1
           FROM invitations i
          WHERE ('invitation:'::text || i.id::text) = outbox.subject_ref AND i.invited_by = (( SELECT ctx_user_id() AS ctx_user_id)) AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.email = lower(outbox.to_address) AND NOT i.stichting_id IS DISTINCT FROM outbox.stichting_id AND (i.stichting_id IS NOT NULL OR outbox.school_id IS NULL)))
  );

CREATE POLICY outbox_read ON outbox AS PERMISSIVE FOR SELECT TO baken_app
  USING (
    stichting_id = (( SELECT ctx_stichting_id() AS ctx_stichting_id))
    AND (
      (( SELECT ctx_school_id() AS ctx_school_id)) IS NULL
      OR school_id = (( SELECT ctx_school_id() AS ctx_school_id))
    )
    AND ((( SELECT ctx_role() AS ctx_role)) = ANY (ARRAY['directeur'::text, 'stichtingbeheerder'::text, 'bestuurder'::text]))
  );

CREATE POLICY outbox_worker ON outbox AS PERMISSIVE FOR ALL TO baken_mailer
  USING (true)
  WITH CHECK (true);

CREATE POLICY owner_all ON outbox AS PERMISSIVE FOR ALL TO CURRENT_USER
  USING (true)
  WITH CHECK (true);
